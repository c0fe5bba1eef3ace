# The casebook's commands. `make book` and `make test` set everything up first;
# see README.md.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Written when .venv holds exactly requirements.txt and the casebook package.
READY := $(VENV)/.ready
# JupyterLab opens the MyST chapters as notebooks (through jupytext) by default.
LAB_SETTINGS := jupyterlab/overrides.json
BUILD_FLAGS := -W -n --keep-going
# The browser tests drive Debian's Chromium; Playwright cannot download its own here.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: book instructor test bench serve lab lock clean bundle

## book: set up .venv if needed, then build the student site into _build/html
##       (make book EPILOGUE=no leaves out the epilogue, for instructors who reveal it after class)
book: $(READY)
	$(BIN)/python -m casebook.buildcache
	$(if $(filter no,$(EPILOGUE)),rm -f _build/html/chapters/09-epilogue.html)
	$(BIN)/jupyter-book build . $(BUILD_FLAGS) $(if $(filter no,$(EPILOGUE)),--toc _build/_toc_no_epilogue.yml)

# The student table of contents without the epilogue.
_build/_toc_no_epilogue.yml: _toc.yml
	mkdir -p _build
	grep -v '09-epilogue' _toc.yml > $@
book: $(if $(filter no,$(EPILOGUE)),_build/_toc_no_epilogue.yml)

## instructor: the instructor edition (model answers, teaching note, class aggregation)
##             into _build/instructor/_build/html; it shares the execution cache with book
instructor: $(READY)
	$(BIN)/python -m casebook.buildcache
	CASEBOOK_EDITION=instructor $(BIN)/jupyter-book build . $(BUILD_FLAGS) \
		--toc _toc_instructor.yml --path-output _build/instructor

## test: set up .venv (and Chromium) if needed, then run every test
test: $(READY) $(CHROMIUM)
	$(BIN)/pytest -n auto

## bench: measure builds, tests, page weight, widget start-up and aggregation
##        (medians of 3 runs; writes benchmarks/results.md and results.json)
bench: $(READY) $(CHROMIUM)
	$(BIN)/python benchmarks/run.py --runs 3

## serve: serve the built site on http://127.0.0.1:8000 (this machine only)
serve:
	@test -f _build/html/index.html || { echo "No site in _build/html yet: run 'make book' first."; exit 1; }
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory _build/html

## lab: JupyterLab on this repository, for running the chapters live
lab: $(READY)
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 $(if $(SUDO),,--allow-root)

## lock: recompile requirements.txt from requirements.in (needs the package index)
lock: $(READY)
	$(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
		--output-file requirements.txt requirements.in

## bundle: rebuild the widgets' front end, casebook/widgets/static/casebook.js, from
##         casebook/widgets/src/ and what it takes from Python (needs Node and npm)
bundle: $(READY)
	[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
	$(BIN)/python -m casebook.widgets.bundle

## clean: remove the built site and the execution cache (a full rebuild follows)
clean:
	rm -rf _build

# A fresh .venv whenever it is missing or older than the lock, so that it holds
# exactly what requirements.txt pins.
$(READY): requirements.txt pyproject.toml $(LAB_SETTINGS)
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp $(LAB_SETTINGS) $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

# Debian's Chromium, for the browser tests, where it is missing.
$(CHROMIUM):
	@if ! command -v apt-get >/dev/null; then \
		echo "The browser tests need Chromium at $(CHROMIUM), and this system has no apt-get."; \
		echo "Install Debian's (or your system's) chromium package, then run make test again."; exit 1; \
	fi
	@if [ "$$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then \
		echo "The browser tests need Chromium at $(CHROMIUM). Install it as root: apt-get install chromium"; exit 1; \
	fi
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
