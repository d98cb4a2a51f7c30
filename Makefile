# The briefing kit's commands. Each target sets up what it needs on a fresh machine (Python 3.11+).
#   make book   both editions, strictly, into one site: _build/site/en, _build/site/ja, and a root page by language
#   make book-en  the English edition only, into _build/html
#   make book-ja  the Japanese edition only, into _build/ja/_build/html
#   make workshop NAME=executive-90  one workshop (workshops/NAME.yml) as its own strict book (and PDF); EDITION=ja: in Japanese
#   make pdf    the whole book as one PDF (_build/book.pdf), printed by the system Chromium; make pdf-ja: _build/book-ja.pdf
#   make bundle one zip for a USB stick: the web book, the PDF, the notebooks and the data (_build/rare-earth-kit.zip)
#   make gettext  extract the book's prose and merge it into the Japanese catalogs (locales/ja/LC_MESSAGES)
#   make test   the whole test suite (data, models, charts, chapters, strict build, browser)
#   make lab    JupyterLab on the chapters (MyST .md chapters open as notebooks); make lab-ja: the same in Japanese
#   make serve  serve the built book on http://127.0.0.1:8000 (gzip, as a real host serves it)
#   make freshness  the regulations and prices rows to re-verify first (oldest first)
#   make bench  benchmark: build times, execution floor, explorer latency, Lighthouse per page -> _build/bench.json
#   make lighthouse  only the Lighthouse part of the benchmark, merged into _build/bench.json
#                    (RUNS=3: three Lighthouse runs per page, the median kept)
#   make lock   re-resolve requirements.txt from pyproject.toml (LOCK_FLAGS=--upgrade moves every pin)
#   make clean  remove build output (keeps .venv)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
BOOK_FLAGS := -W -n --keep-going
PORT ?= 8000

.PHONY: book book-en book-ja workshop pdf pdf-ja bundle gettext test lab lab-ja serve bench lighthouse clean browser node check-python freshness lock

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed; found " + sys.version.split()[0] + ". Set PYTHON=/path/to/python3.11")'

$(STAMP): requirements.txt pyproject.toml widgets/build/lab_settings.py $(wildcard _assets/labextension/kit-vega6/*.json _assets/labextension/kit-vega6/static/*.js) | check-python
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps -r requirements.txt
	$(PY) -m widgets.build.lab_settings $(VENV)
	touch $(STAMP)

book: book-en book-ja
	$(PY) -m widgets.build.site _build/html _build/ja/_build/html _build/site
	@echo ""
	@echo "Both editions are built into one site. Run 'make serve', or open _build/site/en/index.html or _build/site/ja/index.html."

book-en: $(STAMP)
	@$(PY) -m widgets.build.data_gate
	$(PY) -m widgets.build.buildtools refresh-cache
	rm -rf _build/html
	$(VENV)/bin/jupyter-book build . $(BOOK_FLAGS)
	@echo ""
	@echo "The English edition is built: _build/html/index.html."

book-ja: $(STAMP)
	@$(PY) -m widgets.build.data_gate
	$(PY) -m widgets.build.buildtools refresh-cache
	$(PY) -m widgets.build.buildtools edition-config ja
	rm -rf _build/ja
	KIT_LANG=ja $(VENV)/bin/jupyter-book build . --config _build/config-ja.yml --path-output _build/ja $(BOOK_FLAGS)
	@echo ""
	@echo "The Japanese edition is built. Open _build/ja/_build/html/index.html in a browser."

pdf: book-en browser
	$(PY) -m widgets.build.pdf _build/html _build/book.pdf

pdf-ja: book-ja browser
	KIT_LANG=ja $(PY) -m widgets.build.pdf _build/ja/_build/html _build/book-ja.pdf

bundle: book pdf pdf-ja
	$(PY) -m widgets.build.bundle _build/site _build/book.pdf _build/book-ja.pdf _build/rare-earth-kit.zip

gettext: $(STAMP)
	$(PY) -m widgets.build.translations update

workshop: $(STAMP) browser
	@test -n "$(NAME)" || { echo "usage: make workshop NAME=<name>  (workshops: $$(ls workshops | sed 's/\.yml$$//' | tr '\n' ' '))"; exit 2; }
	$(PY) -m widgets.build.workshop $(NAME) --edition $(or $(EDITION),en)

browser:
	@sh tests/ensure_browser.sh

node:
	@sh tests/ensure_node.sh

test: $(STAMP) browser
	$(PY) -m pytest -n 3 --dist loadfile

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.allow_root=True --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=$(CURDIR) \
		chapters/00_start_here.md

lab-ja: $(STAMP)
	$(PY) -m widgets.build.lab_ja _build/lab-ja
	KIT_LANG=ja $(VENV)/bin/jupyter lab --ServerApp.allow_root=True --ServerApp.ip=127.0.0.1 \
		--ServerApp.root_dir=$(CURDIR)/_build/lab-ja chapters/00_start_here.md

serve: $(STAMP)
	@test -f _build/site/index.html || $(MAKE) book
	$(PY) -m widgets.build.site_server _build/site --port $(PORT) --bind 127.0.0.1

freshness: $(STAMP)
	$(PY) -m widgets.pages.freshness

bench: $(STAMP) browser node
	$(PY) -m widgets.build.benchmark --lighthouse-runs $(or $(RUNS),1)

lighthouse: $(STAMP) browser node
	@test -f _build/site/index.html || $(MAKE) book
	$(PY) -m widgets.build.benchmark --only lighthouse --lighthouse-runs $(or $(RUNS),1)

lock: $(STAMP)
	$(PY) -m pip install --quiet "pip-tools>=7.5"
	$(PY) -m widgets.build.lock $(LOCK_FLAGS)

clean:
	rm -rf _build .pytest_cache
