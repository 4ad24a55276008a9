# Two commands: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The package's bytecode is compiled at install, as pip does for any installed package: where
# PYTHONDONTWRITEBYTECODE is set, every start would otherwise recompile every module.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q jiebei_tui
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q jiebei_tui
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/jiebei-tui

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m compileall -q jiebei_tui
	touch $@ $(VENV)/.installed

bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/ledger.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/reminders.py
	$(BIN)/python benchmarks/plan.py

screenshots: $(VENV)/.installed-test
	$(BIN)/python screenshots/generate.py

clean:
	rm -rf $(VENV) build *.egg-info
