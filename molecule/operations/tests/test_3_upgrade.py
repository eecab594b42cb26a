"""Upgrading MLflow on a live host with playbooks/upgrade.yml: refused
without a database host to back up, a failed migration, then the real
upgrade with a client reading and writing throughout."""
import json
import re
import shlex
import threading
import time

import requests
from conftest import converge, mlflow_default_version, mlflow_url, said
# `client` is a pytest fixture: imported for the tests below that take it.
from platform_state import ADMIN, client, platform_state, record_figure  # noqa: F401 pylint: disable=unused-import

OLD = "3.16.1"
NEW = mlflow_default_version()


def psql(host, query, database="mlflow"):
    return host.check_output(f"runuser -u postgres -- psql -XAt -d {database} -c {shlex.quote(query)}")


def served_version(host):
    return requests.get(mlflow_url(host) + "/version", auth=ADMIN, timeout=10).text.strip()


def backups(host):
    """Labels of the pgBackRest backups (the dumps of the nightly timer are not taken here)."""
    out = host.check_output("runuser -u postgres -- pgbackrest --stanza=mlflow --output=json info")
    return re.findall(r'"label":"([^"]+)"', out)


def upgrade(*options):
    return converge("-e", f"mlflow_version={NEW}", *options, playbook="mlops.mlflow.upgrade")


def schemas(host):
    status = host.check_output(
        "cd /tmp && PGPASSWORD=molecule-db-secret-3 "
        "MLFLOW_BACKEND_STORE_URI='postgresql+psycopg2://mlflow@localhost:5432/mlflow?sslmode=require' "
        "MLFLOW_AUTH_DATABASE_URI='postgresql+psycopg2://mlflow@localhost:5432/mlflow_auth?sslmode=require' "
        "/opt/mlflow/current/bin/python /opt/mlflow/mlflow-schema-status.py")
    return json.loads(status)


class ClientLoop(threading.Thread):
    """Reads and writes through MLflow's REST API until stopped, counting failures."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url, self.stopping = url, threading.Event()
        self.counts = {"reads": 0, "read_failures": 0, "writes": 0, "write_failures": 0}

    def call(self, kind, method, path, **kwargs):
        self.counts[kind + "s"] += 1
        try:
            response = requests.request(method, self.url + path, auth=ADMIN, timeout=10, **kwargs)
            ok = response.status_code == 200
        except requests.RequestException:
            ok = False
        if not ok:
            self.counts[kind + "_failures"] += 1

    def run(self):
        index = 0
        while not self.stopping.is_set():
            self.call("read", "GET", "/api/2.0/mlflow/registered-models/get", params={"name": "survivor"})
            self.call("write", "POST", "/api/2.0/mlflow/registered-models/set-tag",
                      json={"name": "survivor", "key": "heartbeat", "value": str(index)})
            index += 1
            time.sleep(0.2)


def test_starts_on_the_older_release_with_a_model(host, client):
    assert NEW != OLD
    assert served_version(host) == OLD
    client.create_registered_model("survivor")


def test_upgrade_without_a_database_host_to_back_up_is_refused_before_migrating(host):
    schema_before = psql(host, "SELECT version_num FROM alembic_version")
    before = backups(host)
    result = upgrade("-e", "mlflow_backend_inventory_host=db-not-in-the-inventory")
    assert result.returncode != 0
    message = said(result)
    assert "is not a host of the inventory (mlflow_backend_inventory_host is 'db-not-in-the-inventory')" in message
    assert "Nothing was migrated" in message
    assert psql(host, "SELECT version_num FROM alembic_version") == schema_before
    assert backups(host) == before
    assert host.check_output("readlink /opt/mlflow/current").endswith(f"venv-{OLD}")
    assert served_version(host) == OLD


def test_failed_migration_keeps_the_old_release_running_and_names_the_backup(host):
    # A table the new release's migration creates: the migration must fail.
    psql(host, "CREATE TABLE scheduler_leases (x int); ALTER TABLE scheduler_leases OWNER TO mlflow")
    before = backups(host)
    try:
        result = upgrade()
    finally:
        psql(host, "DROP TABLE scheduler_leases")
    assert result.returncode != 0
    message = said(result)
    assert f"(MLflow {NEW}) failed, so the server was not switched" in message, message[-2000:]
    label = re.search(r"Backup taken before the upgrade: pgBackRest backup (\S+) on", message).group(1)
    assert set(backups(host)) - set(before) == {label}
    assert host.check_output("readlink /opt/mlflow/current").endswith(f"venv-{OLD}")
    assert host.service("mlflow").is_running
    assert served_version(host) == OLD


def test_upgrade_backs_up_once_migrates_both_schemas_and_switches(host, client):
    before_backups = backups(host)
    before = platform_state(client)
    loop = ClientLoop(mlflow_url(host))
    loop.start()
    try:
        result = upgrade()
    finally:
        loop.stopping.set()
        loop.join()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "TASK [mlops.mlflow.mlflow_server : Run mlflow db upgrade]" in result.stdout
    assert len(set(backups(host)) - set(before_backups)) == 1
    assert served_version(host) == NEW
    schema = schemas(host)
    assert schema["current"] == schema["head"]
    assert schema["auth_current"] == schema["auth_head"]
    after = platform_state(client)
    # Only the loop's heartbeat tag moved.
    for state in (before, after):
        state["models"]["survivor"]["tags"].pop("heartbeat", None)
    assert after == before
    record_figure("upgrade_single_node_client", loop.counts)
    assert loop.counts["reads"] > 0 and loop.counts["writes"] > 0


def test_upgrading_again_changes_nothing(host):
    before = backups(host)
    result = upgrade()
    assert result.returncode == 0
    assert re.search(r"debian12-operations\s+: ok=\d+\s+changed=0\s", result.stdout), result.stdout[-1500:]
    assert backups(host) == before
