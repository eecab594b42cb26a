"""Single sign-on: MLflow behind the test OpenID Provider, through its front."""
import base64
import json
import os
import time

import pytest
import requests
import urllib3

from conftest import converge, other_host, said

testinfra_hosts = ["mlflow.example.internal"]

FRONT = "https://mlflow.example.internal"
# The controller reaches the front at its address; the proxy answers for any name.
API = "https://172.30.81.20"
SECRETS = ("molecule-oidc-client-secret-5", "molecule-sso-session-key-0123456789abcdef", "molecule-db-secret-5")
MODEL = "sso-demo"
ARTIFACTS = os.path.join(os.environ["MOLECULE_PROJECT_DIRECTORY"], "build", "sso")
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def browser_login(user, model):
    """Log in as `user` in headless Chromium on idp, as a person would; the
    screenshot of the registered models page is kept in build/sso."""
    idp = other_host("idp.example.internal")
    result = idp.run(f"python3 /opt/oidc-provider/browser_login.py {FRONT} {user} {model} /root/{user}.png")
    os.makedirs(ARTIFACTS, exist_ok=True)
    shot = idp.run(f"base64 -w0 /root/{user}.png")
    if shot.rc == 0:
        with open(os.path.join(ARTIFACTS, f"{user}-models.png"), "wb") as png:
            png.write(base64.b64decode(shot.stdout))
    assert result.rc == 0, result.stdout[-3000:] + result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def admin():
    login = browser_login("admin", "-")
    assert login["token"]["status"] == 200, login
    return login


@pytest.fixture(scope="module")
def model(admin):
    auth = ("admin@example.internal", admin["token"]["body"]["token"])
    reply = requests.post(f"{API}/api/2.0/mlflow/registered-models/create", json={"name": MODEL},
                          auth=auth, verify=False, timeout=30)
    assert reply.status_code in (200, 400), reply.text
    return MODEL


@pytest.fixture(scope="module")
def reader(model):
    login = browser_login("reader", model)
    assert login["token"]["status"] == 200, login
    return login


def test_browser_login_goes_through_the_provider_and_back(reader):
    # The front sent the browser to the provider's login and consent pages,
    # then back to MLflow, whose models page listed the model.
    assert reader["seen"][0].startswith("https://idp.example.internal:8443/interaction/"), reader["seen"]
    assert reader["seen"][-1] == f"{FRONT}/#/models", reader["seen"]
    assert os.path.getsize(os.path.join(ARTIFACTS, "reader-models.png")) > 10000
    print(f"reader's login through the provider: {reader['login_seconds']} s")


def test_without_a_login_the_api_refuses_and_the_ui_redirects():
    assert requests.get(f"{API}/api/2.0/mlflow/registered-models/search", verify=False, timeout=30).status_code == 401
    page = requests.get(f"{API}/", verify=False, timeout=30, allow_redirects=False,
                        headers={"Host": "mlflow.example.internal", "Accept": "text/html"})
    assert page.status_code in (302, 307), page.status_code
    assert "/login" in page.headers["location"]


def test_groups_decide_who_registers(admin, reader, model):
    as_reader = ("reader@example.internal", reader["token"]["body"]["token"])
    as_admin = ("admin@example.internal", admin["token"]["body"]["token"])
    url = f"{API}/api/2.0/mlflow/model-versions/create"
    run = requests.post(f"{API}/api/2.0/mlflow/runs/create", json={"experiment_id": "0"},
                        auth=as_admin, verify=False, timeout=30)
    assert run.status_code == 200, run.text
    run_id = run.json()["run"]["info"]["run_id"]
    version = {"name": model, "source": f"runs:/{run_id}/model", "run_id": run_id}
    # The reader (default permission READ) reads the model and cannot add a version.
    got = requests.get(f"{API}/api/2.0/mlflow/registered-models/get", params={"name": model},
                       auth=as_reader, verify=False, timeout=30)
    assert got.status_code == 200, got.text
    refused = requests.post(url, json=version, auth=as_reader, verify=False, timeout=30)
    assert refused.status_code == 403, refused.text
    # The admin (group mlflow-admins) can.
    made = requests.post(url, json=version, auth=as_admin, verify=False, timeout=30)
    assert made.status_code == 200, made.text
    # A grant on this model only lets the reader register there.
    grant = requests.post(f"{API}/api/2.0/mlflow/permissions/users/reader@example.internal/registered-models/{model}",
                          json={"permission": "EDIT"}, auth=as_admin, verify=False, timeout=30)
    assert grant.status_code in (200, 201), grant.text
    deadline = time.monotonic() + 40  # each worker caches permission decisions for 30 s
    while True:
        allowed = requests.post(url, json=version, auth=as_reader, verify=False, timeout=30)
        if allowed.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(2)
    assert allowed.status_code == 200, allowed.text
    other = requests.post(f"{API}/api/2.0/mlflow/registered-models/create", json={"name": "sso-other"},
                          auth=as_admin, verify=False, timeout=30)
    assert other.status_code in (200, 400), other.text
    elsewhere = requests.post(url, json={"name": "sso-other", "source": f"runs:/{run_id}/model", "run_id": run_id},
                              auth=as_reader, verify=False, timeout=30)
    assert elsewhere.status_code == 403, elsewhere.text


def test_a_wrong_client_secret_fails_before_the_restart(host):
    before = host.check_output("systemctl show -p MainPID --value mlflow.service")
    proc = converge("-e", "mlflow_oidc_client_secret=not-the-registered-secret")
    assert proc.returncode != 0
    assert "refuses client 'mlflow' with mlflow_oidc_client_secret (HTTP 401, invalid_client)" in said(proc), said(proc)[-3000:]
    assert "not-the-registered-secret" not in proc.stdout + proc.stderr
    assert host.check_output("systemctl show -p MainPID --value mlflow.service") == before
    assert requests.get(f"{API}/health", verify=False, timeout=30).status_code == 200


def test_no_secret_in_the_process_list_unit_or_journal(host):
    seen = "\n".join([
        host.check_output("ps -eo args"),
        host.check_output("cat /etc/systemd/system/mlflow.service"),
        host.check_output("systemctl show mlflow.service"),
        host.check_output("journalctl -u mlflow.service --no-pager -o cat"),
    ])
    for secret in SECRETS:
        assert secret not in seen
    env = host.file("/etc/mlflow/mlflow.env")
    assert env.user == "root" and env.mode == 0o600
    assert "OIDC_CLIENT_SECRET=" in host.check_output("cat /etc/mlflow/mlflow.env")
