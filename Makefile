# mlops.mlflow: one entry point per job.
#
#   make test                 everything CI runs (sets itself up on a fresh machine)
#   make demo / demo-destroy  a local MLflow platform in a systemd container
#   make bench [BENCH=x]      the benchmarks (registry, converge, throughput), written to docs/benchmarks.md
#   make lint | sanity | units | cores | integration | molecule SCENARIO=x | images
#
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON     ?= python3
VENV       := $(CURDIR)/.venv
SCENARIO   ?= default
SCENARIOS  := $(sort $(notdir $(patsubst %/molecule.yml,%,$(wildcard molecule/*/molecule.yml))))
COLLECTIONS := $(CURDIR)/build/collections
COLLECTION_LINK := $(COLLECTIONS)/ansible_collections/mlops/mlflow

export PATH := $(VENV)/bin:$(PATH)
export ANSIBLE_COLLECTIONS_PATH := $(COLLECTIONS)
export ANSIBLE_FORCE_COLOR ?= 0
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# The test hosts are reached with `docker exec`.  Pipelining sends each module
# over that exec's stdin: one exec per task instead of three or four (25 tasks
# took 10.5 s instead of 23 s; docs/testing.md).  The benchmarks keep
# Ansible's defaults.
integration molecule demo: export ANSIBLE_PIPELINING := True
# Where a scenario spends its time, at the end of each play of its log.
molecule: export ANSIBLE_CALLBACKS_ENABLED := ansible.posix.profile_tasks

.PHONY: help venv engine images lint sanity units cores integration quickstart docs molecule test demo demo-destroy bench collection release clean

help:
	@echo "make test          run every check (lint, sanity, units, docs, integration, quickstart, all Molecule scenarios)"
	@echo "make demo          start a local MLflow platform on 127.0.0.1:5000; make demo-destroy removes it"
	@echo "make lint | sanity | units | integration | images"
	@echo "make docs          the documentation site (guides, module and role pages) into build/docs/html"
	@echo "make quickstart    docs/quickstart.md run as written against three stand-in VMs"
	@echo "make cores         the unit tests on every supported ansible-core (tests/ansible-cores.txt)"
	@echo "make release VERSION=X.Y.Z   galaxy.yml, CHANGELOG.rst, build/mlops-mlflow-X.Y.Z.tar.gz and the docs site with that version"
	@echo "make bench         the benchmarks (BENCH=registry, converge or throughput for one), each on its own hosts, written to docs/benchmarks.md"
	@echo "make molecule SCENARIO=x   one Molecule scenario (x in: $(SCENARIOS)); CORE=2.21.5 with that ansible-core"

# .venv and .cache/ansible-cores link into a cache that every checkout on
# this machine shares, keyed by the pins and the Python (scripts/ensure-venv).
venv: $(COLLECTION_LINK)
	scripts/ensure-venv $(PYTHON)

# Ansible finds this checkout as mlops.mlflow through this link.
$(COLLECTION_LINK):
	mkdir -p $(dir $@)
	ln -sfn $(CURDIR) $@

engine:
	scripts/ensure-engine

images: engine
	scripts/build-image debian12
	scripts/build-image debian13
	scripts/build-moto-image
	scripts/build-idp-image

# ansible-lint installs the collection it checks into ANSIBLE_HOME's
# collections: keep that inside the checkout, not in ~/.ansible.
lint: venv
	ANSIBLE_HOME=$(CURDIR)/.ansible ansible-lint --profile production

# ansible-test resolves symlinks and, inside a git work tree, sees only what
# git tracks there: it gets a copy of the checkout outside this tree, without
# tests/tools (third-party test tools, not in the collection's tarball).
SANITY_COPY := $(or $(TMPDIR),/tmp)/mlops-mlflow-sanity/ansible_collections/mlops/mlflow
# The virtualenv's Python: 3.11 on Debian 12, 3.13 on Debian 13.
VENV_PYTHON_VERSION = $(shell $(VENV)/bin/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')
sanity: venv
	scripts/ansible-test-pip-bootstrap $(VENV)/bin/python
	rm -rf $(SANITY_COPY) && mkdir -p $(SANITY_COPY)
	git ls-files -z --cached --others --exclude-standard -- . ':!tests/tools' | tar -c --null -T - | tar -x -C $(SANITY_COPY)
	cd $(SANITY_COPY) && ansible-test sanity --local --python $(VENV_PYTHON_VERSION) --color no

units: venv
	pytest -q tests/unit

# A virtualenv per ansible-core release, on a Python it supports; the
# integration tests run the registry modules' parity test with each too.
cores: venv
	python scripts/ansible-cores units

integration: venv images
	pytest -q tests/integration

# docs/quickstart.md, run as written against three stand-in VMs.
quickstart: venv images
	pytest -q tests/quickstart

# CORE=X.Y.Z (a release of tests/ansible-cores.txt) runs the scenario's
# playbooks with that ansible-core (scripts/ansible-cores).
CORE ?=
CORE_BIN = $(CURDIR)/.cache/ansible-cores/$(CORE)/ansible-bin
molecule: venv images
	mkdir -p .cache/pip
	$(if $(CORE),python scripts/ansible-cores venvs >/dev/null && test -x $(CORE_BIN)/ansible-playbook)
	$(if $(CORE),PATH=$(CORE_BIN):$$PATH) \
	  molecule test -s $(SCENARIO)

test:
	scripts/run-checks $(SCENARIOS)

collection: venv
	mkdir -p build
	ansible-galaxy collection build --force --output-path build .

# The documentation site, build/docs/html (scripts/build-docs).
docs: venv
	scripts/build-docs

# One version for galaxy.yml, CHANGELOG.rst, the tarball and the docs site (scripts/release).
VERSION ?=
release: venv
	scripts/release $(VERSION)

demo: venv images
	scripts/demo up

demo-destroy: venv
	scripts/demo down

BENCH ?=
bench: venv images
	bench/run $(BENCH)

clean:
	rm -rf build tests/output .pytest_cache
