# The casebook's commands. `make book` and `make test` set everything up first;
# see README.md.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Written when .venv holds exactly requirements.txt and the casebook package.
READY := $(VENV)/.ready
# JupyterLab opens the MyST chapters as notebooks (through jupytext) by default.
LAB_SETTINGS := jupyterlab/overrides.json
LAB_SETTINGS_INSTALLED := $(VENV)/share/jupyter/lab/settings/overrides.json
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# One entry point builds every edition (casebook/build.py), each into _build/<edition>/html.
BUILD := $(BIN)/python -m casebook.build

.PHONY: book instructor test test-fast bench serve lab lock clean bundle browser engines node pdf zip pages poppler debian-poppler

## book: set up .venv if needed, then build the student site into _build/student/html
##       (make book EPILOGUE=no leaves out the epilogue, for instructors who reveal it
##       after class, into _build/student-no-epilogue/html)
book: $(READY)
	$(BUILD) --edition student $(if $(filter no,$(EPILOGUE)),--no-epilogue)

## instructor: the instructor edition (model answers, teaching note, role sheets, class
##             aggregation) into _build/instructor/html; it shares the execution cache with book
instructor: $(READY)
	$(BUILD) --edition instructor

## pdf: print each edition to a PDF (Chromium prints a single-page build; no TeX), into its
##      site's folder, where the site's intro links it: _build/student/html/supplier-limits-student.pdf,
##      _build/student-no-epilogue/html/supplier-limits-student-no-epilogue.pdf and
##      _build/instructor/html/supplier-limits-instructor.pdf (the instructor site holds both)
pdf: $(READY) browser
	$(BUILD) --edition student --pdf
	$(BUILD) --edition student --no-epilogue --pdf
	$(BUILD) --edition instructor --pdf

## zip: the student edition, with its PDF, as one archive that works unpacked and opened
##      from disk, or uploaded to a course's web space: _build/supplier-limits-student.zip
##      (make zip EPILOGUE=no: the edition without the epilogue)
zip: $(READY) browser
	$(BUILD) --edition student $(if $(filter no,$(EPILOGUE)),--no-epilogue) --pdf
	$(BIN)/python -m casebook.publish zip $(if $(filter no,$(EPILOGUE)),--no-epilogue)

## pages: publish the student edition, with its PDF, to GitHub Pages: ghp-import commits it
##        to the gh-pages branch and pushes that to origin (never the instructor edition)
pages: $(READY) browser
	$(BUILD) --edition student $(if $(filter no,$(EPILOGUE)),--no-epilogue) --pdf
	$(BIN)/ghp-import --no-jekyll --push --force --message "Publish the student edition" \
		_build/student$(if $(filter no,$(EPILOGUE)),-no-epilogue)/html

## test: set up .venv (and a browser) if needed, then run every test; the editions are
##       built into a temporary folder, so the site in _build is never touched
test: $(READY) $(LAB_SETTINGS_INSTALLED) browser poppler engines
	$(BIN)/pytest -n auto

## test-fast: the unit tests only (the package, the data, the sources), in well under a minute
test-fast: $(READY)
	$(BIN)/pytest -m unit -n 2

## bench: measure builds, tests, page weight, Lighthouse, the Nu HTML Checker, widget start-up
##        and aggregation on a copy of the repository (medians of 3 runs; writes
##        benchmarks/results.md and results.json, and Lighthouse's reports in benchmarks/lighthouse/)
bench: $(READY) $(LAB_SETTINGS_INSTALLED) browser engines node
	$(BIN)/python benchmarks/run.py --runs 3

## serve: serve the student edition on http://127.0.0.1:8000 (this machine only)
serve: $(READY)
	@test -f _build/student/html/index.html || { echo "No site in _build/student/html yet: run 'make book' first."; exit 1; }
	$(BIN)/python -m casebook.serve _build/student/html --port 8000 --bind 127.0.0.1

## lab: JupyterLab on this repository, for running the chapters live
lab: $(READY) $(LAB_SETTINGS_INSTALLED)
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 $(if $(SUDO),,--allow-root)

## lock: recompile requirements.txt from requirements.in (needs the package index)
lock: $(READY)
	$(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
		--output-file requirements.txt requirements.in

## bundle: rebuild the widgets' front end, casebook/widgets/static/casebook.js, from
##         casebook/widgets/src/ and what it takes from Python (needs Node and npm)
bundle: $(READY) node
	$(BIN)/python -m casebook.widgets.bundle

# The pinned npm packages (package-lock.json): esbuild for `make bundle`; Lighthouse and the
# Nu HTML Checker (vnu-jar, which needs Java) for `make bench`. `make test` needs none of them.
node:
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund

## clean: remove the built editions and the execution caches (a full rebuild follows)
clean:
	rm -rf _build

# A fresh .venv whenever it is missing or older than the lock, so that it holds exactly
# what requirements.txt pins. The casebook package is installed in editable mode, so
# changes to it (or to pyproject.toml) need no new .venv.
$(READY): requirements.txt
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(LAB_SETTINGS_INSTALLED): $(LAB_SETTINGS) $(READY)
	mkdir -p $(dir $@)
	cp $(LAB_SETTINGS) $@

# A Chromium for the browser tests (tests/support.py chooses): CHROMIUM=/path when given,
# else Playwright's own where one is installed, else Debian's, which is installed here
# where apt-get exists. Elsewhere (macOS): `.venv/bin/python -m playwright install chromium`.
browser: $(READY)
	@$(BIN)/python tests/support.py || { [ -z "$$CHROMIUM" ] && command -v apt-get >/dev/null && $(MAKE) --no-print-directory debian-chromium; }

# poppler-utils (pdftotext, pdfinfo, pdftohtml), with which the tests read the PDFs; Debian's,
# where apt-get exists (elsewhere: brew install poppler, or your system's package).
poppler:
	@command -v pdftotext >/dev/null && command -v pdftohtml >/dev/null || { command -v apt-get >/dev/null && $(MAKE) --no-print-directory debian-poppler; } \
		|| { echo "The PDF tests need poppler's pdftotext and pdftohtml: install poppler-utils (or, on macOS, brew install poppler)."; exit 1; }

debian-poppler:
	@if [ "$$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then \
		echo "The PDF tests need poppler-utils. Install it as root: apt-get install poppler-utils"; exit 1; \
	fi
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils

debian-chromium:
	@if [ "$$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then \
		echo "The browser tests need Chromium. Install it as root: apt-get install chromium"; exit 1; \
	fi
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# The two other engines of the browser tests (tests/browser/engines.py): Debian's Firefox ESR,
# and WebKitGTK's WebDriver and MiniBrowser on an Xvfb display; installed with apt-get
# where they are missing, as Chromium is.
ENGINE_FILES := /usr/bin/firefox-esr /usr/bin/WebKitWebDriver /usr/bin/Xvfb
engines:
	@for file in $(ENGINE_FILES); do [ -x $$file ] || missing=1; done; [ -z "$$missing" ] || { \
		if [ "$$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then \
			echo "The browser tests need Firefox ESR and WebKitGTK. Install them as root: apt-get install firefox-esr webkit2gtk-driver xvfb"; exit 1; \
		fi; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb; }
