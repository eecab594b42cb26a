"""The example inventory as a platform team runs it: two MLflow nodes behind a
TLS proxy, one PostgreSQL host, an S3 artifact store, basic auth."""
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
from conftest import (converge, log_register_and_load, mlflow_default_version, other_host, postgresql_version,
                      run_with_overrides, said, verified_session)
from platform_state import platform_state, record_figure

SCENARIO = os.environ.get("MOLECULE_SCENARIO_DIRECTORY", os.path.dirname(os.path.dirname(__file__)))
OVERRIDES = yaml.safe_load(open(os.path.join(SCENARIO, "vars", "overrides.yml"), encoding="utf-8"))
ADMIN = ("admin", OVERRIDES["vault_mlflow_auth_admin_password"])
PROXY = "172.30.79.40"
NODES = {"mlflow1.example.internal": "172.30.79.31", "mlflow2.example.internal": "172.30.79.32"}
URL = f"https://{PROXY}"

testinfra_hosts = ["proxy1.example.internal"]


@pytest.fixture(scope="module")
def proxy_ca(host, tmp_path_factory):
    """The proxy's generated certificate, which clients trust as its CA."""
    path = tmp_path_factory.mktemp("tls") / "proxy.crt"
    path.write_text(host.file("/etc/nginx/mlflow-tls/server.crt").content_string)
    return str(path)


@pytest.fixture(scope="module")
def session(proxy_ca):
    return verified_session(proxy_ca, ADMIN)


@pytest.fixture(scope="module")
def mlflow_client_env(proxy_ca):
    """MLflow's own client through the proxy: TLS verified, as the administrator."""
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


def upstreams_seen(host, since_line=0):
    """Upstream addresses nginx sent requests to, from its access log."""
    lines = host.check_output("cat /var/log/nginx/mlflow-access.log").splitlines()[since_line:]
    return {address.split(":")[0] for line in lines for address in re.findall(r"\d+\.\d+\.\d+\.\d+:\d+", line)
            if address.split(":")[0] in NODES.values()}


def access_log_length(host):
    return int(host.check_output("wc -l < /var/log/nginx/mlflow-access.log"))


class ClientLoop:
    """A bounded client loop through the proxy, in a thread: reads and writes
    (experiments/search, runs/create, log-metric), every failure recorded."""

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
    response = session.post(f"{URL}/api/2.0/mlflow/experiments/create", json={"name": f"cluster-{uuid.uuid4().hex[:8]}"},
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


# 0. Molecule converged the example on MLflow 2 (start.yml).  Upgrade it to
# the role's default with playbooks/upgrade.yml, one node at a time through
# the proxy: refused without a database host to back up, with a migration
# that fails, then for real under a client loop; a second run changes
# nothing.  These run first: every later test runs on the upgraded platform.
# Each takes `host`, as the tests after them do: pytest runs the tests of one
# testinfra host together, in the file's order.
OLD = "2.22.5"
NEW = mlflow_default_version()
DB = "db1.example.internal"
PIPELINE = ("upgrade-pipeline", "molecule-upgrade-pipeline-secret")
BEFORE = {}


def psql(query, database="mlflow"):
    return other_host(DB).check_output(f"runuser -u postgres -- psql -XAt -d {database} -c {shlex.quote(query)}")


def served_versions():
    return {name: requests.get(f"http://{address}:5000/version", auth=ADMIN, timeout=10).text.strip()
            for name, address in NODES.items()}


def current_venvs():
    return {name: other_host(name).check_output("readlink /opt/mlflow/current") for name in NODES}


def dumps():
    """The dumps of the MLflow database on the database host (the nightly timer does not run here)."""
    listing = other_host(DB).check_output("ls /var/backups/mlops-postgresql")
    return {name for name in listing.split() if re.fullmatch(r"mlflow-[0-9]{8}T[0-9]{6}Z\.dump", name)}


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


def test_0_starts_on_mlflow_2_with_runs_models_and_a_pipeline_user(session, client):
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
    schema_before = psql("SELECT version_num FROM alembic_version")
    before = dumps()
    # With the CA given, so that the run goes as far as the backup (the
    # example verifies the database's certificate with the CA it reads from
    # the database host, and would refuse earlier).
    ca = other_host("mlflow1.example.internal").file("/etc/mlflow/postgresql-ca.crt").content_string
    proc = upgrade("-e", json.dumps({"mlflow_backend_inventory_host": "db-not-in-the-inventory",
                                     "mlflow_backend_ca_certificate": ca}))
    assert proc.returncode != 0
    message = said(proc)
    assert "is not a host of the inventory (mlflow_backend_inventory_host is 'db-not-in-the-inventory')" in message
    assert "Nothing was migrated" in message
    assert psql("SELECT version_num FROM alembic_version") == schema_before
    assert dumps() == before
    assert all(venv.endswith(f"venv-{OLD}") for venv in current_venvs().values())
    assert served_versions() == dict.fromkeys(NODES, OLD)


def test_0_failed_migration_keeps_mlflow_2_serving_and_names_the_backup(host):
    # A table a migration of the new release creates: the migration must fail.
    psql("CREATE TABLE scheduler_leases (x int); ALTER TABLE scheduler_leases OWNER TO mlflow")
    before = dumps()
    try:
        proc = upgrade()
    finally:
        psql("DROP TABLE scheduler_leases")
    assert proc.returncode != 0
    message = said(proc)
    assert f"(MLflow {NEW}) failed, so the server was not switched" in message, message[-2000:]
    backup = re.search(r"Backup taken before the upgrade: \S*/(mlflow-\S+\.dump) on db1", message).group(1)
    assert dumps() - before == {backup}
    assert all(venv.endswith(f"venv-{OLD}") for venv in current_venvs().values())
    assert served_versions() == dict.fromkeys(NODES, OLD)


def test_0_upgrade_one_node_at_a_time_under_load_keeps_everything(session, proxy_ca, client):
    before_dumps = dumps()
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
    # One batch per node (serial 1): the migration ran in the first only.
    migrations = re.findall(r"TASK \[mlops\.mlflow\.mlflow_server : Run mlflow db upgrade\].*\n.*\n(\w+): \[", proc.stdout)
    assert migrations.count("changed") == 1, migrations
    assert len(dumps() - before_dumps) == 1
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
    assert figures["reads"] > 0 and figures["writes"] > 0


def test_0_upgrading_again_changes_nothing(host):
    before = dumps()
    proc = upgrade()
    assert proc.returncode == 0, proc.stdout[-3000:]
    recap = dict(re.findall(r"^(\S+)\s+: ok=\d+\s+changed=(\d+)", proc.stdout, re.M))
    assert recap and set(recap.values()) == {"0"}, recap
    assert dumps() == before


# 1. Only through the proxy, over verified TLS; HTTP redirects.
def test_http_redirects_to_https():
    response = requests.get(f"http://{PROXY}/api/2.0/mlflow/experiments/search", allow_redirects=False, timeout=10)
    assert response.status_code == 301
    assert response.headers["Location"].startswith(f"https://{PROXY}/")


def test_tls_is_verified_with_the_proxys_certificate(session):
    assert session.get(f"{URL}/health", timeout=10).status_code == 200
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(f"{URL}/health", timeout=10)  # the system's CAs do not know it


def test_auth_refuses_anonymous_and_wrong_passwords_but_not_health(proxy_ca, session):
    search = f"{URL}/api/2.0/mlflow/experiments/search?max_results=1"
    anonymous = verified_session(proxy_ca, None)
    assert anonymous.get(search, timeout=10).status_code == 401
    assert verified_session(proxy_ca, (ADMIN[0], "not-the-password")).get(search, timeout=10).status_code == 401
    assert session.get(search, timeout=10).status_code == 200
    assert anonymous.get(f"{URL}/health", timeout=10).status_code == 200


def test_the_pipeline_user_writes_its_model_only(proxy_ca, session):
    """mlflow_auth_users of the example: ci-churn may edit `churn`, and only read another model."""
    other = "cluster-" + uuid.uuid4().hex[:8]
    for name in ("churn", other):
        created = session.post(f"{URL}/api/2.0/mlflow/registered-models/create", json={"name": name}, timeout=10)
        assert created.status_code == 200 or "RESOURCE_ALREADY_EXISTS" in created.text, created.text
    ci = verified_session(proxy_ca, ("ci-churn", OVERRIDES["vault_mlflow_ci_churn_password"]))
    tag = {"key": "deployed-by", "value": "ci-churn"}
    assert ci.post(f"{URL}/api/2.0/mlflow/registered-models/set-tag", json=dict(tag, name="churn"),
                   timeout=10).status_code == 200
    assert ci.post(f"{URL}/api/2.0/mlflow/registered-models/set-tag", json=dict(tag, name=other),
                   timeout=10).status_code == 403
    assert ci.get(f"{URL}/api/2.0/mlflow/registered-models/get", params={"name": other}, timeout=10).status_code == 200


def test_nodes_listen_on_their_own_address_only():
    for node, address in NODES.items():
        listening = other_host(node).check_output("ss -Htln 'sport = :5000'")
        assert f"{address}:5000" in listening, (node, listening)
        assert "0.0.0.0:5000" not in listening and "*:5000" not in listening


def test_model_with_a_large_artifact_loads_by_alias_through_the_proxy(host, mlflow_client_env):
    import mlflow

    before = access_log_length(host)
    name, info = log_register_and_load(URL, "cluster")
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
    assert upstreams_seen(host, before) == set(NODES.values())
    assert name


# 2. One node down: the proxy keeps serving; back up: back in rotation.
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
    start = access_log_length(host)
    deadline = time.monotonic() + 60
    while NODES["mlflow2.example.internal"] not in upstreams_seen(host, start) and time.monotonic() < deadline:
        session.get(f"{URL}/api/2.0/mlflow/experiments/search", params={"max_results": 1}, timeout=30)
    assert NODES["mlflow2.example.internal"] in upstreams_seen(host, start)


# 4. Eight concurrent registrations through the proxy: one version.
def test_eight_concurrent_registrations_make_one_version(session, proxy_ca, tmp_path):
    name = f"cluster-race-{uuid.uuid4().hex[:8]}"
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


# 6. The database host derives its budget and clients from the nodes.
def test_budget_and_pg_hba_are_derived_from_the_nodes():
    db = other_host("db1.example.internal")
    # 2 nodes x 4 workers x 3 engines (tracking, registry, basic auth) x (5 + 10) + 10
    assert db.check_output("sudo -u postgres psql -XAtc 'show max_connections'") == "370"
    hba = db.file(f"/etc/postgresql/{postgresql_version(db)}/main/pg_hba.conf").content_string
    tls = sorted(line.split()[3] for line in hba.splitlines() if line.startswith("hostssl"))
    # Loopback (the role's own entries, for a node on the database host), then the two nodes.
    assert tls == ["127.0.0.1/32", "172.30.79.31/32", "172.30.79.32/32", "::1/128"]


def test_nodes_verify_the_database_certificate():
    for node in NODES:
        env = other_host(node).check_output("grep ^MLFLOW_BACKEND_STORE_URI /etc/mlflow/mlflow.env")
        assert "sslmode=verify-full" in env and "sslrootcert=/etc/mlflow/postgresql-ca.crt" in env
    db = other_host("db1.example.internal")
    rows = db.check_output("sudo -u postgres psql -XAtc \"select distinct ssl from pg_stat_ssl s join "
                           "pg_stat_activity a using (pid) where a.usename = 'mlflow'\"")
    assert rows == "t"


def test_adding_a_node_with_restarts_deferred_reports_and_does_not_restart(tmp_path):
    db = other_host("db1.example.internal")
    started = db.check_output("sudo -u postgres psql -XAtc 'select pg_postmaster_start_time()'")
    extra = tmp_path / "third-node.yml"
    extra.write_text(yaml.safe_dump({"mlflow": {"hosts": {"proxy1.example.internal": None}}}))
    proc = run_with_overrides("mlops.mlflow.postgresql", "-i", str(extra), "-e", "postgresql_defer_restart=true")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "runs with old values of max_connections" in said(proc)
    assert db.check_output("sudo -u postgres psql -XAtc 'select pg_postmaster_start_time()'") == started
    assert db.check_output("sudo -u postgres psql -XAtc 'show max_connections'") == "370"
    assert db.check_output(
        "sudo -u postgres psql -XAtc \"select setting from pg_settings where name = 'max_connections' "
        "and pending_restart\"") == "370"
    hba = db.check_output(f"grep ^hostssl /etc/postgresql/{postgresql_version(db)}/main/pg_hba.conf")
    assert "172.30.79.40/32" in hba

    # Back to two nodes: the configuration matches the running server again.
    proc = run_with_overrides("mlops.mlflow.postgresql", "-e", "postgresql_defer_restart=true")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "runs with old values" not in said(proc)
    assert db.check_output("sudo -u postgres psql -XAtc 'select count(*) from pg_settings where pending_restart'") == "0"
    assert db.check_output("sudo -u postgres psql -XAtc 'select pg_postmaster_start_time()'") == started


# 7. Two nodes on one database with node-local artifact stores: refused before any change.
def test_local_store_on_two_nodes_is_refused_before_any_change():
    files = {"db1.example.internal": "/etc/postgresql/*/main/conf.d/50-mlops-restart.conf",
             "mlflow1.example.internal": "/etc/mlflow/mlflow.env", "mlflow2.example.internal": "/etc/mlflow/mlflow.env",
             "proxy1.example.internal": "/etc/nginx/conf.d/mlflow.conf"}

    def sums():
        return {name: other_host(name).check_output(f"sha256sum {path}") for name, path in files.items()}

    before = sums()
    proc = converge("-e", "mlflow_artifacts_store=local")
    assert proc.returncode != 0
    assert "share the database db1.example.internal:5432/mlflow but mlflow_artifacts_store is 'local'" in said(proc)
    assert "set mlflow_artifacts_shared to true" in said(proc)
    assert "changed=" in proc.stdout and not re.search(r"changed=[1-9]", proc.stdout)
    assert sums() == before


# 5. Both nodes started at the same moment on an empty auth database.
def test_first_start_of_both_nodes_at_once_makes_one_admin():
    db = other_host("db1.example.internal")
    nodes = [other_host(name) for name in NODES]
    for node in nodes:
        node.check_output("systemctl stop mlflow")
    db.check_output(
        "sudo -u postgres psql -X -d mlflow_auth -c \"DO \\$\\$ DECLARE r record; BEGIN FOR r IN SELECT tablename "
        "FROM pg_tables WHERE schemaname = 'public' LOOP EXECUTE 'DROP TABLE public.' || quote_ident(r.tablename) "
        "|| ' CASCADE'; END LOOP; END \\$\\$\"")
    assert db.check_output("sudo -u postgres psql -XAtd mlflow_auth -c "
                           "\"select count(*) from pg_tables where schemaname = 'public'\"") == "0"
    barrier = threading.Barrier(len(nodes))

    def start(node):
        barrier.wait()
        node.check_output("systemctl start mlflow")

    with concurrent.futures.ThreadPoolExecutor(len(nodes)) as pool:
        list(pool.map(start, nodes))
    for name in NODES:
        wait_healthy(name)
    assert db.check_output("sudo -u postgres psql -XAtd mlflow_auth -c "
                           "\"select count(*) from users where is_admin\"") == "1"


# 3. A rolling restart (a configuration change converged with the MLflow
# playbook, docs/scale-out.md) under a steady load: about 20 requests a second,
# not as many as the two cores can send, which would only slow the converge.
def test_rolling_restart_under_load_fails_no_request(session, experiment_id):
    pids = {name: other_host(name).check_output("systemctl show -P MainPID mlflow") for name in NODES}
    with ClientLoop(session, experiment_id, limit=5000, pause=0.05) as loop:
        proc = run_with_overrides("mlops.mlflow.mlflow",
                                  "-e", json.dumps({"mlflow_environment": {"MLFLOW_CLUSTER_TEST_GENERATION": "2"}}))
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert loop.done >= 200 and loop.failures == [], loop.failures[:5]
    for name in NODES:
        assert other_host(name).check_output("systemctl show -P MainPID mlflow") != pids[name], name
    # Each node was out of rotation while it restarted, and back after.
    assert proc.stdout.count("Take this node out of the proxies' rotation") >= 1
    proxy = other_host("proxy1.example.internal")
    assert " down" not in proxy.check_output("cat /etc/nginx/mlflow-upstream.d/*.conf")
