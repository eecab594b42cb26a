"""The postgresql role, checked the way a DBA would check it by hand."""
import os
import shlex
import time

import pytest
from conftest import converge, other_host, postgresql_version, said

testinfra_hosts = [f"ansible://postgresql?ansible_inventory={os.environ['MOLECULE_INVENTORY_FILE']}"]

PASSWORD = "molecule-db-secret-2"
ADDRESSES = {"pg-debian12": "172.30.77.12", "pg-debian13": "172.30.77.13"}


def sql(host, query):
    return host.check_output(f"runuser -u postgres -- psql -XAtc {shlex.quote(query)}")


def name(host):
    return host.backend.get_hostname()


def psql_from(client, server, password=PASSWORD, sslmode="require", extra=""):
    conninfo = f"host={server} dbname=mlflow user=mlflow sslmode={sslmode} connect_timeout=5 {extra}"
    return client.run(
        f"PGPASSWORD={shlex.quote(password)} psql -XAtc "
        f"'select ssl from pg_stat_ssl where pid = pg_backend_pid()' {shlex.quote(conninfo)}")


def test_service_is_active_and_enabled(host):
    service = host.service(f"postgresql@{postgresql_version(host)}-main")
    assert service.is_running
    assert service.is_enabled


def test_distribution_version_was_installed(host):
    expected = {"12": "15", "13": "17"}[host.system_info.release.split(".")[0]]
    assert postgresql_version(host) == expected


def test_listens_where_configured_and_nowhere_else(host):
    sockets = {line.split()[3] for line in host.check_output("ss -ltnH 'sport = :5432'").splitlines()}
    addresses = {s.rsplit(":", 1)[0] for s in sockets}
    assert "127.0.0.1" in addresses
    assert ADDRESSES[name(host)] in addresses
    assert addresses <= {"127.0.0.1", "[::1]", ADDRESSES[name(host)]}, addresses


def test_allowed_client_logs_in_over_tls_with_verify_full(host):
    client = other_host("pg-client")
    ca = f"/tmp/{name(host)}-ca.crt"
    pem = host.file("/etc/postgresql/mlops-tls/server.crt").content_string
    client.check_output(f"printf '%s' {shlex.quote(pem)} > {ca}")
    result = psql_from(client, name(host), sslmode="verify-full", extra=f"sslrootcert={ca}")
    assert result.rc == 0, result.stderr
    assert result.stdout.strip() == "t"


def test_wrong_password_is_refused(host):
    result = psql_from(other_host("pg-client"), name(host), password="not-the-password")
    assert result.rc != 0
    assert "password authentication failed" in result.stderr


def test_client_at_a_non_allowed_address_is_refused(host):
    other = next(n for n in ADDRESSES if n != name(host))
    result = psql_from(other_host(other), ADDRESSES[name(host)])
    assert result.rc != 0
    assert f'no pg_hba.conf entry for host "{ADDRESSES[other]}"' in result.stderr


def test_non_tls_connections_from_the_client_are_refused(host):
    result = psql_from(other_host("pg-client"), name(host), sslmode="disable")
    assert result.rc != 0
    # The explicit hostnossl reject line, first of the host lines.
    assert "pg_hba.conf rejects connection" in result.stderr and "no encryption" in result.stderr, result.stderr


def test_pg_hba_has_no_trust_and_no_md5(host):
    hba = host.file(f"/etc/postgresql/{postgresql_version(host)}/main/pg_hba.conf").content_string
    rules = [line.split() for line in hba.splitlines() if line.strip() and not line.startswith("#")]
    assert rules
    methods = {rule[3] if rule[0] == "local" else rule[4] for rule in rules}
    assert methods <= {"peer", "scram-sha-256", "reject"}, methods
    # Every rule that lets someone in over the network requires TLS.
    assert {rule[0] for rule in rules if rule[-1] != "reject"} <= {"local", "hostssl"}


def test_stored_passwords_are_scram(host):
    assert sql(host, "select rolpassword from pg_authid where rolname = 'mlflow'").startswith("SCRAM-SHA-256$")
    assert sql(host, "show password_encryption") == "scram-sha-256"


def test_mlflow_role_owns_its_database_and_can_create_tables(host):
    assert sql(host, "select pg_get_userbyid(datdba) from pg_database where datname = 'mlflow'") == "mlflow"
    out = host.check_output(
        f"PGPASSWORD={PASSWORD} psql -XAtc 'create table t_probe(i int); drop table t_probe; select 1' "
        "'host=localhost dbname=mlflow user=mlflow'")
    assert out.endswith("1")


@pytest.mark.parametrize("setting, expected", [
    # postgresql_memory_mb 2048 and the explicit postgresql_max_connections
    ("max_connections", "130"),
    ("shared_buffers", "512MB"),
    ("effective_cache_size", "1536MB"),
    ("maintenance_work_mem", "128MB"),
    ("wal_buffers", "15728kB"),
    ("random_page_cost", "1.1"),
    ("work_mem", "8MB"),  # postgresql_settings overrides the computed value
    ("ssl", "on"),
])
def test_tuning_is_in_effect(host, setting, expected):
    assert sql(host, f"show {setting}") == expected


def test_backup_timer_runs_and_keeps_the_newest_dumps(host):
    assert host.service("mlops-postgresql-backup.timer").is_enabled
    assert host.service("mlops-postgresql-backup.timer").is_running
    for _run in range(3):
        host.check_output("systemctl start mlops-postgresql-backup.service")
        time.sleep(1.1)
    dumps = host.check_output("ls -1 /var/backups/mlops-postgresql/").split()
    for database in ("mlflow", "mlflow_auth"):
        kept = sorted(dump for dump in dumps if dump.startswith(database + "-2"))
        assert len(kept) == 2, dumps
        newest = host.file(f"/var/backups/mlops-postgresql/{kept[-1]}")
        assert newest.user == "postgres" and newest.mode == 0o600
        listing = host.check_output(f"pg_restore --list {newest.path}")
        assert f"dbname: {database}\n" in listing + "\n", listing


def converge_only(host, *options):
    return converge("--limit", name(host), *options)


def test_bad_hba_entry_fails_before_anything_changes(host):
    hba = f"/etc/postgresql/{postgresql_version(host)}/main/pg_hba.conf"
    before = host.file(hba).content_string
    bad = '{"postgresql_hba_entries": [{"type": "host", "database": "all", "user": "all", ' \
          '"address": "10.1.2.300/32", "method": "md5"}]}'
    result = converge_only(host, "-e", bad)
    assert result.returncode != 0
    assert "postgresql_hba_entries[0].address '10.1.2.300/32' is not a CIDR" in result.stderr
    assert "postgresql_hba_entries[0].method 'md5' is refused" in result.stderr
    assert "changed=0" in result.stdout
    assert host.file(hba).content_string == before


# Both database hosts in one run each way: the change and its revert cost
# two converges instead of four.
def test_port_change_restarts_before_the_database_tasks_of_the_same_run():
    hosts = [other_host(name) for name in ADDRESSES]
    limit = ("--limit", ",".join(ADDRESSES))
    try:
        result = converge(*limit, "-e", "postgresql_port=5433")
        assert result.returncode == 0, result.stdout[-3000:]
        handler = "RUNNING HANDLER [mlops.mlflow.postgresql : Restart PostgreSQL]"
        assert handler in result.stdout
        restarted = result.stdout.split(handler, 1)[1].split("TASK [", 1)[0]
        for host in hosts:
            assert f"changed: [{name(host)}]" in restarted
            assert host.check_output("runuser -u postgres -- psql -p 5433 -XAtc 'show port'") == "5433"
    finally:
        assert converge(*limit).returncode == 0
    for host in hosts:
        assert sql(host, "show port") == "5432"


# A setting PostgreSQL reads only at start (max_connections, as when an MLflow
# node is added), changed with restarts deferred: written and reported, not
# applied, PostgreSQL not restarted; converging back clears the pending value.
def test_a_start_only_setting_changed_with_restarts_deferred_is_reported_and_waits():
    host = other_host("pg-debian12")
    started = sql(host, "select pg_postmaster_start_time()")
    limit = ("--limit", "pg-debian12")
    try:
        result = converge(*limit, "-e", '{"postgresql_max_connections": 140, "postgresql_defer_restart": true}')
        assert result.returncode == 0, result.stdout[-3000:]
        assert "runs with old values of max_connections" in said(result), said(result)[-2000:]
        assert sql(host, "select pg_postmaster_start_time()") == started
        assert sql(host, "show max_connections") == "130"
        assert sql(host, "select pending_restart from pg_settings where name = 'max_connections'") == "t"
        assert sql(host, "select setting from pg_file_settings where name = 'max_connections' "
                         "order by seqno desc limit 1") == "140"
    finally:
        back = converge(*limit, "-e", "postgresql_defer_restart=true")
    assert back.returncode == 0, back.stdout[-3000:]
    assert "runs with old values" not in said(back)
    assert sql(host, "select count(*) from pg_settings where pending_restart") == "0"
    assert sql(host, "select pg_postmaster_start_time()") == started
