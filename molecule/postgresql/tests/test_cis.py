"""Each database host audited against the CIS PostgreSQL Benchmark by an
independent tool, pgdsat (tests/tools/pgdsat), run on the host as postgres,
plus the hardening the audit cannot see.  docs/security.md explains each
check and each exclusion."""
import os
import re
import shlex

import pytest
from conftest import converge, other_host, postgresql_version

testinfra_hosts = [f"ansible://postgresql?ansible_inventory={os.environ['MOLECULE_INVENTORY_FILE']}"]

PGDSAT = os.path.join(os.environ["MOLECULE_PROJECT_DIRECTORY"], "tests/tools/pgdsat")
SUMMARY_LINE = re.compile(r"^(\d+(?:\.\d+)*) - (.+?) => (SUCCESS|FAILURE)$", re.M)

# The checks a host converged by the role still fails, and why.  Keep it
# short: a check that passes is taken off (test_exclusions_are_all_needed).
EXCLUDED = {
    "1.1.1": "packages from PGDG: the collection installs Debian's own packages, by design (DESIGN.md)",
    "1.4.4": "pg_wal on its own partition: the host's disk layout, which the operator decides",
    "1.5": "minor-version check against postgresql.org: no network in the tests (--no-pg-version-check); "
           "Debian's security updates come through apt",
    "3.1.3": "logging collector: Debian's pg_ctlcluster writes stderr to /var/log/postgresql/postgresql-N-main.log "
             "(rotated by logrotate), which pgdsat's condition does not recognise",
    "4.8": "set_user: no one logs in as a superuser but the postgres system account (peer); "
           "Debian has postgresql-N-set-user for teams whose DBAs do",
    "5.5": "connection limits: listed for postgres only, which PostgreSQL exempts from them as a superuser; "
           "test_login_roles_have_connection_limits checks every other role",
    "6.7": "FIPS 140-2 OpenSSL: a property of the operating system, not of PostgreSQL's configuration",
    "6.8": "a passphrase on the TLS key: the command that gives it would run unattended on the same host; "
           "TLS on and 1.3 minimum are checked by test_tls_1_2_clients_are_refused",
    "6.11": "data anonymisation extension: MLflow's metadata is not personal data",
    "7.1": "replication-only user: a single host replicates to no one; under Patroni the role creates "
           "postgresql_replication_user (ha scenario)",
    "7.4": "WAL archiving: postgresql_pgbackrest, off by default, tested in the default and ha scenarios",
    "7.5": "primary_conninfo over TLS: a standby's setting; Patroni's replicas connect with sslmode=require",
    "8.2": "pgBackRest: postgresql_pgbackrest, off by default, tested in the default and ha scenarios",
}


def sql(host, query, database="postgres"):
    return host.check_output(f"runuser -u postgres -- psql -XAtd {database} -c {shlex.quote(query)}")


def as_mlflow(host, statements, options=""):
    """The statements run by the MLflow role over loopback (TLS), as MLflow connects."""
    conninfo = f"host=localhost dbname=mlflow user=mlflow {options}".strip()
    return host.run(f"PGPASSWORD=molecule-db-secret-2 psql -XAtc {shlex.quote(statements)} {shlex.quote(conninfo)}")


def server_log(host):
    return host.file(f"/var/log/postgresql/postgresql-{postgresql_version(host)}-main.log").content_string


@pytest.fixture(scope="module")
def audits():
    """{host name: (summary {check: (title, result)}, full report)} of every database host."""
    return {}


def audit(host, audits):
    name = host.backend.get_hostname()
    if name not in audits:
        host.ansible("copy", f"src={PGDSAT}/ dest=/opt/pgdsat/ mode=preserve", become=True, check=False)
        version = sql(host, "show server_version").split()[0]
        # A login shell, as an operator would get with `su - postgres`: the umask check reads its umask.
        command = (f"perl -I /opt/pgdsat/lib /opt/pgdsat/pgdsat -f text --no-pg-version-check -U postgres "
                   f"-d postgres -V {version}")
        result = host.run(f"runuser -l postgres -c {shlex.quote(command)}")
        assert result.rc == 0, result.stderr
        summary = {m.group(1): (m.group(2), m.group(3)) for m in SUMMARY_LINE.finditer(result.stdout)}
        audits[name] = summary, result.stdout
    return audits[name]


def details(report, check):
    """The report's detailed section of one check."""
    match = re.search(rf"^\s*# {re.escape(check)} - .*?(?=^\s*# \d|\Z)", report, re.M | re.S)
    return match.group(0).strip() if match else "(no details)"


def test_audit_has_no_failure_beyond_the_exclusions(host, audits):
    summary, report = audit(host, audits)
    # pgdsat 2.0 reports about 70 automated checks: a run that stopped early is not a pass.
    assert len(summary) >= 60, report[-3000:]
    failed = {check for check, (_title, result) in summary.items() if result == "FAILURE"}
    unexpected = sorted(failed - set(EXCLUDED))
    assert not unexpected, "\n\n".join(details(report, check) for check in unexpected)


def test_exclusions_are_all_needed(host, audits):
    summary, _report = audit(host, audits)
    passing = sorted(check for check in EXCLUDED if summary.get(check, ("", "missing"))[1] != "FAILURE")
    assert not passing, f"excluded but not failing on {host.backend.get_hostname()}: {passing}"


def test_the_checks_the_role_fixed_pass(host, audits):
    summary, _report = audit(host, audits)
    fixed = ["1.4.3",   # data checksums
             "2.1",     # the postgres account's umask
             "2.6",     # the socket's permissions
             "3.1.20", "3.1.21", "3.1.22", "3.1.24", "3.1.25", "3.1.26",  # audit logging
             "4.10",    # the public schema
             "5.6",     # password policy
             "5.7",     # auth_delay
             "5.8",     # non-TLS connections rejected
             "5.10",    # specific databases and users
             "6.10",    # forward-secret ciphers
             "7.2"]     # replication commands logged
    assert {check: summary[check][1] for check in fixed} == {check: "SUCCESS" for check in fixed}


def test_data_checksums_are_on(host):
    assert sql(host, "show data_checksums") == "on"


def test_tls_1_2_clients_are_refused(host):
    assert sql(host, "show ssl_min_protocol_version") == "TLSv1.3"
    options = "sslmode=require connect_timeout=5"
    tls13 = as_mlflow(host, "select version from pg_stat_ssl where pid = pg_backend_pid()", options)
    assert tls13.rc == 0 and tls13.stdout.strip() == "TLSv1.3", tls13.stderr
    tls12 = as_mlflow(host, "select 1", options + " ssl_max_protocol_version=TLSv1.2")
    assert tls12.rc != 0
    assert "protocol version" in tls12.stderr or "unsupported protocol" in tls12.stderr, tls12.stderr


def test_login_roles_have_connection_limits(host):
    # postgresql_max_connections 130 less the default reserve of 10
    assert sql(host, "select rolconnlimit from pg_roles where rolname = 'mlflow'") == "120"
    unlimited = sql(host, "select string_agg(rolname, ',') from pg_roles where rolcanlogin and not rolsuper "
                          "and rolconnlimit = -1")
    assert unlimited == ""


def test_public_cannot_use_the_public_schema(host):
    for database in ("mlflow", "mlflow_auth", "mlflow_oidc", "postgres", "template1"):
        assert sql(host, "select has_schema_privilege('public', 'public', 'usage')", database) == "f"
    # MLflow's role owns its databases, and keeps its rights on their public schema.
    assert sql(host, "select has_schema_privilege('mlflow', 'public', 'create')", "mlflow") == "t"


def test_connections_and_ddl_are_in_the_log(host):
    marker = f"cis_probe_{os.getpid()}"
    probe = as_mlflow(host, f"create table {marker}(i int); drop table {marker}", "application_name=cis-probe")
    assert probe.rc == 0, probe.stderr
    log = server_log(host)
    statement = next(line for line in log.splitlines() if f"create table {marker}" in line)
    assert "db=mlflow,user=mlflow,app=cis-probe,client=" in statement
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC \[\d+\] ", statement), statement
    assert "connection authorized: user=mlflow database=mlflow application_name=cis-probe" in log
    assert "disconnection: session time:" in log


def test_pgaudit_records_statements_where_it_is_on(host):
    on = host.backend.get_hostname() == "pg-debian13"  # molecule.yml's host_vars
    libraries = sql(host, "show shared_preload_libraries").split(",")
    assert ("pgaudit" in libraries) == on
    assert {"auth_delay", "passwordcheck"} <= set(libraries)
    if on:
        assert sql(host, "show pgaudit.log") == "ddl,role,write"
        marker = f"audit_probe_{os.getpid()}"
        probe = as_mlflow(host, f"create table {marker}(i int); insert into {marker} values (1); drop table {marker}")
        assert probe.rc == 0, probe.stderr
        log = server_log(host)
        assert re.search(rf"AUDIT: SESSION,\d+,\d+,WRITE,INSERT,,,insert into {marker} values \(1\)", log), log[-2000:]


def test_no_password_reaches_the_log(host):
    # The role created the MLflow role with this password, with DDL (and on
    # pg-debian13 pgaudit's ROLE class) logged.
    log = server_log(host)
    assert "molecule-db-secret-2" not in log
    assert "connection authorized: user=mlflow" in log  # the log is the one being written


def test_pgaudit_turned_off_drops_its_extension_and_ddl_keeps_working():
    host = other_host("pg-debian13")  # where molecule.yml's host_vars turn pgaudit on
    try:
        result = converge("--limit", "pg-debian13", "-e", "postgresql_pgaudit=false")
        assert result.returncode == 0, result.stdout[-3000:]
        assert "pgaudit" not in sql(host, "show shared_preload_libraries")
        for database in ("mlflow", "mlflow_auth"):
            assert sql(host, "select count(*) from pg_extension where extname = 'pgaudit'", database) == "0"
        ddl = as_mlflow(host, "create table t_off(i int); drop table t_off")
        assert ddl.rc == 0, ddl.stderr
    finally:
        back = converge("--limit", "pg-debian13")
        assert back.returncode == 0, back.stdout[-3000:]
    assert "pgaudit" in sql(host, "show shared_preload_libraries").split(",")
    assert sql(host, "select count(*) from pg_extension where extname = 'pgaudit'", "mlflow") == "1"


def test_a_password_passwordcheck_would_refuse_fails_before_anything_changes(host):
    name = host.backend.get_hostname()
    hba = f"/etc/postgresql/{postgresql_version(host)}/main/pg_hba.conf"
    before = host.file(hba).content_string
    weak = "onlylettersnodigits"
    result = converge("--limit", name, "-e", f"postgresql_mlflow_password={weak}")
    assert result.returncode != 0
    assert ("postgresql_mlflow_password must contain both letters and other characters"
            in result.stdout + result.stderr), result.stdout[-2000:]
    assert weak not in result.stdout + result.stderr
    assert "changed=0" in result.stdout
    assert host.file(hba).content_string == before
