"""What a user checks by hand on an all-in-one host after `mlops.mlflow.site`."""
from conftest import postgresql_version


def test_systemd_runs_the_host(host):
    assert host.process.get(pid=1).comm == "systemd"


def test_postgresql_is_active_and_enabled(host):
    service = host.service(f"postgresql@{postgresql_version(host)}-main")
    assert service.is_running
    assert service.is_enabled


def test_mlflow_role_logs_in_over_tls(host):
    out = host.check_output(
        "PGPASSWORD=molecule-db-secret-1 psql -Atc 'select ssl from pg_stat_ssl where pid = pg_backend_pid()' "
        "'host=localhost dbname=mlflow user=mlflow sslmode=require'")
    assert out == "t"


def test_converging_again_in_check_mode_changes_nothing(host, check_mode_recap):
    assert check_mode_recap[host.backend.get_hostname()] == 0
