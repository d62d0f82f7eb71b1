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

.PHONY: install sandbox postgresql chromium lock demo test test-fast exchange roster release extension validate \
        autograde verify-grades feedback export bench reference-data student-bundle hub hub-stop hub-lock hub-system test-hub clean

install: $(STAMP) sandbox

## The sandbox that grading runs student code in: bubblewrap, from the system's packages.
sandbox:
	@command -v bwrap >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq bubblewrap >/dev/null; \
	  else \
	    echo "Grading runs student code in a bubblewrap sandbox: install it with 'sudo apt-get install bubblewrap'" \
	         "(or grade without it: make autograde UNSANDBOXED=1)."; \
	  fi; }

## The PostgreSQL server that the tests start a gradebook in, from the system's packages.
postgresql:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; \
	  else \
	    echo "The tests start a PostgreSQL server of their own: install it with 'sudo apt-get install postgresql'."; \
	  fi; }

## The browser that the formgrader's tests drive (through Playwright), from the system's packages.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	  else \
	    echo "The formgrader's tests drive Chromium: install it with 'sudo apt-get install chromium'."; \
	  fi; }

# The environment: the course's dependencies and the test tools, every package at its locked version.
$(STAMP): requirements.txt requirements-test.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-test.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## Lock the environment again after changing a pin in requirements*.txt (writes constraints.txt; commit it).
lock: $(STAMP)
	$(RUN) -m tools.lock

## The main job: generate the release, autograde the sample submissions, print the grades.
demo: $(STAMP) sandbox
	$(RUN) -m tools.demo

## The whole test suite (what CI runs).
test: $(STAMP) sandbox postgresql chromium
	$(RUN) -m pytest

## The fast loop: everything but the tests that execute notebooks, grade or build (about a minute).
test-fast: $(STAMP) sandbox
	$(RUN) -m pytest -m "not slow"

## nbgrader's exchange folder (Exchange.root in nbgrader_config.py), writable by all with the sticky bit: as root.
exchange: $(STAMP)
	$(RUN) -m grader exchange

## Add or update the students of a roster: make roster ROSTER=roster.csv (id,first_name,last_name,email,lms_id).
roster: $(STAMP)
	$(RUN) -m grader roster $(ROSTER)

## Regenerate release/ from source/ (commit the result) and write due_dates.csv into the gradebook:
## every assignment, or ASSIGNMENT=<id>. Every test cell must have the grader's cases (hidden grading never vanishes).
release: $(STAMP)
	$(RUN) -m tools.validate --cases
	for id in $(or $(ASSIGNMENT),$(ASSIGNMENTS)); do $(RUN) -m nbgrader generate_assignment $$id --force || exit 1; done
	$(RUN) -m grader due-dates $(ASSIGNMENT)

## More time for one student: make extension ASSIGNMENT=<id> STUDENT=<id> HOURS=<n> (HOURS=0 takes it back).
extension: $(STAMP)
	$(RUN) -m grader extension $(ASSIGNMENT) $(STUDENT) $(HOURS)

## nbgrader validate, read properly: sources must pass, untouched releases must fail.
validate: $(STAMP) sandbox
	$(RUN) -m tools.validate

## Autograde real submissions in submitted/: make autograde ASSIGNMENT=<id> [STUDENT="id1 id2"]
## [JOBS=N (default: one worker per core) | SCHEDULER=tcp://host:8786 (a Dask cluster)] [UNSANDBOXED=1]
## [FORCE=1: also the students whose grade is current (by default only new or changed ones are graded)].
autograde: $(STAMP) sandbox
	$(RUN) -m grader autograde $(ASSIGNMENT) $(foreach s,$(STUDENT),--student $(s)) $(if $(FORCE),--force) \
	  $(if $(JOBS),--jobs $(JOBS)) $(if $(SCHEDULER),--scheduler $(SCHEDULER)) $(if $(UNSANDBOXED),--unsandboxed)

## Check that the gradebook agrees with the graded notebooks and their provenance records.
verify-grades: $(STAMP)
	$(RUN) -m grader verify $(ASSIGNMENT)

feedback: $(STAMP)
	$(RUN) -m nbgrader generate_feedback $(ASSIGNMENT) --force

## grades.csv (automatic, manual, penalty, final, late by) and grades-canvas.csv (Canvas's gradebook import).
export: $(STAMP)
	$(RUN) -m grader export

## Seconds to execute the solution notebook and to autograde one submission.
bench: $(STAMP) sandbox
	$(RUN) -m tools.bench

## Recompute helpers/data/*.npz from the solutions in source/.
reference-data: $(STAMP)
	$(RUN) -m tools.make_reference_data

## What students, Binder or JupyterHub need (build/student-bundle/): the helpers wheel, its pins, each release zipped.
student-bundle: $(STAMP)
	$(RUN) -m tools.student_bundle

## The class server, as root: JupyterHub on 127.0.0.1:8000 for the students of the roster and the instructors of
## hub/hub.toml, each in their own Unix account [HUB_PORT=n] [HUB_CONFIG=another.toml]. Run it again after the
## roster changes; `make hub-stop` stops it and everything it started.
HUB_ARGS = $(if $(HUB_CONFIG),--config $(HUB_CONFIG)) $(if $(HUB_PORT),--port $(HUB_PORT))

hub: $(STAMP) hub-system
	$(RUN) -m tools.hub up $(HUB_ARGS)

hub-stop: $(STAMP)
	$(RUN) -m tools.hub down $(HUB_ARGS)

## The class server's tests alone, as root: `make hub` for two students and an instructor, driven in Chromium.
test-hub: $(STAMP) sandbox chromium hub-system
	$(RUN) -m pytest tests/test_hub.py tests/test_hub_settings.py

## Lock the class server's environments again after changing hub/requirements.txt or requirements.txt (commit it).
hub-lock: $(STAMP) hub-system
	$(RUN) -m tools.hub lock $(HUB_ARGS)

## What the class server needs from the system's packages: npm and Node.js (the proxy), venv for the system's Python.
hub-system:
	@command -v npm >/dev/null 2>&1 && /usr/bin/python3 -c 'import ensurepip' 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm python3-venv >/dev/null; \
	  else \
	    echo "The class server needs Node.js 20 or later with npm, and python3-venv: 'sudo apt-get install nodejs npm python3-venv'."; \
	  fi; }

clean:
	rm -rf build logs submitted feedback provenance calibration gradebook.db grades.csv grades-canvas.csv
	find autograded -mindepth 1 ! -name README.md -exec rm -rf {} +
