"""Upgrading MLflow on a live host: a failed migration, then the real upgrade."""
import os
import re
import shlex

import requests
import yaml
from conftest import converge

OLD = "3.16.1"
DEFAULTS = os.path.join(os.environ["MOLECULE_PROJECT_DIRECTORY"], "roles/mlflow_server/defaults/main.yml")
with open(DEFAULTS, encoding="utf-8") as defaults:
    NEW = yaml.safe_load(defaults)["mlflow_version"]


def url(host):
    return f"http://{host.interface('eth0').addresses[0]}:5000"


def psql(host, query):
    return host.check_output(f"runuser -u postgres -- psql -XAt -d mlflow -c {shlex.quote(query)}")


def served_version(host):
    return requests.get(url(host) + "/version", timeout=10).text.strip()


def dumps(host):
    return host.check_output("ls -1 /var/backups/mlops-postgresql/").split()


def upgrade(host):
    return converge("-e", f"mlflow_version={NEW}")


def test_starts_on_the_older_release_with_a_model(host):
    assert NEW != OLD
    assert served_version(host) == OLD
    created = requests.post(url(host) + "/api/2.0/mlflow/registered-models/create",
                            json={"name": "survivor"}, timeout=10)
    assert created.status_code == 200, created.text


def test_failed_migration_keeps_the_old_release_running_and_names_the_backup(host):
    # A table the new release's migration creates: the migration must fail.
    psql(host, "CREATE TABLE scheduler_leases (x int); ALTER TABLE scheduler_leases OWNER TO mlflow")
    before = dumps(host)
    try:
        result = upgrade(host)
    finally:
        psql(host, "DROP TABLE scheduler_leases")
    assert result.returncode != 0
    message = " ".join(result.stderr.split())
    assert f"(MLflow {NEW}) failed, so the server was not switched" in message, message[-2000:]
    backup = re.search(r"Backup taken before the upgrade: (\S+) on", message).group(1)
    assert os.path.basename(backup) in set(dumps(host)) - set(before)
    assert host.check_output("readlink /opt/mlflow/current").endswith(f"venv-{OLD}")
    assert host.service("mlflow").is_running
    assert served_version(host) == OLD


def test_upgrade_backs_up_migrates_and_switches(host):
    before = dumps(host)
    result = upgrade(host)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "TASK [mlops.mlflow.mlflow_server : Run mlflow db upgrade]" in result.stdout
    assert len(set(dumps(host)) - set(before)) == 1
    assert served_version(host) == NEW
    status = host.check_output(
        "cd /tmp && PGPASSWORD=molecule-db-secret-3 "
        "MLFLOW_BACKEND_STORE_URI='postgresql+psycopg2://mlflow@localhost:5432/mlflow?sslmode=require' "
        f"/opt/mlflow/venv-{NEW}/bin/python /opt/mlflow/mlflow-schema-status.py")
    schema = yaml.safe_load(status)
    assert schema["current"] == schema["head"]
    model = requests.get(url(host) + "/api/2.0/mlflow/registered-models/get", params={"name": "survivor"}, timeout=10)
    assert model.status_code == 200, model.text


def test_converging_the_new_release_again_changes_nothing(host):
    before = dumps(host)
    result = upgrade(host)
    assert result.returncode == 0
    assert re.search(r"debian12-upgrade\s+: ok=\d+\s+changed=0\s", result.stdout), result.stdout[-1500:]
    assert dumps(host) == before
