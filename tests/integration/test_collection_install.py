"""The collection builds, installs into an empty path and documents itself."""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
ROLES = sorted(p.name for p in (ROOT / "roles").iterdir() if (p / "meta" / "argument_specs.yml").exists())
FILTERS = sorted(p.stem for p in (ROOT / "plugins" / "filter").glob("*.yml"))


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
