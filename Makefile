# Leerwinkel Intake: `make run` starts the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint types unit ui postgres benchmarks translations compiled-translations package clean

# The compiled catalogues (.qm for the window, .mo for the core) are generated, not committed: every target
# that runs the app builds them first (packaging/translations.py; only a catalogue older than its source).
compiled-translations: $(STAMP)
	$(BIN)/python packaging/translations.py compile

$(STAMP): pyproject.toml setup.py
	@$(PYTHON) -c 'import venv' 2>/dev/null || { echo "Python's venv module is missing: apt-get install python3-venv"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: compiled-translations
	$(BIN)/leerwinkel

test: compiled-translations
	$(BIN)/ruff check leerwinkel ui tests benchmarks
	$(BIN)/ruff format --check leerwinkel ui tests benchmarks
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check leerwinkel ui tests benchmarks

types: $(STAMP)
	$(BIN)/mypy

unit: compiled-translations
	$(BIN)/python -m pytest tests/core tests/migrations -m 'not postgres'

ui: compiled-translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/ui

postgres: compiled-translations
	$(BIN)/python -m pytest -m postgres

BENCHMARKS := startup memory storage_commit intake catalogue_search search_quality letters reports signin backup security sync

benchmarks: $(STAMP)
	@for b in $(BENCHMARKS); do echo "== $$b"; $(BIN)/python benchmarks/$$b.py || exit 1; done

# Refresh the translators' sources from the code: every self.tr()/QT_TRANSLATE_NOOP of ui/ into
# resources/translations/leerwinkel_<lang>.ts (Qt Linguist), every _()/N_() of leerwinkel/ into leerwinkel_<lang>.po;
# then compile them. New texts arrive untranslated and tests/core/test_translations.py fails until they are done.
translations: $(STAMP)
	$(BIN)/python packaging/translations.py extract

# The one-folder application for this machine (dist/leerwinkel/: leerwinkel, leerwinkel-cli) and a tarball of it.
package: compiled-translations
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/leerwinkel.spec
	mkdir -p dist/leerwinkel/share
	cp packaging/leerwinkel.desktop dist/leerwinkel/share/
	cp resources/images/leerwinkel-logo.png dist/leerwinkel/share/leerwinkel-intake.png
	cp packaging/install-linux.sh dist/leerwinkel/
	tar -C dist -czf dist/leerwinkel-$$($(BIN)/python -c 'import leerwinkel; print(leerwinkel.__version__)')-$$(uname -s | tr A-Z a-z)-$$(uname -m).tar.gz leerwinkel
	@echo "Built dist/leerwinkel/ and its tarball; see packaging/README.md"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
