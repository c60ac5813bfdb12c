# Every target builds .venv on first use, so a fresh machine needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test house eval bench soak clean pictures

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[test,en]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/diplowatch run

HOUSE := ../shared/tools/house.py

test: $(STAMP) house
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

# The house rules (one owner per library, imports one way, no cycles), when the shared tools are beside the clone.
house:
	@if [ -f $(HOUSE) ]; then $(PYTHON) $(HOUSE) .; else echo "house check skipped: $(HOUSE) not found"; fi

# every annotated set, each with its SUMMARY line, time per article and words/s; then the speed of
# the bare model against the whole extraction on the real articles (extraction/README.md)
# EXTRA="DIR ..." adds sets annotated the same way (DIR/gold.json, DIR/articles/*.txt), kept outside the repository
eval: $(STAMP)
	$(BIN)/python -m extraction.evaluate --label seeds ../shared/eval/seeds_gold.json ../shared/seeds
	$(BIN)/python -m extraction.evaluate --label dev ../shared/eval/dev/gold.json ../shared/eval/dev/articles
	$(BIN)/python -m extraction.evaluate --label dev2 ../shared/eval/dev2/gold.json ../shared/eval/dev2/articles
	$(BIN)/python -m extraction.evaluate --label holdout tests/extraction/holdout/gold.json tests/extraction/holdout/articles
	$(BIN)/python -m extraction.evaluate --label holdout2 tests/extraction/holdout2/gold.json tests/extraction/holdout2/articles
	@for set in $(EXTRA); do $(BIN)/python -m extraction.evaluate --label $$(basename $$set) --score ../shared/eval/score.py $$set/gold.json $$set/articles || exit 1; done
	$(BIN)/python -m extraction.speed ../shared/eval ../shared/seeds

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# The README's pictures (docs/*.png), drawn from the weeks the picture tests check.
pictures: $(STAMP)
	$(BIN)/python docs/make_pictures.py

clean:
	rm -rf $(VENV) .pytest_cache
