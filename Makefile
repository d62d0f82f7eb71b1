# Neural Networks from Scratch: every task of the course in one place.
# `make demo` and `make test` set up everything they need on a machine with Python 3.11 and pip.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ASSIGNMENTS := $(notdir $(wildcard source/*))
# The assignment of `make autograde`, `feedback` and (optionally) `release`.
ASSIGNMENT ?=
# nbgrader calls alembic from the virtual environment.
RUN    := PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python

.PHONY: install demo test release validate autograde feedback export bench reference-data student-bundle clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## The main job: generate the release, autograde the sample submissions, print the grades.
demo: $(STAMP)
	$(RUN) -m tools.demo

## The whole test suite (what CI runs).
test: $(STAMP)
	$(RUN) -m pytest

## Regenerate release/ from source/ (commit the result): every assignment, or ASSIGNMENT=<id>.
release: $(STAMP)
	for id in $(or $(ASSIGNMENT),$(ASSIGNMENTS)); do $(RUN) -m nbgrader generate_assignment $$id --force || exit 1; done

## nbgrader validate, read properly: sources must pass, untouched releases must fail.
validate: $(STAMP)
	$(RUN) -m tools.validate

## Autograde real submissions in submitted/ with the robust driver: make autograde ASSIGNMENT=<id>.
autograde: $(STAMP)
	$(RUN) -m helpers.grading $(ASSIGNMENT)

feedback: $(STAMP)
	$(RUN) -m nbgrader generate_feedback $(ASSIGNMENT) --force

export: $(STAMP)
	$(RUN) -m nbgrader export --to=grades.csv

## Seconds to execute the solution notebook and to autograde one submission.
bench: $(STAMP)
	$(RUN) -m tools.bench

## Recompute helpers/data/*.npz from the solutions in source/.
reference-data: $(STAMP)
	$(RUN) -m tools.make_reference_data

## What students, Binder or JupyterHub need (build/student-bundle/): the helpers wheel, its pins, each release zipped.
student-bundle: $(STAMP)
	$(RUN) -m tools.student_bundle

clean:
	rm -rf build logs submitted feedback gradebook.db grades.csv
	find autograded -mindepth 1 ! -name README.md -exec rm -rf {} +
