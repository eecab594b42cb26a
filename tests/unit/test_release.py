"""`make release VERSION=X.Y.Z` (scripts/release), on a copy of the checkout:
one version in galaxy.yml, CHANGELOG.rst and the tarball; bad input changes nothing."""
import os
import pathlib
import subprocess
import sys

import pytest
import yaml

pytestmark = pytest.mark.pinned_core

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_requirements_yml_lists_galaxy_yml_dependencies():
    galaxy = yaml.safe_load((ROOT / "galaxy.yml").read_text())
    requirements = yaml.safe_load((ROOT / "requirements.yml").read_text())
    assert {c["name"]: c["version"] for c in requirements["collections"]} == galaxy["dependencies"]


def test_galaxy_yml_names_the_project_home():
    galaxy = yaml.safe_load((ROOT / "galaxy.yml").read_text())
    assert galaxy["issues"].startswith(galaxy["repository"])
    assert galaxy["documentation"].startswith(galaxy["repository"])


@pytest.fixture()
def copy(tmp_path):
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, check=True).stdout
    tar = subprocess.run(["tar", "-c", "--null", "-T", "-"], cwd=ROOT, input=files, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tmp_path)], input=tar, check=True)
    return tmp_path


def release(copy, version):
    # antsibull-changelog and ansible-galaxy from the virtualenv, as make puts them on PATH.
    env = dict(os.environ, PATH=os.pathsep.join([os.path.dirname(sys.executable), os.environ["PATH"]]))
    return subprocess.run([str(copy / "scripts/release"), version], capture_output=True, text=True, check=False, env=env)


def test_release_writes_one_version_everywhere(copy):
    fragments = [yaml.safe_load(p.read_text()) for p in sorted((copy / "changelogs/fragments").glob("*.yml"))]
    entry = next(f["minor_changes"][0] for f in fragments if f.get("minor_changes"))
    proc = release(copy, "7.8.9")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert yaml.safe_load((copy / "galaxy.yml").read_text())["version"] == "7.8.9"
    changelog = (copy / "CHANGELOG.rst").read_text()
    assert "v7.8.9" in changelog
    # A fragment's entry made it into the changelog (antsibull-changelog rewraps lines).
    assert " ".join(entry.split()[:6]) in " ".join(changelog.split())
    assert "7.8.9" in yaml.safe_load((copy / "changelogs/changelog.yaml").read_text())["releases"]
    assert (copy / "build/mlops-mlflow-7.8.9.tar.gz").is_file()
    assert "mlops.mlflow 7.8.9" in (copy / "build/docs/html/index.html").read_text()
    assert not list((copy / "changelogs/fragments").glob("*.yml"))

    again = release(copy, "7.8.9")
    assert again.returncode == 2
    assert "7.8.9 is already in changelogs/changelog.yaml" in again.stderr


@pytest.mark.parametrize("version", ["", "1.2", "v1.2.0", "1.2.0; rm -rf /"])
def test_release_refuses_a_version_that_is_not_x_y_z(copy, version):
    before = (copy / "galaxy.yml").read_text()
    proc = release(copy, version)
    assert proc.returncode == 2
    assert "VERSION must be a semantic version X.Y.Z" in proc.stderr
    assert (copy / "galaxy.yml").read_text() == before
    assert not (copy / "CHANGELOG.rst").exists()
