/* Zhengbao paragraph search, the codes the index is written in (docs/search-format.md): numbers as
 * self-delimiting codes (zhengbao/search/encoding.py), the bit codes of the key lists
 * (zhengbao/search/bits.py), the text dictionary and the Huffman code of the lengths. Loaded before
 * search-engine.js, which calls setup() with the manifest's `numbers` and reads with these. */
(function () {
  "use strict";

  /* The digit of each character code, the alphabet's size, how many digits end a number, how many
   * bits two characters of a bit string hold. */
  var digitOf, base, terminal, continuation, packBits;
  function setup(numbers) {
    var alphabet = numbers.alphabet;
    digitOf = new Int16Array(128).fill(-1);
    for (var d = 0; d < alphabet.length; d++) digitOf[alphabet.charCodeAt(d)] = d;
    base = alphabet.length; terminal = numbers.terminal; continuation = base - terminal;
    packBits = numbers.packBits;
  }

  /* Reads the numbers of a code string one by one from `at` (zhengbao/search/encoding.py):
   * continuation characters, most significant first, then one terminal character. */
  function Reader(text, at) { this.text = text; this.at = at || 0; }
  Reader.prototype.next = function () {
    var value = 0;
    for (;;) {
      var digit = digitOf[this.text.charCodeAt(this.at++)];
      if (digit < terminal) return value * terminal + digit;
      value = value * continuation + digit - terminal;
    }
  };
  Reader.prototype.all = function () { var out = []; while (this.at < this.text.length) out.push(this.next()); return out; };

  /* Reads a bit string (a key list, a text, the lengths) from `at` (zhengbao/search/bits.py): two
   * characters hold packBits bits, most significant first; gamma, exponential Golomb and truncated
   * binary codes. */
  function Bits(text, at) { this.text = text; this.at = at; this.word = 0; this.left = 0; }
  /* The next two characters' bits after the `left` unread ones (fewer than packBits) in `word`. */
  Bits.prototype.fill = function () {
    var next = digitOf[this.text.charCodeAt(this.at)] * base + digitOf[this.text.charCodeAt(this.at + 1)];
    this.word = ((this.word & ((1 << this.left) - 1)) << packBits) | next; this.at += 2; this.left += packBits;
  };
  Bits.prototype.bit = function () { if (!this.left) this.fill(); return (this.word >>> --this.left) & 1; };
  /* The next `width` bits as a number: at most packBits from the word, more in steps of packBits. */
  Bits.prototype.read = function (width) {
    if (width > packBits) { var high = this.read(width - packBits); return high * (1 << packBits) + this.read(packBits); }
    if (this.left < width) this.fill();
    this.left -= width;
    return (this.word >>> this.left) & ((1 << width) - 1);
  };
  /* Zeros up to the first 1 (counted with clz32 on what the word holds), then as many bits. */
  Bits.prototype.gamma = function () {
    for (var zeros = 0, rest; ; zeros += this.left, this.left = 0) {
      if (!this.left) this.fill();
      if ((rest = this.word & ((1 << this.left) - 1))) break;
    }
    var lead = this.left - bitLength(rest);
    this.left -= lead + 1; zeros += lead;
    return zeros ? Math.pow(2, zeros) + this.read(zeros) - 1 : 0;
  };
  Bits.prototype.golomb = function (k) { var high = this.gamma(); return k ? high * (1 << k) + this.read(k) : high; };
  Bits.prototype.truncated = function (radix) {
    var width = bitLength(radix - 1), spare = (1 << width) - radix, value = width > 1 ? this.read(width - 1) : 0;
    return value < spare || !width ? value : value * 2 + this.bit() - spare;
  };
  function bitLength(n) { return 32 - Math.clz32(n); }
  /* k of the owner gaps (bits.gap_parameter) and of the offset steps (bits.delta_parameter). */
  function parameter(total, count) { return Math.max(0, bitLength(Math.floor(total / count)) - 2); }

  /* The text dictionary, rank → token (encoding.dictionary_field): the tokens one after the other,
   * one character each but two at the ranks `pairs` lists (each as its distance from the one before − 1). */
  function tokens(text, pairs, sizes) {
    var points = Array.from(text), pairAt = new Set(), rank = -1, out = [];
    new Reader(pairs).all().forEach(function (gap) { pairAt.add(rank += gap + 1); });
    for (var at = 0, pair; at < points.length;) {
      sizes.push((pair = pairAt.has(out.length)) ? 2 : 1);
      out.push(pair ? points[at++] + points[at++] : points[at++]);
    }
    return out;
  }

  /* A canonical Huffman code (bits.encode_huffman, bits.encode_texts_bits): `table` is numbers, the
   * longest code length D, how many codes of each length 1…D, [the values in code order]. index(bits)
   * reads one code from a Bits and gives its place in code order; value(bits), the value there. */
  function Huffman(table) {
    var numbers = new Reader(table).all();
    this.perLength = numbers.slice(1, numbers[0] + 1); this.values = numbers.slice(numbers[0] + 1);
  }
  Huffman.prototype.index = function (bits) {
    for (var code = bits.bit(), first = 0, index = 0, length = 0; ; code = code * 2 + bits.bit()) {
      var count = this.perLength[length++];
      if (code - count < first) return index + code - first;
      index += count; first = (first + count) * 2;
    }
  };
  /* Fills `out` with the values of the codes of a whole bit string, one after the other (as index()
   * and values, in one loop over each two characters' bits: every cold query reads the lengths). */
  Huffman.prototype.fill = function (packed, out) {
    var perLength = this.perLength, values = this.values, n = 0, code = 0, first = 0, index = 0, length = 0;
    for (var at = 0; at < packed.length && n < out.length; at += 2) {
      var word = digitOf[packed.charCodeAt(at)] * base + digitOf[packed.charCodeAt(at + 1)];
      for (var bit = packBits - 1; bit >= 0 && n < out.length; bit--) {
        code |= (word >> bit) & 1;
        var count = perLength[length++];
        if (code - count < first) { out[n++] = values[index + code - first]; code = first = index = length = 0; }
        else { index += count; first = (first + count) << 1; code <<= 1; }
      }
    }
  };

  window.zbSearchCodes = { setup: setup, Reader: Reader, Bits: Bits, parameter: parameter, tokens: tokens, Huffman: Huffman };
})();
