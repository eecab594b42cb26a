"""inventories/ha as a platform team runs it, after test_1_upgrade.py: PostgreSQL
under Patroni on three hosts that also form the etcd cluster, two MLflow
nodes with HAProxy to the leader and read replicas on, two TLS proxies
sharing a virtual IP.  Clients use only the virtual IP.  The failure tests
stop containers outright."""
import json
import os
import re
import threading
import time
import uuid

import pytest
import requests
import yaml
from conftest import log_register_and_load, other_host, recap, run_with_overrides, said
from ha_layout import ADMIN, MEMBERS, OVERRIDES, URL, docker, leader, patroni_list, pgbackrest_backups, psql, vip_holder
# Fixtures: pytest finds them by their names in this module.
from ha_layout import proxy_ca, session  # pylint: disable=unused-import

API_LOGIN = ("patroni", OVERRIDES["vault_postgresql_patroni_api_password"])
PATRONI_TTL = 30
# Figures the tests measure, printed at the end of the session for the docs.
FIGURES = {}

testinfra_hosts = ["db1.example.internal"]


def wait_for(check, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(1)
    pytest.fail(f"{what} not within {seconds} s: {patroni_list()}")


def synchronous_replica():
    """The replica Patroni has recorded as synchronous: the only one it will
    promote when the leader dies (none just after a leader change)."""
    rows = [row["Member"] for row in patroni_list() if row["Role"] == "Sync Standby"]
    return rows[0] if rows else None


def streaming_replicas():
    """Replicas that run and replicate (Patroni 3 says `running`, 4 `streaming`)."""
    return sorted(row["Member"] for row in patroni_list()
                  if row["Role"] in ("Replica", "Sync Standby") and row["State"] in ("running", "streaming"))


@pytest.fixture(scope="module")
def model_name(session):
    name = f"ha-{uuid.uuid4().hex[:8]}"
    response = session.post(f"{URL}/api/2.0/mlflow/registered-models/create", json={"name": name}, timeout=30)
    assert response.status_code == 200, response.text
    return name


@pytest.fixture(scope="module", autouse=True)
def report_figures():
    """The measured figures, for docs/high-availability.md: build/ha-figures.json."""
    yield
    path = os.path.join(os.environ["MOLECULE_PROJECT_DIRECTORY"], "build", "ha-figures.json")
    with open(path, "w", encoding="utf-8") as target:
        json.dump(FIGURES, target, indent=1)


class RegistryLoop:
    """A bounded client loop through the virtual IP, in a thread: each write
    registers a model version, each read searches for the versions this loop
    has had acknowledged.  Records every acknowledged version, every failure
    with its time, and the time of the first success after `mark()`."""

    def __init__(self, session, name, limit=3000):
        self.session, self.name, self.limit = session, name, limit
        self.acknowledged, self.write_failures, self.read_failures = [], [], []
        self.marked = self.first_write_after_mark = None
        self.done, self.stop = 0, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def mark(self):
        self.marked = time.monotonic()

    def write(self):
        response = self.session.post(f"{URL}/api/2.0/mlflow/model-versions/create", timeout=20, json={
            "name": self.name, "source": f"s3://mlflow-artifacts/ha/{uuid.uuid4().hex}/model"})
        if response.status_code != 200:
            raise RuntimeError(f"{response.status_code} {response.text[:300]}")
        self.acknowledged.append(response.json()["model_version"]["version"])
        if self.marked and self.first_write_after_mark is None:
            self.first_write_after_mark = time.monotonic()

    def read(self):
        response = self.session.get(f"{URL}/api/2.0/mlflow/registered-models/get", params={"name": self.name},
                                    timeout=20)
        if response.status_code != 200:
            raise RuntimeError(f"{response.status_code} {response.text[:300]}")

    def run(self):
        for index in range(self.limit):
            if self.stop.is_set():
                return
            operation, failures = (self.write, self.write_failures) if index % 2 else (self.read, self.read_failures)
            try:
                operation()
            except (requests.RequestException, RuntimeError) as error:
                failures.append((round(time.monotonic() - (self.marked or 0), 1), str(error)[:300]))
            self.done += 1
            time.sleep(0.1)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=120)
        assert not self.thread.is_alive(), "the client loop did not end"

    def missing(self):
        """Acknowledged versions the registry does not have."""
        response = self.session.get(f"{URL}/api/2.0/mlflow/model-versions/search",
                                    params={"filter": f"name = '{self.name}'", "max_results": 10000}, timeout=30)
        assert response.status_code == 200, response.text
        present = {version["version"] for version in response.json().get("model_versions", [])}
        return sorted(set(self.acknowledged) - present, key=int)


# 1. One leader, two streaming replicas, one of them synchronous.
def test_patroni_has_one_leader_and_two_streaming_replicas():
    rows = patroni_list()
    assert [row["Role"] for row in rows].count("Leader") == 1, rows
    assert len(streaming_replicas()) == 2, rows
    assert [row["Role"] for row in rows].count("Sync Standby") == 1, rows
    states = psql(leader(), "select application_name, state, sync_state from pg_stat_replication order by 1", "postgres")
    assert [line.split("|")[1] for line in states.splitlines()] == ["streaming", "streaming"], states
    assert sorted(line.split("|")[2] for line in states.splitlines()) == ["async", "sync"], states
    # Debian's integration: the cluster is Debian's own, and not started outside Patroni.
    db = other_host(MEMBERS[0])
    assert re.search(r"main\s+5432\s+online", db.check_output("pg_lsclusters --no-header"))
    assert db.service("postgresql@15-main").is_enabled is False


def test_etcd_and_patroni_refuse_strangers():
    # etcd wants a client certificate from the cluster's authority.
    stranger = other_host("mlflow1.example.internal")
    probe = stranger.run(
        "python3 -c \"import ssl, urllib.request; ctx = ssl._create_unverified_context(); "
        "print(urllib.request.urlopen('https://db1.example.internal:2379/health', context=ctx).read())\"")
    assert probe.rc != 0 and re.search(r"CERTIFICATE_REQUIRED|certificate required|alert", probe.stderr, re.I), probe
    member = other_host(MEMBERS[1])
    health = member.run("sh -c '. /etc/default/etcd && export ETCDCTL_API ETCDCTL_ENDPOINTS ETCDCTL_CACERT "
                        "ETCDCTL_CERT ETCDCTL_KEY && etcdctl endpoint health --cluster'")
    # etcdctl reports on stderr.
    assert health.rc == 0 and (health.stdout + health.stderr).count("is healthy") == 3, health
    # Patroni's REST API: reads are open, changes need the login.
    api = "http://172.30.80.21:8008"
    assert requests.get(f"{api}/health", timeout=5).status_code == 200
    assert requests.post(f"{api}/reload", timeout=5).status_code == 401
    assert requests.post(f"{api}/reload", auth=API_LOGIN, timeout=5).status_code == 202


# 1. Writes land on the leader; reads are served by the replicas.
def test_model_through_the_virtual_ip_writes_to_the_leader_and_reads_from_replicas(session, proxy_ca):
    os.environ.update({"MLFLOW_TRACKING_SERVER_CERT_PATH": proxy_ca, "MLFLOW_TRACKING_USERNAME": ADMIN[0],
                       "MLFLOW_TRACKING_PASSWORD": ADMIN[1], "MLFLOW_ENABLE_PROXY_MULTIPART_DOWNLOAD": "false"})
    name, _info = log_register_and_load(URL, f"ha-{uuid.uuid4().hex[:8]}")
    current = leader()
    assert psql(current, f"select count(*) from registered_models where name = '{name}'") == "1"
    for _search in range(40):
        session.post(f"{URL}/api/2.0/mlflow/registered-models/search", json={"max_results": 5}, timeout=30)
    readers = {replica: int(psql(replica, "select count(*) from pg_stat_activity where usename = 'mlflow'", "postgres"))
               for replica in streaming_replicas()}
    assert sum(readers.values()) > 0, readers


def test_only_the_leader_takes_the_scheduled_backup():
    current = leader()
    for name in MEMBERS:
        member = other_host(name)
        before = member.check_output("ls /var/backups/mlops-postgresql | wc -l")
        member.check_output("systemctl start mlops-postgresql-backup.service")
        after = member.check_output("ls /var/backups/mlops-postgresql | wc -l")
        assert member.service("mlops-postgresql-backup.timer").is_enabled
        assert (int(after) > int(before)) == (name == current), (name, current, before, after)


# pgBackRest under Patroni: one repository the members share; whichever
# member leads archives WAL and takes the backups, the others read the same.
def test_only_the_leader_takes_pgbackrest_backups_to_the_shared_repository():
    current = leader()
    before = pgbackrest_backups(current)
    assert before, "the role's first full backup"
    for name in MEMBERS:
        other_host(name).check_output("systemctl start mlops-pgbackrest@incr.service")
    after = pgbackrest_backups(current)
    assert len(after) == len(before) + 1, (before, after)
    for name in MEMBERS:
        assert pgbackrest_backups(name) == after, name
        assert other_host(name).service("mlops-pgbackrest-diff.timer").is_enabled
    FIGURES["pgbackrest_first_leader"] = current


# 4. One replica stopped: reads still succeed.
def test_one_replica_stopped_reads_still_succeed(session, model_name):
    replica = [row["Member"] for row in patroni_list() if row["Role"] == "Replica"][0]
    docker("stop", "-t", "0", replica)
    try:
        failures = []
        for _read in range(60):
            response = session.get(f"{URL}/api/2.0/mlflow/registered-models/get", params={"name": model_name},
                                   timeout=30)
            if response.status_code != 200:
                failures.append(response.status_code)
            time.sleep(0.1)
        assert failures == []
    finally:
        docker("start", replica)
    wait_for(lambda: replica in streaming_replicas(), 120, f"{replica} streaming again")


# 3. A planned switchover while a client loop runs.  Reads fail only while
# no member leads: with basic auth, every request looks its user up in the
# auth database, on the leader.
def test_planned_switchover_loses_no_write_and_fails_reads_only_while_no_member_leads(session, model_name):
    old = leader()
    candidate = [row["Member"] for row in patroni_list() if row["Role"] == "Sync Standby"][0]
    with RegistryLoop(session, model_name) as loop:
        time.sleep(5)
        loop.mark()
        other_host(old).check_output(
            f"patronictl -c /etc/patroni/15-main.yml switchover --leader {old} --candidate {candidate} --force")
        wait_for(lambda: leader() == candidate, 60, "the switchover")
        wait_for(lambda: loop.first_write_after_mark, 60, "a write after the switchover")
        time.sleep(5)
    FIGURES["switchover"] = {"requests": loop.done, "failed_writes": len(loop.write_failures),
                             "failed_reads": len(loop.read_failures),
                             # when (seconds after the switchover began) and why each request failed
                             "failures": sorted([at, kind, message[:160]] for kind, failures in (
                                 ("write", loop.write_failures), ("read", loop.read_failures))
                                 for at, message in failures),
                             "first_write_after_s": round(loop.first_write_after_mark - loop.marked, 1)}
    assert len(loop.read_failures) <= 3 and all(at < 30 for at, _message in loop.read_failures), loop.read_failures
    assert loop.missing() == []
    wait_for(lambda: len(streaming_replicas()) == 2 and synchronous_replica(), 120,
             "two streaming replicas, one synchronous, after the switchover")


# 2. The leader's host killed under load: a new leader, writes again, nothing lost.
def test_leader_killed_a_replica_takes_over_and_no_acknowledged_write_is_lost(session, model_name):
    old = leader()
    wait_for(synchronous_replica, 60, "a synchronous replica to promote")
    try:
        with RegistryLoop(session, model_name) as loop:
            time.sleep(5)
            before = len(loop.acknowledged)
            loop.mark()
            docker("kill", old)
            new = wait_for(lambda: (leader() or old) != old and leader(), PATRONI_TTL + 30, "a new leader")
            elected = time.monotonic() - loop.marked
            wait_for(lambda: loop.first_write_after_mark, 60, "a write after the failover")
            time.sleep(5)
    finally:
        # The old leader, started again, rejoins as a replica (pg_rewind).
        docker("start", old)
    FIGURES["failover"] = {"new_leader": new, "elected_after_s": round(elected, 1),
                           "first_write_after_s": round(loop.first_write_after_mark - loop.marked, 1),
                           "failed_writes": len(loop.write_failures), "failed_reads": len(loop.read_failures),
                           "acknowledged": len(loop.acknowledged), "acknowledged_before_kill": before}
    assert loop.first_write_after_mark - loop.marked < 60
    assert loop.missing() == [], "acknowledged writes lost"
    wait_for(lambda: old in streaming_replicas(), 180, f"{old} streaming as a replica")


# After a switchover and a failover: the leader of now archives and backs up
# to the same repository, on the same stanza.
def test_the_new_leader_archives_and_backs_up_to_the_same_repository():
    current = leader()
    before = pgbackrest_backups(current)
    other_host(current).check_output("runuser -u postgres -- pgbackrest --stanza=mlflow --archive-timeout=30 check")
    other_host(current).check_output("systemctl start mlops-pgbackrest@incr.service")
    assert len(pgbackrest_backups(current)) == len(before) + 1
    FIGURES["pgbackrest_leader_after_failover"] = current


# 5. The proxy holding the virtual IP stopped: the address moves.
def test_proxy_holding_the_virtual_ip_stopped_the_address_moves(session, model_name):
    holder = wait_for(vip_holder, 30, "one proxy holding the virtual IP")
    failures, times = [], []
    docker("stop", "-t", "0", holder)
    try:
        start = time.monotonic()
        for index in range(200):
            try:
                response = session.get(f"{URL}/api/2.0/mlflow/registered-models/get", params={"name": model_name},
                                       timeout=5)
                if response.status_code != 200:
                    failures.append((index, response.status_code))
            except requests.RequestException as error:
                failures.append((index, type(error).__name__))
            times.append(time.monotonic() - start)
            time.sleep(0.05)
        assert vip_holder() not in (None, holder)
    finally:
        docker("start", holder)
    last = failures[-1][0] if failures else -1
    FIGURES["virtual_ip"] = {"requests": 200, "failures": len(failures),
                             "window_s": round(times[last], 1) if failures else 0}
    # Failures only while the address moves, none after.
    assert len(failures) <= 20 and last < 100, failures


# 6. A bad etcd layout is refused before any change.
def test_two_etcd_members_are_refused_before_any_change(tmp_path):
    with open(os.environ["MOLECULE_INVENTORY_FILE"], encoding="utf-8") as source:
        layout = yaml.safe_load(source)
    layout["etcd"]["hosts"].pop(MEMBERS[2])
    inventory = os.path.join(os.path.dirname(os.environ["MOLECULE_INVENTORY_FILE"]), "two-etcd.yml")
    with open(inventory, "w", encoding="utf-8") as target:
        yaml.safe_dump(layout, target)
    before = other_host(MEMBERS[0]).check_output("sha256sum /etc/default/etcd /etc/patroni/15-main.yml")
    try:
        proc = run_with_overrides("mlops.mlflow.postgresql", inventory_file=inventory)
    finally:
        os.unlink(inventory)
    assert proc.returncode != 0
    assert "The etcd group has 2 member(s)" in said(proc), said(proc)[-2000:]
    changed = recap(proc)
    assert changed and not any(changed.values()), changed
    assert other_host(MEMBERS[0]).check_output("sha256sum /etc/default/etcd /etc/patroni/15-main.yml") == before


def model_exists(session, name):
    response = session.get(f"{URL}/api/2.0/mlflow/registered-models/get", params={"name": name}, timeout=30)
    assert response.status_code in (200, 404), response.text
    return response.status_code == 200


def create_model(session, name):
    response = session.post(f"{URL}/api/2.0/mlflow/registered-models/create", json={"name": name}, timeout=30)
    assert response.status_code == 200, response.text


# 7. playbooks/restore.yml on the Patroni cluster.  Without the confirmation:
# refused, nothing stopped.  With it, to a moment between two changes: the
# first kept, the second gone; one leader and two streaming replicas on the
# restored data; writes again through the virtual IP.
def test_restore_of_the_patroni_cluster_to_a_time_between_two_changes(session):
    pids = {name: other_host(name).check_output("systemctl show -P MainPID mlflow")
            for name in ("mlflow1.example.internal", "mlflow2.example.internal")}
    refused = run_with_overrides("mlops.mlflow.restore")
    assert refused.returncode != 0
    assert "Run again with -e mlflow_restore_confirm=true" in said(refused), said(refused)[-2000:]
    assert "the leader is restored and the other members are emptied and clone it" in said(refused)
    changed = recap(refused)
    assert changed and not any(changed.values()), changed
    for name, pid in pids.items():
        assert other_host(name).check_output("systemctl show -P MainPID mlflow") == pid, name

    kept, lost = f"restore-kept-{uuid.uuid4().hex[:8]}", f"restore-lost-{uuid.uuid4().hex[:8]}"
    create_model(session, kept)
    time.sleep(2)
    target = other_host(leader()).check_output("date -u '+%Y-%m-%d %H:%M:%S+00'")
    time.sleep(2)
    create_model(session, lost)
    response = session.delete(f"{URL}/api/2.0/mlflow/registered-models/delete", json={"name": kept}, timeout=30)
    assert response.status_code == 200, response.text
    assert not model_exists(session, kept)

    started = time.monotonic()
    proc = run_with_overrides("mlops.mlflow.restore", "-e", json.dumps(
        {"mlflow_restore_confirm": True, "mlflow_restore_target": target}))
    FIGURES["patroni_restore"] = {"target": target, "seconds": round(time.monotonic() - started, 1)}
    assert proc.returncode == 0, said(proc)[-4000:]

    assert model_exists(session, kept)
    assert not model_exists(session, lost)
    wait_for(lambda: leader() and len(streaming_replicas()) == 2, 120, "one leader and two streaming replicas")
    after = f"restore-after-{uuid.uuid4().hex[:8]}"
    create_model(session, after)
    for name in MEMBERS:
        wait_for(lambda member=name: psql(member, f"SELECT count(*) FROM registered_models WHERE name = '{after}'") == "1",
                 60, f"the write after the restore on {name}")
    other_host(leader()).check_output("runuser -u postgres -- pgbackrest --stanza=mlflow --archive-timeout=30 check")
