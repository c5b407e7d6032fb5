"""Knowledge about how the reports are written, one module per kind, each pattern naming its source.

- `characters`: sentence ends, spaces, invisible characters, pinyin hints, Markdown marks.
- `numbering`: the numbering of official documents (一、 / （一） / the summary's "1 …" / 附件)
  and the shape of unnumbered heading lines.
- `front_matter`: title, date, speaker and salutation lines.
- `shapes`: predicates on one line's shape that both the clean and the parse stage use
  ("this line starts something new", "this line ends a sentence").

README.md ("Text conventions") documents them.
"""

from __future__ import annotations

from . import characters, front_matter, numbering, shapes

__all__ = ["characters", "front_matter", "numbering", "shapes"]
