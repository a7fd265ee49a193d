# make run   — set everything up (idempotently) and open Kintsugi on the default vault
# make test  — set everything up (idempotently) and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.kintsugi-installed
SYSTEM := $(VENV)/.system-ok
TR_DIR := resources/translations
QM     := $(TR_DIR)/kintsugi_es.qm $(TR_DIR)/kintsugi_en.qm
LUPDATE := $(VENV)/bin/pyside6-lupdate -extensions py -locations none -no-obsolete -silent

# The Spanish screenshots (docs/screenshots/es/): the main screens at 1280 × 800 and 800 × 600,
# a few at a 16 pt system font, in the dark theme and at 200 % (960 × 540 logical).
ES_TOUR  = KINTSUGI_LANGUAGE=es xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots_tour.py --out docs/screenshots/es
ES_SHOTS = journal journal-new-entry exercise-chooser exercise-thought_record section-2-desencadenantes section-4-revisiones-tab1 section-4-revisiones-tab3 section-5-compartir-tab1 section-6-tendencias search dialog-settings dialog-quick-log
ES_FEW   = journal exercise-thought_record section-6-tendencias

.PHONY: run test lint bench screenshots translations package package-test install-desktop uninstall-desktop system clean

run: $(STAMP) $(QM)
	$(VENV)/bin/kintsugi $(ARGS)

test: $(STAMP) $(QM)
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/ruff format --check src tests bench scripts
	$(VENV)/bin/mypy --strict src/kintsugi/core
	$(VENV)/bin/mypy --follow-imports=silent src/kintsugi/ui src/kintsugi/cli.py src/kintsugi/__main__.py
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/ruff format --check src tests bench scripts
	$(VENV)/bin/mypy --strict src/kintsugi/core
	$(VENV)/bin/mypy --follow-imports=silent src/kintsugi/ui src/kintsugi/cli.py src/kintsugi/__main__.py

bench: $(STAMP)
	$(PY) bench/bench_core.py $(BENCH_ARGS)
	$(PY) bench/bench_gui.py
	$(PY) bench/bench_export.py

screenshots: $(STAMP) $(QM)
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots.py
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshots_calm.py
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots_attachments.py
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots_attachments.py --es-800x600
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots_repair.py
	KINTSUGI_LANGUAGE=es xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots_repair.py --size 800x600 --suffix=-es-800x600
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots_practices.py
	KINTSUGI_LANGUAGE=es xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots_practices.py --size 800x600 --suffix=-es-800x600
	QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 1920x1080x24" $(PY) scripts/screenshots_calm.py --suffix -200
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots_layout.py --size 800x600 --suffix=-800x600
	QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 1920x1080x24" $(PY) scripts/screenshots_layout.py --suffix=-200
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots_layout.py --font-pt 16 --suffix=-16pt
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots_layout.py --size 1100x720 --theme dark --suffix=-dark
	$(ES_TOUR) --size 1280x800 --suffix=-1280x800 --only $(ES_SHOTS)
	$(ES_TOUR) --size 800x600 --suffix=-800x600 --only $(ES_SHOTS)
	$(ES_TOUR) --size 1280x800 --font-pt 16 --suffix=-16pt --only $(ES_FEW)
	$(ES_TOUR) --size 1100x720 --theme dark --suffix=-dark --only $(ES_FEW)
	KINTSUGI_LANGUAGE=es QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 1920x1080x24" $(PY) scripts/screenshots_tour.py --out docs/screenshots/es --suffix=-200 --only $(ES_FEW)

# The .ts files are the source of truth; the .qm files are built from them (and kept in the
# repository, so an install needs no Qt tools; tests/test_translations.py checks they match).
# After changing an interface text: make translations, translate what is new in
# kintsugi_es.ts (Qt Linguist, or by hand), make translations again, commit all four files.
translations: $(STAMP)
	$(LUPDATE) -target-language es src/kintsugi -ts $(TR_DIR)/kintsugi_es.ts
	$(LUPDATE) -target-language en -pluralonly src/kintsugi -ts $(TR_DIR)/kintsugi_en.ts
	$(VENV)/bin/pyside6-lrelease -silent $(TR_DIR)/kintsugi_es.ts $(TR_DIR)/kintsugi_en.ts

$(TR_DIR)/%.qm: $(TR_DIR)/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

package: $(STAMP) $(QM)
	$(PY) -m pip install -q pyinstaller
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/kintsugi.spec

package-test: package
	QT_QPA_PLATFORM=offscreen dist/kintsugi/kintsugi --self-check

DESKTOP_DIR ?= $(HOME)/.local/share
install-desktop: package
	mkdir -p $(HOME)/.local/opt $(HOME)/.local/bin $(DESKTOP_DIR)/applications $(DESKTOP_DIR)/metainfo
	rm -rf $(HOME)/.local/opt/kintsugi && cp -r dist/kintsugi $(HOME)/.local/opt/kintsugi
	ln -sf $(HOME)/.local/opt/kintsugi/kintsugi $(HOME)/.local/bin/kintsugi
	install -m 644 resources/kintsugi.desktop $(DESKTOP_DIR)/applications/kintsugi.desktop
	install -m 644 packaging/io.github.kintsugi_journal.Kintsugi.metainfo.xml $(DESKTOP_DIR)/metainfo/
	for s in 16 32 48 64 128 256 512; do \
	  mkdir -p $(DESKTOP_DIR)/icons/hicolor/$${s}x$${s}/apps; \
	  install -m 644 resources/icons/kintsugi-$$s.png $(DESKTOP_DIR)/icons/hicolor/$${s}x$${s}/apps/kintsugi.png; \
	done
	mkdir -p $(DESKTOP_DIR)/icons/hicolor/scalable/apps
	install -m 644 resources/icons/kintsugi.svg $(DESKTOP_DIR)/icons/hicolor/scalable/apps/kintsugi.svg

uninstall-desktop:
	rm -rf $(HOME)/.local/opt/kintsugi $(HOME)/.local/bin/kintsugi
	rm -f $(DESKTOP_DIR)/applications/kintsugi.desktop $(DESKTOP_DIR)/metainfo/io.github.kintsugi_journal.Kintsugi.metainfo.xml
	rm -f $(DESKTOP_DIR)/icons/hicolor/*/apps/kintsugi.png $(DESKTOP_DIR)/icons/hicolor/scalable/apps/kintsugi.svg

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
