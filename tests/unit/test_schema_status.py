"""roles/mlflow_server/files/mlflow-schema-status.py on a SQLite database, in a
virtualenv of its own that sees this interpreter's packages (MLflow among them)."""
import json
import os
import pathlib
import subprocess
import sysconfig
import venv

import pytest

pytest.importorskip("mlflow")
# The same script whatever the ansible-core: not part of the matrix (make cores).
pytestmark = pytest.mark.pinned_core

SCRIPT = pathlib.Path(__file__).resolve().parents[2] / "roles/mlflow_server/files/mlflow-schema-status.py"


@pytest.fixture()
def virtualenv(tmp_path):
    """A virtualenv (its sys.prefix is where the script keeps its cache) with this interpreter's packages."""
    prefix = tmp_path / "venv"
    venv.create(prefix, with_pip=False)
    python = prefix / "bin/python"
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    pathlib.Path(purelib, "outer.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return prefix


def status(prefix, tmp_path, auth=False, read_only=False):
    env = dict(os.environ, MLFLOW_BACKEND_STORE_URI=f"sqlite:///{tmp_path}/mlflow.db")
    env.pop("MLFLOW_AUTH_DATABASE_URI", None)
    env.pop("MLOPS_SCHEMA_STATUS_READ_ONLY", None)
    if auth:
        env["MLFLOW_AUTH_DATABASE_URI"] = f"sqlite:///{tmp_path}/auth.db"
    if read_only:
        env["MLOPS_SCHEMA_STATUS_READ_ONLY"] = "1"
    proc = subprocess.run([prefix / "bin/python", SCRIPT], check=True, capture_output=True, text=True, env=env)
    return json.loads(proc.stdout)


def test_an_empty_database_and_the_heads_kept_in_the_virtualenv(virtualenv, tmp_path):
    from importlib.metadata import version

    from mlflow.store.db.utils import _get_latest_schema_revision

    head = _get_latest_schema_revision()
    with_auth = status(virtualenv, tmp_path, auth=True)
    assert with_auth["empty"] is True and with_auth["current"] is None and with_auth["head"] == head
    assert with_auth["auth_current"] is None and with_auth["auth_head"]
    cache = json.loads((virtualenv / "mlops-schema-heads.json").read_text())
    assert cache == {"mlflow": version("mlflow"), "head": head, "auth_head": with_auth["auth_head"]}
    assert status(virtualenv, tmp_path) == {"empty": True, "current": None, "head": head}


def test_the_kept_heads_are_read_for_the_same_release_only_and_not_written_in_check_mode(virtualenv, tmp_path):
    from importlib.metadata import version

    cache = virtualenv / "mlops-schema-heads.json"
    cache.write_text(json.dumps({"mlflow": version("mlflow"), "head": "kept", "auth_head": "kept-auth"}))
    assert status(virtualenv, tmp_path, auth=True)["auth_head"] == "kept-auth"
    assert status(virtualenv, tmp_path)["head"] == "kept"
    other_release = json.dumps({"mlflow": "0.0.1", "head": "kept"})
    cache.write_text(other_release)
    assert status(virtualenv, tmp_path, read_only=True)["head"] not in ("kept", None)
    assert cache.read_text() == other_release


def test_an_auth_database_of_mlflow_before_3_6_is_read_from_alembics_default_table(virtualenv, tmp_path):
    import sqlite3

    # MLflow 2.22 kept the basic-auth revision in `alembic_version`.
    with sqlite3.connect(tmp_path / "auth.db") as db:
        db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        db.execute("INSERT INTO alembic_version VALUES ('8606fa83a998')")
    legacy = status(virtualenv, tmp_path, auth=True)
    assert legacy["auth_current"] == "8606fa83a998" and legacy["auth_head"]
    # Once MLflow 3's migration has run, its own table wins.
    with sqlite3.connect(tmp_path / "auth.db") as db:
        db.execute("CREATE TABLE alembic_version_auth (version_num VARCHAR(32) NOT NULL)")
        db.execute("INSERT INTO alembic_version_auth VALUES ('0123456789ab')")
    assert status(virtualenv, tmp_path, auth=True)["auth_current"] == "0123456789ab"
