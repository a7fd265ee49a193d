# make run   — set everything up (idempotently) and open Kintsugi on the default vault
# make test  — set everything up (idempotently) and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.kintsugi-installed
SYSTEM := $(VENV)/.system-ok

.PHONY: run test lint bench screenshots system clean

run: $(STAMP)
	$(VENV)/bin/kintsugi $(ARGS)

test: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench

bench: $(STAMP)
	$(PY) bench/bench_core.py $(BENCH_ARGS)
	$(PY) bench/bench_gui.py

screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots.py

system:
	bash scripts/setup-system.sh

$(SYSTEM): scripts/setup-system.sh
	bash scripts/setup-system.sh
	$(PYTHON) -m venv $(VENV)
	touch $@

$(STAMP): pyproject.toml $(SYSTEM)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
