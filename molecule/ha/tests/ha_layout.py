"""What the ha scenario's two test files share: its addresses, logins, the
ways to reach its hosts, and the fixtures that log in through the proxies
(each test file imports them, which is how pytest finds them there)."""
import json
import os
import subprocess

import pytest
import yaml
from conftest import other_host, verified_session

SCENARIO = os.environ.get("MOLECULE_SCENARIO_DIRECTORY", os.path.dirname(os.path.dirname(__file__)))
OVERRIDES = yaml.safe_load(open(os.path.join(SCENARIO, "vars", "overrides.yml"), encoding="utf-8"))
ADMIN = ("admin", OVERRIDES["vault_mlflow_auth_admin_password"])
VIP = OVERRIDES["mlflow_proxy_virtual_ip"]
URL = f"https://{VIP}"
MEMBERS = ["db1.example.internal", "db2.example.internal", "db3.example.internal"]
NODES = {"mlflow1.example.internal": "172.30.80.31", "mlflow2.example.internal": "172.30.80.32"}
PROXIES = ["proxy1.example.internal", "proxy2.example.internal"]


def docker(*args):
    return subprocess.run(["docker", *args], capture_output=True, text=True, check=True).stdout


def running(name):
    return docker("inspect", "-f", "{{.State.Running}}", name).strip() == "true"


def patroni_list():
    """`patronictl list` from a member that runs, as JSON rows."""
    for name in MEMBERS:
        if running(name):
            out = other_host(name).run("patronictl -c /etc/patroni/*-main.yml list -f json")
            if out.rc == 0:
                return json.loads(out.stdout)
    raise AssertionError("no member answers patronictl list")


def leader():
    rows = [row["Member"] for row in patroni_list() if row["Role"] == "Leader"]
    return rows[0] if len(rows) == 1 else None


def psql(name, sql, database="mlflow"):
    return other_host(name).check_output(f"sudo -u postgres psql -XAtd {database} -c \"{sql}\"")


def pgbackrest_backups(name):
    """Labels of the backups in the repository, as member `name` reads it."""
    out = other_host(name).check_output("runuser -u postgres -- pgbackrest --stanza=mlflow --output=json info")
    return [backup["label"] for backup in json.loads(out)[0].get("backup", [])]


def vip_holder():
    holders = [name for name in PROXIES
               if running(name) and VIP in other_host(name).check_output("ip -4 -o addr show")]
    return holders[0] if len(holders) == 1 else None


@pytest.fixture(scope="module")
def proxy_ca(tmp_path_factory):
    """Both proxies' generated certificates in one file: the virtual IP may land on either."""
    path = tmp_path_factory.mktemp("tls") / "proxies.crt"
    path.write_text("".join(other_host(name).file("/etc/nginx/mlflow-tls/server.crt").content_string
                            for name in PROXIES))
    return str(path)


@pytest.fixture(scope="module")
def session(proxy_ca):
    """HTTPS through the proxies, verified, as the administrator."""
    return verified_session(proxy_ca, ADMIN)
