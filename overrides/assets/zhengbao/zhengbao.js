/* Zhengbao page behaviour. Works from file:// (no fetch, no other hosts). */
