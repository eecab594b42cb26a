"""The collection builds, installs into an empty path and documents itself."""
import json
import os
import pathlib
import subprocess

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
ROLES = sorted(p.name for p in (ROOT / "roles").iterdir() if (p / "meta" / "argument_specs.yml").exists())
FILTERS = sorted(p.stem for p in (ROOT / "plugins" / "filter").glob("*.yml"))
MODULES = sorted(p.stem for p in (ROOT / "plugins" / "modules").glob("*.py"))
LOOKUPS = sorted(p.stem for p in (ROOT / "plugins" / "lookup").glob("*.py"))
RUNTIME = yaml.safe_load((ROOT / "meta" / "runtime.yml").read_text())


def run(*args, env=None, cwd=None):
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd, check=False)
    assert proc.returncode == 0, f"{' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    build = tmp_path_factory.mktemp("build")
    path = tmp_path_factory.mktemp("collections")
    run("ansible-galaxy", "collection", "build", "--output-path", str(build), str(ROOT))
    (tarball,) = build.glob("mlops-mlflow-*.tar.gz")
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(path))
    run("ansible-galaxy", "collection", "install", "-p", str(path), str(tarball), env=env)
    return path, env


def test_install_puts_the_collection_into_an_empty_path(installed):
    path = installed[0]
    manifest = json.loads((path / "ansible_collections/mlops/mlflow/MANIFEST.json").read_text())
    assert manifest["collection_info"]["namespace"] == "mlops"
    assert manifest["collection_info"]["name"] == "mlflow"
    # Development-only trees stay out of the artifact users install.
    assert not (path / "ansible_collections/mlops/mlflow/.venv").exists()
    assert not (path / "ansible_collections/mlops/mlflow/build").exists()


def test_site_playbook_is_installed(installed):
    path = installed[0]
    assert (path / "ansible_collections/mlops/mlflow/playbooks/site.yml").is_file()


@pytest.mark.parametrize("role", ROLES)
def test_every_role_has_ansible_doc(installed, role):
    env = installed[1]
    out = run("ansible-doc", "-t", "role", f"mlops.mlflow.{role}", env=env)
    assert f"mlops.mlflow.{role}" in out


@pytest.mark.parametrize("name", FILTERS)
def test_every_filter_has_ansible_doc(installed, name):
    env = installed[1]
    out = run("ansible-doc", "-t", "filter", f"mlops.mlflow.{name}", env=env)
    assert f"mlops.mlflow.{name}" in out


@pytest.mark.parametrize("name", MODULES)
def test_every_module_has_ansible_doc_and_joins_the_mlflow_group(installed, name):
    env = installed[1]
    doc = json.loads(run("ansible-doc", "--json", f"mlops.mlflow.{name}", env=env))[f"mlops.mlflow.{name}"]
    assert doc["doc"]["short_description"] and doc["examples"].strip() and doc["return"]
    assert "tracking_uri" in doc["doc"]["options"]
    assert name in RUNTIME["action_groups"]["mlflow"]


def test_module_list_shows_every_module(installed):
    out = run("ansible-doc", "-l", "mlops.mlflow", env=installed[1])
    assert sorted(line.split()[0] for line in out.splitlines() if line.strip()) == [f"mlops.mlflow.{m}" for m in MODULES]


@pytest.mark.parametrize("name", LOOKUPS)
def test_every_lookup_has_ansible_doc(installed, name):
    out = run("ansible-doc", "-t", "lookup", f"mlops.mlflow.{name}", env=installed[1])
    assert f"mlops.mlflow.{name}" in out
