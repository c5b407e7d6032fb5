# Two commands on a fresh Debian machine with Python 3.11: `make site`, `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
N ?= 5
BROWSER_PACKAGES := chromium fonts-noto-cjk

.PHONY: site test lint bench corpus browser clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt $(VENV)/.runtime
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

site: $(VENV)/.runtime
	$(PY) build.py

# Debian's Chromium and CJK fonts for the browser tests; installed when missing and root.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null; \
	  else \
	    echo "Browser tests need: apt-get install -y $(BROWSER_PACKAGES) (run as root)"; exit 1; \
	  fi; \
	fi

test: $(VENV)/.dev browser
	$(PY) -m ruff check zhengbao tools tests build.py
	$(PY) -m pytest -q tests

lint: $(VENV)/.dev
	$(PY) -m ruff check zhengbao tools tests build.py

bench: $(VENV)/.dev browser
	$(PY) -m tools.bench --reports $(N)

corpus: $(VENV)/.runtime
	$(PY) -m tools.corpus --count $(N) --out corpus/$(N)

clean:
	rm -rf site .build .cache
