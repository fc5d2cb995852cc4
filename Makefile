# Two commands do all the set-up on a fresh Debian/Ubuntu machine:
#   make run    installs what is missing and starts the app
#   make test   installs what is missing and runs every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: run test bench screens package package-windows catalogs messages system-deps-run system-deps-test clean dev

run: system-deps-run $(VENV)/.installed
	$(BIN)/python -m app

# ruff and mypy first (seconds; mypy reads its files and settings from pyproject.toml), then every test;
# pytest exits 5 when it collects no test: that is not a failure of the build.
test: system-deps-run system-deps-test $(VENV)/.installed-test
	$(BIN)/ruff check app tests packaging
	$(BIN)/mypy
	$(BIN)/python -m pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

bench: $(VENV)/.installed-test
	$(BIN)/python tests/perf/bench_export.py

system-deps-run:
	@.ci/install-system-deps .ci/system-packages-run.txt

system-deps-test:
	@.ci/install-system-deps .ci/system-packages-test.txt

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Every install goes through constraints.txt: the exact versions the tests last passed with.
$(VENV)/.installed: pyproject.toml constraints.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[test]"
	touch $@ $(VENV)/.installed

# Compile the gettext catalogs (the app also compiles a stale catalog on start).
catalogs: $(VENV)/.installed
	$(BIN)/pybabel compile -D app -d resources/locale --statistics

# Extract messages from the Python sources and the templates, and merge them into each catalog.
messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 -k QT_TRANSLATE_NOOP:1c,2 -k C_:1c,2 --add-comments=Translators: \
		--no-location --sort-output --project=TongKet --version=$$($(BIN)/python -c 'import app; print(app.__version__)') \
		--copyright-holder=TongKet -o resources/locale/app.pot .
	$(BIN)/pybabel update -D app -d resources/locale -i resources/locale/app.pot \
		--no-fuzzy-matching --ignore-obsolete

clean:
	rm -rf build dist .pytest_cache

# PNGs of each main screen, rendered under Xvfb, for review (not committed).
screens: $(VENV)/.installed-test
	$(BIN)/python tests/gui/render_screens.py screens

# The PyInstaller one-folder bundle in dist/tongket/, smoke-tested from a copy with no source beside it.
package: system-deps-run $(VENV)/.installed-build
	packaging/build_linux.sh

# The Windows bundle and installer, built on this Linux machine under Wine from the same spec, then smoke-tested
# under Wine (packaging/build_windows.sh; needs wine, wine64 and wine32:i386; .ci/windows installs them).
package-windows:
	packaging/build_windows.sh

$(VENV)/.installed-build: pyproject.toml constraints.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[build]"
	touch $@ $(VENV)/.installed

# Developer tools (pre-commit; ruff and mypy come with the test tools) and the hooks that run them before each commit.
dev: $(VENV)/.installed-dev
	$(BIN)/pre-commit install

$(VENV)/.installed-dev: pyproject.toml constraints.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[test,dev]"
	touch $@ $(VENV)/.installed-test $(VENV)/.installed
