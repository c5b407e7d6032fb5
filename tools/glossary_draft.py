"""`python -m tools.glossary_draft`: a draft content/glossary-keys.yml for every annex entry, to curate by hand."""

from __future__ import annotations

import sys

from zhengbao import ROOT
from zhengbao.link.glossary import draft_table
from zhengbao.pipeline import build_reports

if __name__ == "__main__":
    sys.stdout.write(draft_table(build_reports(ROOT / "content")))
