# vnplans: `make extract` and `make test` set themselves up on a fresh machine.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
IN     ?= samples
OUT    ?= output
ARGS   ?=

.PHONY: extract test lint lm bench docs clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; run make PYTHON=python3 ..." >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(STAMP)

# exit 1 (some pages failed, each a row of the failures table) is a finished run, not a make error
extract: $(STAMP)
	$(BIN)/vnplans extract $(IN) -o $(OUT) $(ARGS) || [ $$? -eq 1 ]

test: $(STAMP)
	$(BIN)/ruff check extract normalize schemas tests bench
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check extract normalize schemas tests bench

# Rebuild the committed language model from the corpus (../shared/corpus by default).
CORPUS ?= ../shared/corpus
lm: $(STAMP)
	$(BIN)/vnplans lm build --corpus $(CORPUS) --out normalize/data/syllable_lm.bin

# Speed, memory and accuracy measurements (see bench/README.md); a few minutes each.
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/bench_html.py --pages 300
	$(BIN)/python bench/repair_eval.py
	$(BIN)/python bench/bench_batch.py

# Regenerate the table reference in README.md from schemas/.
docs: $(STAMP)
	$(BIN)/python -m schemas.docs --update README.md

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
