"""First on the ha layout, which Molecule converged on MLflow 2 (start.yml):
the upgrade to the role's default with playbooks/upgrade.yml, one node at a
time through the proxies; then what several MLflow nodes behind the proxies
must do on the upgraded platform (TLS, auth, a node stopped, a rolling
restart, racing registrations, refused layouts).  test_2_failures.py runs
after this file."""
import concurrent.futures
import hashlib
import json
import os
import re
import shlex
import subprocess
import tempfile
import threading
import time
import uuid

import pytest
import requests
import yaml
from conftest import (converge, log_register_and_load, mlflow_default_version, other_host, recap, run_with_overrides,
                      said, verified_session)
from ha_layout import ADMIN, MEMBERS, NODES, PROXIES, URL, VIP, leader, pgbackrest_backups, psql, vip_holder
# Fixtures: pytest finds them by their names in this module.
from ha_layout import proxy_ca, session  # pylint: disable=unused-import
from platform_state import platform_state, record_figure

# Tests that take `host` run before the others: pytest runs the tests of one
# testinfra host together, in the file's order.  The upgrade takes it.
testinfra_hosts = ["proxy1.example.internal"]


@pytest.fixture(scope="module")
def mlflow_client_env(proxy_ca):
    """MLflow's own client through the proxies: TLS verified, as the administrator."""
    settings = {
        "MLFLOW_TRACKING_SERVER_CERT_PATH": proxy_ca,
        "MLFLOW_TRACKING_USERNAME": ADMIN[0],
        "MLFLOW_TRACKING_PASSWORD": ADMIN[1],
        # Downloads through MLflow and the proxy, not presigned URLs to the S3
        # endpoint's name, which only the test network resolves.
        "MLFLOW_ENABLE_PROXY_MULTIPART_DOWNLOAD": "false",
    }
    saved = {key: os.environ.get(key) for key in settings}
    os.environ.update(settings)
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def front():
    """The proxy that holds the virtual IP, whose access log sees the requests."""
    holder = vip_holder()
    assert holder, "no proxy holds the virtual IP"
    return other_host(holder)


def upstreams_seen(proxy, since_line=0):
    """Upstream addresses nginx sent requests to, from its access log."""
    lines = proxy.check_output("cat /var/log/nginx/mlflow-access.log").splitlines()[since_line:]
    return {address.split(":")[0] for line in lines for address in re.findall(r"\d+\.\d+\.\d+\.\d+:\d+", line)
            if address.split(":")[0] in NODES.values()}


def access_log_length(proxy):
    return int(proxy.check_output("wc -l < /var/log/nginx/mlflow-access.log"))


class ClientLoop:
    """A bounded client loop through the virtual IP, in a thread: reads and
    writes (experiments/search, runs/create), every failure recorded."""

    def __init__(self, session, experiment_id, limit, pause=0.0):
        self.session, self.experiment_id, self.limit, self.pause = session, experiment_id, limit, pause
        self.done, self.failures, self.stop = 0, [], threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def request(self, index):
        if index % 3 == 0:
            response = self.session.get(f"{URL}/api/2.0/mlflow/experiments/search", params={"max_results": 5},
                                        timeout=30)
        elif index % 3 == 1:
            response = self.session.post(f"{URL}/api/2.0/mlflow/runs/create",
                                         json={"experiment_id": self.experiment_id}, timeout=30)
        else:
            response = self.session.post(f"{URL}/api/2.0/mlflow/experiments/search",
                                         json={"max_results": 1}, timeout=30)
        if response.status_code != 200:
            self.failures.append((index, response.status_code, response.text[:200]))

    def tally(self):
        """Reads and writes sent (every third request creates a run), and how many of each failed."""
        writes = len(range(1, self.done, 3))
        failed_writes = sum(1 for failure in self.failures if failure[0] % 3 == 1)
        return {"reads": self.done - writes, "read_failures": len(self.failures) - failed_writes,
                "writes": writes, "write_failures": failed_writes}

    def run(self):
        for index in range(self.limit):
            if self.stop.is_set() and self.done >= 200:
                return
            try:
                self.request(index)
            except requests.RequestException as error:
                self.failures.append((index, type(error).__name__, str(error)[:200]))
            self.done += 1
            time.sleep(self.pause)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=600)
        assert not self.thread.is_alive(), "the client loop did not end"


@pytest.fixture(scope="module")
def experiment_id(session):
    response = session.post(f"{URL}/api/2.0/mlflow/experiments/create", json={"name": f"nodes-{uuid.uuid4().hex[:8]}"},
                            timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["experiment_id"]


def wait_healthy(node, seconds=120):
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            response = requests.get(f"http://{NODES[node]}:5000/api/2.0/mlflow/experiments/search",
                                    params={"max_results": 1}, auth=ADMIN, timeout=5)
            if response.status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    pytest.fail(f"{node} did not serve within {seconds} s")


# 0. Molecule converged inventories/ha on MLflow 2 (start.yml).  Upgrade it
# to the role's default with playbooks/upgrade.yml, one node at a time
# through the proxies: refused without a database host to back up, with a
# migration that fails, then for real under a client loop; a second run
# changes nothing.  Under Patroni the backup is pgBackRest's, on the leader.
OLD = "2.22.5"
NEW = mlflow_default_version()
PIPELINE = ("upgrade-pipeline", "molecule-upgrade-pipeline-secret")
BEFORE = {}


def backups():
    return pgbackrest_backups(leader())


def served_versions():
    return {name: requests.get(f"http://{address}:5000/version", auth=ADMIN, timeout=10).text.strip()
            for name, address in NODES.items()}


def current_venvs():
    return {name: other_host(name).check_output("readlink /opt/mlflow/current") for name in NODES}


def schema_revision():
    return psql(leader(), "SELECT version_num FROM alembic_version")


def upgrade(*options):
    return run_with_overrides("mlops.mlflow.upgrade", "-e", f"mlflow_version={NEW}", *options)


def schemas(name):
    """mlflow-schema-status.py on a node with the server's settings: both schemas' revisions and heads."""
    node = other_host(name)
    settings = dict(line.split("=", 1) for line in node.file("/etc/mlflow/mlflow.env").content_string.splitlines()
                    if line and not line.startswith("#"))
    ini = node.file("/etc/mlflow/basic_auth.ini").content_string
    environment = {key: json.loads(settings[key]) for key in ("MLFLOW_BACKEND_STORE_URI", "PGPASSWORD")}
    environment["MLFLOW_AUTH_DATABASE_URI"] = re.search(r"^database_uri = (.*)$", ini, re.M).group(1).replace("%%", "%")
    return json.loads(node.check_output(
        "env " + " ".join(shlex.quote(f"{key}={value}") for key, value in environment.items())
        + " /opt/mlflow/current/bin/python /opt/mlflow/mlflow-schema-status.py"))


@pytest.fixture(scope="module")
def client(mlflow_client_env):
    import mlflow

    return mlflow.MlflowClient(URL)


def rest_artifacts(session):
    """A run's artifact checksums through the REST API, which MLflow 2 and 3
    share (MLflow 3's client looks for logged models, which MLflow 2 lacks)."""
    def read(run_id, path=""):
        listing = session.get(f"{URL}/api/2.0/mlflow/artifacts/list", params={"run_id": run_id, "path": path},
                              timeout=30)
        assert listing.status_code == 200, listing.text
        sums = {}
        for entry in listing.json().get("files", []):
            if entry.get("is_dir"):
                sums.update(read(run_id, entry["path"]))
            else:
                data = session.get(f"{URL}/get-artifact", params={"run_id": run_id, "path": entry["path"]}, timeout=60)
                assert data.status_code == 200, (entry, data.status_code)
                sums[entry["path"]] = hashlib.sha256(data.content).hexdigest()
        return sums
    return read


def test_0_starts_on_mlflow_2_with_runs_models_and_a_pipeline_user(host, session, client):
    assert NEW != OLD
    assert served_versions() == dict.fromkeys(NODES, OLD)
    experiment = client.create_experiment("upgrade-from-2", tags={"team": "platform"})
    run_id = client.create_run(experiment, run_name="trained-on-2").info.run_id
    client.log_param(run_id, "alpha", "0.5")
    for step in range(3):
        client.log_metric(run_id, "loss", 1.0 / (step + 1), step=step)
    client.set_tag(run_id, "stage", "trained")
    client.log_text(run_id, "weights trained on MLflow 2", "model/weights.txt")
    client.set_terminated(run_id)
    # The registry through the REST API: MLflow 3's client would look for
    # logged models, which MLflow 2 does not have.
    api = f"{URL}/api/2.0/mlflow"
    for call, body in [
            ("registered-models/create", {"name": "upgrade-survivor", "description": "made on MLflow 2",
                                          "tags": [{"key": "owner", "value": "ml"}]}),
            ("model-versions/create", {"name": "upgrade-survivor", "source": f"runs:/{run_id}/model", "run_id": run_id}),
            ("model-versions/create", {"name": "upgrade-survivor", "source": f"runs:/{run_id}/model", "run_id": run_id}),
            ("model-versions/set-tag", {"name": "upgrade-survivor", "version": "1", "key": "validated", "value": "yes"}),
            ("registered-models/create", {"name": "upgrade-other"}),
            ("users/create", {"username": PIPELINE[0], "password": PIPELINE[1]}),
            ("registered-models/permissions/create", {"name": "upgrade-survivor", "username": PIPELINE[0],
                                                      "permission": "EDIT"})]:
        response = session.post(f"{api}/{call}", json=body, timeout=30)
        assert response.status_code == 200, (call, response.text)
    for alias, version in (("champion", "1"), ("challenger", "2")):
        response = session.post(f"{api}/registered-models/alias",
                                json={"name": "upgrade-survivor", "alias": alias, "version": version}, timeout=30)
        assert response.status_code == 200, response.text
    BEFORE.update(platform_state(client, artifacts=rest_artifacts(session)))
    assert BEFORE["models"]["upgrade-survivor"]["aliases"] == {"champion": "1", "challenger": "2"}
    assert BEFORE["experiments"]["upgrade-from-2"]["runs"][run_id]["artifacts"]


def test_0_upgrade_without_a_database_host_to_back_up_is_refused_before_migrating(host):
    schema_before, before = schema_revision(), backups()
    # With the CA given, so that the run goes as far as the backup (the nodes
    # verify the members' certificates with the CAs the role reads from the
    # database hosts, and would refuse earlier).
    ca = other_host("mlflow1.example.internal").file("/etc/mlflow/postgresql-ca.crt").content_string
    proc = upgrade("-e", json.dumps({"mlflow_backend_inventory_host": "db-not-in-the-inventory",
                                     "mlflow_backend_ca_certificate": ca}))
    assert proc.returncode != 0
    message = said(proc)
    assert "is not a host of the inventory (mlflow_backend_inventory_host is 'db-not-in-the-inventory')" in message, \
        message[-3000:]
    assert "Nothing was migrated" in message
    assert schema_revision() == schema_before
    assert backups() == before
    assert all(venv.endswith(f"venv-{OLD}") for venv in current_venvs().values())
    assert served_versions() == dict.fromkeys(NODES, OLD)


def test_0_failed_migration_keeps_mlflow_2_serving_and_names_the_backup(host):
    # A table a migration of the new release creates: the migration must fail.
    writer = leader()
    psql(writer, "CREATE TABLE scheduler_leases (x int); ALTER TABLE scheduler_leases OWNER TO mlflow")
    before = backups()
    try:
        proc = upgrade()
    finally:
        psql(leader(), "DROP TABLE scheduler_leases")
    assert proc.returncode != 0
    message = said(proc)
    assert f"(MLflow {NEW}) failed, so the server was not switched" in message, message[-2000:]
    label, backed_up_on = re.search(r"Backup taken before the upgrade: pgBackRest backup (\S+) on (\S+?)\.(?:\s|$)",
                                    message).groups()
    assert backed_up_on == writer
    assert set(backups()) - set(before) == {label}
    assert all(venv.endswith(f"venv-{OLD}") for venv in current_venvs().values())
    assert served_versions() == dict.fromkeys(NODES, OLD)


def test_0_upgrade_one_node_at_a_time_under_load_keeps_everything(host, session, proxy_ca, client):
    before_backups = backups()
    pids = {name: other_host(name).check_output("systemctl show -P MainPID mlflow") for name in NODES}
    response = session.post(f"{URL}/api/2.0/mlflow/experiments/create", json={"name": "upgrade-loop"}, timeout=30)
    assert response.status_code == 200, response.text
    with ClientLoop(session, response.json()["experiment_id"], limit=20000, pause=0.05) as loop:
        started = time.monotonic()
        proc = upgrade()
        seconds = time.monotonic() - started
    figures = dict(loop.tally(), seconds=round(seconds, 1), first_failures=[list(f) for f in loop.failures[:3]])
    record_figure("upgrade_two_nodes_through_proxy", figures)
    print("client during the upgrade:", figures)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert figures["reads"] >= 100 and figures["writes"] >= 50 and loop.failures == [], figures
    # Each node restarted out of every proxy's rotation, and is back in it.
    for name in NODES:
        assert other_host(name).check_output("systemctl show -P MainPID mlflow") != pids[name], name
    assert proc.stdout.count("Take this node out of the proxies' rotation") >= len(NODES)
    for name in PROXIES:
        assert " down" not in other_host(name).check_output("cat /etc/nginx/mlflow-upstream.d/*.conf"), name
    # One batch per node (serial 1): the migration ran in the first only.
    migrations = re.findall(r"TASK \[mlops\.mlflow\.mlflow_server : Run mlflow db upgrade\].*\n.*\n(\w+): \[", proc.stdout)
    assert migrations.count("changed") == 1, migrations
    assert len(set(backups()) - set(before_backups)) == 1
    assert served_versions() == dict.fromkeys(NODES, NEW)
    for name in NODES:
        schema = schemas(name)
        assert schema["current"] == schema["head"] and schema["auth_current"] == schema["auth_head"], (name, schema)
    assert platform_state(client, skip_experiments={"upgrade-loop"}, artifacts=rest_artifacts(session)) == BEFORE
    # The user made on MLflow 2 logs in and keeps its grant.
    pipeline = verified_session(proxy_ca, PIPELINE)
    tag = {"key": "deployed-by", "value": PIPELINE[0]}
    for model, status in (("upgrade-survivor", 200), ("upgrade-other", 403)):
        response = pipeline.post(f"{URL}/api/2.0/mlflow/registered-models/set-tag", json=dict(tag, name=model),
                                 timeout=30)
        assert response.status_code == status, (model, response.text)


# The scenario's idempotence check, on the release the platform runs after
# its upgrade (Molecule's own idempotence step would run on MLflow 2): the
# site playbook at the new release changes nothing on any host, and neither
# migrates nor backs up again.  Both nodes in one batch, as Molecule's
# converge (molecule.yml): with nothing to restart, node by node only waits.
def test_0_the_site_playbook_after_the_upgrade_changes_nothing(host):
    before = backups()
    proc = converge("-e", "mlflow_serial=2")
    assert proc.returncode == 0, proc.stdout[-3000:]
    changed = recap(proc)
    assert {*MEMBERS, *NODES, *PROXIES} <= set(changed) and set(changed.values()) == {0}, changed
    assert backups() == before


# 1. Several MLflow nodes behind the proxies, on the upgraded platform.
def test_model_with_a_large_artifact_loads_by_alias_through_both_nodes(host, mlflow_client_env):
    import mlflow

    proxy = front()
    before = access_log_length(proxy)
    name, info = log_register_and_load(URL, "nodes")
    payload = os.urandom(50 * 1024 * 1024)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "weights.bin")
        with open(path, "wb") as out:
            out.write(payload)
        client = mlflow.MlflowClient(URL)
        client.log_artifact(info.run_id, path, "large")
        back = client.download_artifacts(info.run_id, "large/weights.bin", tmp + "/back")
        with open(back, "rb") as data:
            assert hashlib.sha256(data.read()).hexdigest() == hashlib.sha256(payload).hexdigest()
    # Both nodes served some of these requests.
    assert upstreams_seen(proxy, before) == set(NODES.values())
    assert name


def test_one_node_stopped_no_request_fails(host, session, experiment_id):
    node = other_host("mlflow2.example.internal")
    node.check_output("systemctl stop mlflow")
    try:
        # Round robin sends about every other request to the stopped node.
        loop = ClientLoop(session, experiment_id, limit=80)
        loop.run()
        assert loop.done == 80 and loop.failures == []
    finally:
        node.check_output("systemctl start mlflow")
    wait_healthy("mlflow2.example.internal")
    proxy = front()
    start = access_log_length(proxy)
    deadline = time.monotonic() + 60
    while NODES["mlflow2.example.internal"] not in upstreams_seen(proxy, start) and time.monotonic() < deadline:
        session.get(f"{URL}/api/2.0/mlflow/experiments/search", params={"max_results": 1}, timeout=30)
    assert NODES["mlflow2.example.internal"] in upstreams_seen(proxy, start)


def test_eight_concurrent_registrations_make_one_version(host, session, proxy_ca, tmp_path):
    name = f"race-{uuid.uuid4().hex[:8]}"
    source = f"s3://mlflow-artifacts/race/{uuid.uuid4().hex}/model"
    playbook = tmp_path / "register.yml"
    playbook.write_text(yaml.safe_dump([{
        "hosts": "localhost", "gather_facts": False,
        "tasks": [{"mlops.mlflow.mlflow_registered_model": {"name": name}},
                  {"name": "register", "register": "registered",
                   "mlops.mlflow.mlflow_model_version": {"name": name, "source": source}},
                  {"ansible.builtin.debug": {"msg": "VERSION={{ registered.model_version.version }}"}}],
        "module_defaults": {"group/mlops.mlflow.mlflow": {
            "tracking_uri": URL, "username": ADMIN[0], "password": ADMIN[1], "ca_path": proxy_ca}},
    }]))

    def run(_index):
        return subprocess.run(["ansible-playbook", "-i", "localhost,", "-c", "local", str(playbook)],
                              capture_output=True, text=True, check=False,
                              env=dict(os.environ, ANSIBLE_NOCOLOR="1"))

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(run, range(8)))
    assert [proc.returncode for proc in outcomes] == [0] * 8, [p.stdout[-1500:] for p in outcomes]
    response = session.get(f"{URL}/api/2.0/mlflow/model-versions/search",
                           params={"filter": f"name = '{name}'"}, timeout=30)
    assert response.status_code == 200, response.text
    versions = response.json().get("model_versions", [])
    assert [v["version"] for v in versions] == ["1"], versions
    assert {re.search(r"VERSION=(\d+)", p.stdout).group(1) for p in outcomes} == {"1"}


def test_http_redirects_to_https():
    response = requests.get(f"http://{VIP}/api/2.0/mlflow/experiments/search", allow_redirects=False, timeout=10)
    assert response.status_code == 301
    assert response.headers["Location"].startswith(f"https://{VIP}/")


def test_tls_is_verified_with_the_proxies_certificates(session):
    assert session.get(f"{URL}/health", timeout=10).status_code == 200
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(f"{URL}/health", timeout=10)  # the system's CAs do not know them


def test_auth_refuses_anonymous_and_wrong_passwords_but_not_health(proxy_ca, session):
    search = f"{URL}/api/2.0/mlflow/experiments/search?max_results=1"
    anonymous = verified_session(proxy_ca, None)
    assert anonymous.get(search, timeout=10).status_code == 401
    assert verified_session(proxy_ca, (ADMIN[0], "not-the-password")).get(search, timeout=10).status_code == 401
    assert session.get(search, timeout=10).status_code == 200
    assert anonymous.get(f"{URL}/health", timeout=10).status_code == 200


def test_nodes_listen_on_their_own_address_only():
    for node, address in NODES.items():
        listening = other_host(node).check_output("ss -Htln 'sport = :5000'")
        assert f"{address}:5000" in listening, (node, listening)
        assert "0.0.0.0:5000" not in listening and "*:5000" not in listening


def test_nodes_verify_the_database_certificate():
    for node in NODES:
        env = other_host(node).check_output("grep ^MLFLOW_BACKEND_STORE_URI /etc/mlflow/mlflow.env")
        assert "sslmode=verify-full" in env and "sslrootcert=/etc/mlflow/postgresql-ca.crt" in env
    rows = psql(leader(), "select distinct ssl from pg_stat_ssl s join pg_stat_activity a using (pid) "
                          "where a.usename = 'mlflow'", "postgres")
    assert rows == "t"


def test_budget_and_pg_hba_are_derived_from_the_nodes():
    # 2 nodes x 4 workers x 5 engines (tracking, registry, their read-replica
    # engines, basic auth) x (5 + 10) + 10
    for member in MEMBERS:
        assert psql(member, "show max_connections", "postgres") == "610", member
        rows = psql(member, "select address from pg_hba_file_rules where type = 'hostssl' "
                            "and 'mlflow' = any(database)", "postgres")
        assert set(NODES.values()) <= set(rows.split()), (member, rows)


# Two nodes on one database with node-local artifact stores: refused before any change.
def test_local_store_on_two_nodes_is_refused_before_any_change():
    files = {"db1.example.internal": "/etc/patroni/*-main.yml",
             "mlflow1.example.internal": "/etc/mlflow/mlflow.env", "mlflow2.example.internal": "/etc/mlflow/mlflow.env",
             "proxy1.example.internal": "/etc/nginx/conf.d/mlflow.conf"}

    def sums():
        return {name: other_host(name).check_output(f"sha256sum {path}") for name, path in files.items()}

    before = sums()
    proc = converge("-e", "mlflow_artifacts_store=local")
    assert proc.returncode != 0
    assert "share the database db1.example.internal:5432/mlflow but mlflow_artifacts_store is 'local'" in said(proc), \
        said(proc)[-2000:]
    assert "set mlflow_artifacts_shared to true" in said(proc)
    # The whole run stopped at the nodes' settings, before the database hosts' plays.
    assert "PLAY [The etcd cluster for Patroni]" not in proc.stdout and "PLAY [PostgreSQL for MLflow]" not in proc.stdout
    changed = recap(proc)
    assert changed and not any(changed.values()), changed
    assert sums() == before


# Both nodes started at the same moment on an empty auth database.
def test_first_start_of_both_nodes_at_once_makes_one_admin():
    nodes = [other_host(name) for name in NODES]
    for node in nodes:
        node.check_output("systemctl stop mlflow")
    psql(leader(), "DO \\$\\$ DECLARE r record; BEGIN FOR r IN SELECT tablename FROM pg_tables "
                   "WHERE schemaname = 'public' LOOP EXECUTE 'DROP TABLE public.' || quote_ident(r.tablename) "
                   "|| ' CASCADE'; END LOOP; END \\$\\$", "mlflow_auth")
    assert psql(leader(), "select count(*) from pg_tables where schemaname = 'public'", "mlflow_auth") == "0"
    barrier = threading.Barrier(len(nodes))

    def start(node):
        barrier.wait()
        node.check_output("systemctl start mlflow")

    with concurrent.futures.ThreadPoolExecutor(len(nodes)) as pool:
        list(pool.map(start, nodes))
    for name in NODES:
        wait_healthy(name)
    assert psql(leader(), "select count(*) from users where is_admin", "mlflow_auth") == "1"
