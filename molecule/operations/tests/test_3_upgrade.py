"""Upgrading MLflow on a live host: a failed migration, then the real upgrade."""
import json
import os
import re
import shlex

import requests
from conftest import converge, mlflow_default_version, mlflow_url

OLD = "3.16.1"
NEW = mlflow_default_version()


def psql(host, query):
    return host.check_output(f"runuser -u postgres -- psql -XAt -d mlflow -c {shlex.quote(query)}")


def served_version(host):
    return requests.get(mlflow_url(host) + "/version", timeout=10).text.strip()


def dumps(host):
    """Dumps of the tracking database (the backup service also dumps mlflow_auth)."""
    return [name for name in host.check_output("ls -1 /var/backups/mlops-postgresql/").split()
            if name.startswith("mlflow-")]


def upgrade(host):
    return converge("-e", f"mlflow_version={NEW}")


def test_starts_on_the_older_release_with_a_model(host):
    assert NEW != OLD
    assert served_version(host) == OLD
    created = requests.post(mlflow_url(host) + "/api/2.0/mlflow/registered-models/create",
                            json={"name": "survivor"}, timeout=10)
    assert created.status_code == 200, created.text


def test_upgrade_without_a_database_host_to_back_up_is_refused_before_migrating(host):
    schema_before = psql(host, "SELECT version_num FROM alembic_version")
    before = dumps(host)
    result = converge("-e", f"mlflow_version={NEW}", "-e", "mlflow_backend_inventory_host=db-not-in-the-inventory")
    assert result.returncode != 0
    message = " ".join((result.stdout + result.stderr).split())
    assert "is not a host of the inventory (mlflow_backend_inventory_host is 'db-not-in-the-inventory')" in message
    assert "Nothing was migrated" in message
    assert psql(host, "SELECT version_num FROM alembic_version") == schema_before
    assert dumps(host) == before
    assert host.check_output("readlink /opt/mlflow/current").endswith(f"venv-{OLD}")
    assert served_version(host) == OLD


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
    schema = json.loads(status)
    assert schema["current"] == schema["head"]
    model = requests.get(mlflow_url(host) + "/api/2.0/mlflow/registered-models/get", params={"name": "survivor"}, timeout=10)
    assert model.status_code == 200, model.text


def test_converging_the_new_release_again_changes_nothing(host):
    before = dumps(host)
    result = upgrade(host)
    assert result.returncode == 0
    assert re.search(r"debian12-upgrade\s+: ok=\d+\s+changed=0\s", result.stdout), result.stdout[-1500:]
    assert dumps(host) == before
