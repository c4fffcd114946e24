# Portal für Münster — the README names these targets.
# `make run` and `make test` set everything up on a fresh machine (Python 3.11 + registries).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MANAGE := $(BIN)/python manage.py
CHROMIUM ?= /usr/bin/chromium
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/portal
# Two workers: the machine (and CI) has two cores.
PYTEST_ARGS ?= -n 2

.PHONY: bench browser run test test-postgres install messages makemessages system-deps lint format check-migrations check-deploy ci clean

# Virtual environment with the locked versions (requirements.lock pins every package).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock ".[test]"
	touch $(STAMP)

install: $(STAMP) system-deps messages

# Debian packages the site needs: gettext (msgfmt) to compile the message catalogues.
system-deps:
	@command -v msgfmt >/dev/null || { echo "Installing gettext…"; apt-get update -qq && apt-get install -y -qq gettext >/dev/null; }

# Chromium for the browser tests only (not for `make run`). Installed when missing, from
# Debian's packages; never a browser download.
browser:
	@test -x $(CHROMIUM) || { echo "Installing Debian's chromium…"; apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

messages: $(STAMP)
	@command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext >/dev/null; }
	$(MANAGE) compilemessages --ignore='.venv/*' -v0

makemessages: $(STAMP)
	$(MANAGE) makemessages --ignore='.venv/*' --ignore='test-artifacts/*' --no-obsolete \
		-l de -l de_Simple -l en -l tr -l ar -l uk -l ru -l fa -l ku -l pl -l fr -l es

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

test: install browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The same suite on PostgreSQL (CI runs it after `make test`).
test-postgres: install browser
	DATABASE_URL=$(PG_TEST_URL) $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check-migrations: $(STAMP)
	$(MANAGE) makemigrations --check --dry-run

check-deploy: $(STAMP)
	DJANGO_SETTINGS_MODULE=cms.settings.production DJANGO_SECRET_KEY=check-only-$$(date +%s)-a-long-random-looking-secret-value \
		ALLOWED_HOSTS=portal.example.org DATABASE_URL=postgres://portal@127.0.0.1:5432/portal REDIS_URL=redis://127.0.0.1:6379/0 $(MANAGE) check --deploy --fail-level WARNING

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) db.sqlite3 static_collected test-artifacts

# Benchmark at city scale on PostgreSQL + Redis + gunicorn (see bench/run.py, README).
bench: install
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	@pg_isready -h 127.0.0.1 -p 5432 -q || { echo "Starting PostgreSQL…"; \
		pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql | head -n1)" main start; \
		for _ in $$(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done; }
	@redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || { echo "Starting Redis…"; \
		redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no; sleep 1; }
	$(BIN)/python bench/run.py $(BENCH_ARGS)
