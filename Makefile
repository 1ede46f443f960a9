# Leerwinkel Intake: `make run` starts the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint types unit ui postgres benchmarks translations package clean

$(STAMP): pyproject.toml setup.py
	@$(PYTHON) -c 'import venv' 2>/dev/null || { echo "Python's venv module is missing: apt-get install python3-venv"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/leerwinkel

test: $(STAMP)
	$(BIN)/ruff check leerwinkel ui tests benchmarks
	$(BIN)/ruff format --check leerwinkel ui tests benchmarks
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check leerwinkel ui tests benchmarks

types: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest tests/core tests/migrations -m 'not postgres'

ui: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/ui

postgres: $(STAMP)
	$(BIN)/python -m pytest -m postgres

BENCHMARKS := storage_commit intake catalogue_search letters reports security sync

benchmarks: $(STAMP)
	@for b in $(BENCHMARKS); do echo "== $$b"; $(BIN)/python benchmarks/$$b.py || exit 1; done

# Refresh the translators' source file from every self.tr() in ui/, and compile it (.qm is not committed).
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find ui -name "*.py" | sort) -source-language nl_BE -target-language en -ts resources/translations/leerwinkel_en.ts
	$(BIN)/pyside6-lrelease resources/translations/leerwinkel_en.ts -qm resources/translations/leerwinkel_en.qm

# The one-folder application for this machine (dist/leerwinkel/: leerwinkel, leerwinkel-cli) and a tarball of it.
package: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/leerwinkel.spec
	mkdir -p dist/leerwinkel/share
	cp packaging/leerwinkel.desktop dist/leerwinkel/share/
	cp resources/images/leerwinkel-logo.png dist/leerwinkel/share/leerwinkel-intake.png
	cp packaging/install-linux.sh dist/leerwinkel/
	tar -C dist -czf dist/leerwinkel-$$($(BIN)/python -c 'import leerwinkel; print(leerwinkel.__version__)')-$$(uname -s | tr A-Z a-z)-$$(uname -m).tar.gz leerwinkel
	@echo "Built dist/leerwinkel/ and its tarball; see packaging/README.md"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
