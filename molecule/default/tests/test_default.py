"""What a user checks by hand on an all-in-one host after `mlops.mlflow.site`."""
import os
import time

import pytest
import requests
from conftest import converge, log_register_and_load, mlflow_default_version, mlflow_url, postgresql_version

MLFLOW_VERSION = mlflow_default_version()
PASSWORD = "molecule-db-secret-1"
# Basic auth (molecule.yml): MLflow's client reads the login from the environment.
ADMIN = ("admin", "molecule-admin-secret-1")
os.environ["MLFLOW_TRACKING_USERNAME"], os.environ["MLFLOW_TRACKING_PASSWORD"] = ADMIN


def wait_until_serving(host, path="/health", seconds=30):
    """Seconds until `path` answers 200, or fail after `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if requests.get(mlflow_url(host) + path, auth=ADMIN, timeout=3).status_code == 200:
                return time.monotonic() - start
        except requests.RequestException:
            pass
        time.sleep(1)
    pytest.fail(f"{path} did not answer 200 within {seconds} s")


def test_systemd_runs_the_host(host):
    assert host.process.get(pid=1).comm == "systemd"


def test_postgresql_is_active_and_enabled(host):
    service = host.service(f"postgresql@{postgresql_version(host)}-main")
    assert service.is_running
    assert service.is_enabled


def test_mlflow_role_logs_in_over_tls(host):
    out = host.check_output(
        f"PGPASSWORD={PASSWORD} psql -Atc 'select ssl from pg_stat_ssl where pid = pg_backend_pid()' "
        "'host=localhost dbname=mlflow user=mlflow sslmode=require'")
    assert out == "t"


def test_mlflow_server_connects_to_postgresql_over_tls_1_3(host):
    # A request fills MLflow's pool; its connections stay open.
    assert requests.get(mlflow_url(host) + "/api/2.0/mlflow/experiments/search?max_results=1", auth=ADMIN, timeout=10).ok
    versions = host.check_output(
        "runuser -u postgres -- psql -XAtc \"select distinct coalesce(s.version, 'none') from pg_stat_activity a "
        "join pg_stat_ssl s using (pid) where a.usename = 'mlflow' and a.application_name <> 'psql'\"")
    assert versions.split() == ["TLSv1.3"]


def test_mlflow_is_active_and_enabled(host):
    service = host.service("mlflow")
    assert service.is_running
    assert service.is_enabled
    assert host.process.get(pid=int(host.check_output("systemctl show -P MainPID mlflow"))).user == "mlflow"


def test_health_and_pinned_version(host):
    assert requests.get(mlflow_url(host) + "/health", timeout=10).status_code == 200
    assert requests.get(mlflow_url(host) + "/version", auth=ADMIN, timeout=10).text.strip() == MLFLOW_VERSION


def test_the_api_asks_for_a_login(host):
    search = mlflow_url(host) + "/api/2.0/mlflow/experiments/search?max_results=1"
    assert requests.get(search, timeout=10).status_code == 401
    assert requests.get(search, auth=(ADMIN[0], "not-the-password"), timeout=10).status_code == 401


def test_train_register_promote_and_load_by_alias(host):
    _name, info = log_register_and_load(mlflow_url(host), "molecule-default")
    # Proxied artifacts: the model's files are on the server, owned by the service user.
    stored = host.check_output(f"find /var/lib/mlflow/artifacts -path '*{info.model_id}*' -name MLmodel")
    assert stored
    assert host.file(stored.splitlines()[0]).user == "mlflow"


def test_proxy_redirects_http_and_serves_mlflow_over_tls(host, tmp_path):
    address = host.interface("eth0").addresses[0]
    certificate = tmp_path / "proxy.crt"
    certificate.write_text(host.file("/etc/nginx/mlflow-tls/server.crt").content_string)
    http = requests.Session()
    http.trust_env = False  # not REQUESTS_CA_BUNDLE: the proxy's own certificate
    http.auth = ADMIN
    redirect = http.get(f"http://{address}/health", allow_redirects=False, timeout=10)
    assert (redirect.status_code, redirect.headers["Location"]) == (301, f"https://{address}/health")
    search = http.get(f"https://{address}/api/2.0/mlflow/experiments/search", params={"max_results": 1},
                      verify=str(certificate), timeout=10)
    assert search.status_code == 200
    assert "experiments" in search.json()


def test_converge_managed_the_registry(host):
    from mlflow import MlflowClient

    client = MlflowClient(mlflow_url(host))
    model = client.get_registered_model("molecule-registry")
    assert (model.description, model.tags) == ("Registered by the default scenario's converge.", {"owner": "platform"})
    assert client.get_experiment_by_name("molecule-default").tags["scenario"] == "default"


def test_no_password_in_argv_unit_or_systemctl_show(host):
    for secret in (PASSWORD, ADMIN[1]):
        assert secret not in host.check_output("ps -eo args")
        assert secret not in host.file("/etc/systemd/system/mlflow.service").content_string
        assert secret not in host.check_output("systemctl show mlflow")
        assert secret not in host.check_output("journalctl -u mlflow --no-pager")


def test_environment_file_is_root_only(host):
    env = host.file("/etc/mlflow/mlflow.env")
    assert (env.user, env.group, env.mode) == ("root", "root", 0o600)
    assert f'PGPASSWORD="{PASSWORD}"' in env.content_string
    assert "postgresql+psycopg2://mlflow@" in env.content_string


def test_sandbox_exposure_is_at_most_2(host):
    last = host.check_output("systemd-analyze security mlflow.service --no-pager").splitlines()[-1]
    score = float(last.split("level for mlflow.service:")[1].split()[0])
    assert score <= 2.0, last


def test_comes_back_after_sigkill_within_30_s(host):
    before = host.check_output("systemctl show -P MainPID mlflow")
    host.check_output("systemctl kill --signal=SIGKILL --kill-whom=main mlflow")
    time.sleep(1)
    wait_until_serving(host, seconds=30)
    assert host.check_output("systemctl show -P MainPID mlflow") != before


def test_serves_again_within_30_s_after_a_postgresql_restart(host):
    host.check_output(f"systemctl restart postgresql@{postgresql_version(host)}-main")
    wait_until_serving(host, "/api/2.0/mlflow/experiments/search?max_results=1", seconds=30)


def test_backup_playbook_takes_a_database_backup_then_an_artifact_snapshot(host):
    backups = "runuser -u postgres -- pgbackrest --stanza=mlflow --output=json info | grep -o '\"label\"' | wc -l"
    snapshots = "/usr/local/sbin/mlops-restic snapshots --json | grep -o '\"short_id\"' | wc -l"
    before = int(host.check_output(backups)), int(host.check_output(snapshots))
    result = converge(playbook="mlops.mlflow.backup")
    assert result.returncode == 0, result.stdout[-3000:]
    assert (int(host.check_output(backups)), int(host.check_output(snapshots))) == (before[0] + 1, before[1] + 1)
    assert host.run("runuser -u postgres -- pgbackrest --stanza=mlflow check").rc == 0
    for timer in ("mlops-pgbackrest-full", "mlops-pgbackrest-diff", "mlops-artifacts-backup", "mlops-mlflow-gc"):
        assert host.service(f"{timer}.timer").is_enabled, timer


def test_converging_again_in_check_mode_changes_nothing(host, check_mode_recap):
    assert check_mode_recap[host.backend.get_hostname()] == 0
