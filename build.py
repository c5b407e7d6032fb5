#!/usr/bin/env python3
"""Build the Zhengbao site: `python build.py --help`."""

import sys

if __name__ == "__main__":
    # Imported here: MkDocs' process (zhengbao/render_process.py, spawned) imports this file too,
    # and needs none of the build's stages.
    from zhengbao.cli import main

    sys.exit(main())
