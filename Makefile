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

eval: $(STAMP)
	$(BIN)/python -m extraction.evaluate ../shared/eval/seeds_gold.json ../shared/seeds
	$(BIN)/python -m extraction.evaluate ../shared/eval/dev/gold.json ../shared/eval/dev/articles

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# The README's pictures (docs/*.png), drawn from the weeks the picture tests check.
pictures: $(STAMP)
	$(BIN)/python docs/make_pictures.py

clean:
	rm -rf $(VENV) .pytest_cache
