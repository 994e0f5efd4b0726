# The two commands: `make run` and `make test`. Everything else here serves them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate demo messages lint clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_data

run: demo
	@echo ""
	@echo "  Tremplin runs on http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (login: admin / password: tremplin-demo)"
	@echo "  Other demo accounts (same password): communication, coach"
	@echo "  Background worker (e-mails, large imports) and scheduler (periodic tasks, TREMPLIN_SCHEDULE):"
	@echo "  started alongside, stopped with the server"
	@echo ""
	@$(BIN)/python manage.py db_worker --verbosity 0 & worker=$$!; \
	$(BIN)/python manage.py run_scheduler --verbosity 0 & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# In parallel, one worker per core (pytest-xdist); PYTHONHASHSEED fixed so that every worker collects the same
# tests in the same order. PYTEST_ARGS adds options, e.g. PYTEST_ARGS="-n 0 tests/pages" for one serial folder.
test: install
	PYTHONHASHSEED=0 $(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

messages: install
	$(BIN)/python manage.py makemessages --locale fr --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*' --no-obsolete
	$(BIN)/python manage.py compilemessages --locale fr --ignore '.venv/*'

# Style, then the layers (snippets < cohorts < pages < cms): an import upwards fails here and in CI.
lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) staticfiles tmp-test-media
