#!/usr/bin/env python3
"""Build the Zhengbao site: `python build.py --help`."""

import sys

from zhengbao.cli import main

if __name__ == "__main__":
    sys.exit(main())
