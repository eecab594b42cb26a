"""Single sign-on: MLflow behind the test OpenID Provider, through its front."""
import base64
import json
import os
import time

import pytest
import requests
import urllib3

from conftest import converge, other_host, recap, said

testinfra_hosts = ["mlflow.example.internal"]

FRONT = "https://mlflow.example.internal"
# The controller reaches the front at its address; the proxy answers for any name.
API = "https://172.30.81.20"
SECRETS = ("molecule-oidc-client-secret-5", "molecule-sso-session-key-0123456789abcdef", "molecule-db-secret-5")
MODEL = "sso-demo"
# The reader's grant on MODEL, as mlflow-oidc-auth's API shows it to an administrator.
READER_GRANT = f"{API}/api/2.0/mlflow/permissions/users/reader@example.internal/registered-models/{MODEL}"
ARTIFACTS = os.path.join(os.environ["MOLECULE_PROJECT_DIRECTORY"], "build", "sso")
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def record(key, value):
    """Keep a measured figure in build/sso/figures.json."""
    path = os.path.join(ARTIFACTS, "figures.json")
    figures = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as existing:
            figures = json.load(existing)
    figures[key] = value
    os.makedirs(ARTIFACTS, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(figures, out, indent=2, sort_keys=True)


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
    login = json.loads(result.stdout.strip().splitlines()[-1])
    assert login["token"]["status"] == 200, login
    # Basic auth with the access token MLflow issued to the browser's session.
    login["auth"] = (f"{user}@example.internal", login["token"]["body"]["token"])
    return login


def new_run(auth):
    """The id of a new run in the default experiment, made as `auth`."""
    run = requests.post(f"{API}/api/2.0/mlflow/runs/create", json={"experiment_id": "0"},
                        auth=auth, verify=False, timeout=30)
    assert run.status_code == 200, run.text
    return run.json()["run"]["info"]["run_id"]


def play(tmp_path, tasks, *options):
    """Run tasks (YAML text) on the controller against the front, as a deploy
    pipeline would, with the credentials in the environment."""
    playbook = tmp_path / "play.yml"
    playbook.write_text(f"""
- hosts: localhost
  gather_facts: false
  module_defaults:
    group/mlops.mlflow.mlflow:
      tracking_uri: {API}
      validate_certs: false
  tasks:
{tasks}""")
    proc = converge(*options, playbook=str(playbook))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    return proc


def changed(proc):
    """The count of changed tasks in a run of play()."""
    return recap(proc)["localhost"]


def as_user(monkeypatch, login):
    """The modules' credentials: the user's name and the access token MLflow issued to their session."""
    monkeypatch.setenv("MLFLOW_TRACKING_USERNAME", login["auth"][0])
    monkeypatch.setenv("MLFLOW_TRACKING_PASSWORD", login["auth"][1])


def grant(tmp_path, name, model, *options, state="present", to="user"):
    """mlops.mlflow.mlflow_permission: EDIT for the user `name` (to="group": the group) on model, or
    (state=absent) no grant."""
    return play(tmp_path, f"""
    - name: EDIT for {to} {name} on {model}, {state}
      mlops.mlflow.mlflow_permission:
        {to}: {name}
        registered_model: {model}
        permission: EDIT
        state: {state}
""", *options)


def register_until(model, run_id, auth, expected=200):
    """Register a version of model as auth until MLflow answers `expected` (or 40 s have passed), and return the
    last reply: each worker caches permission decisions for 30 s."""
    body = {"name": model, "source": f"runs:/{run_id}/model", "run_id": run_id}
    deadline = time.monotonic() + 40
    while True:
        reply = requests.post(f"{API}/api/2.0/mlflow/model-versions/create", json=body, auth=auth, verify=False,
                              timeout=30)
        if reply.status_code == expected or time.monotonic() > deadline:
            return reply
        time.sleep(2)


@pytest.fixture(scope="module")
def admin():
    return browser_login("admin", "-")


@pytest.fixture(scope="module")
def model(admin):
    reply = requests.post(f"{API}/api/2.0/mlflow/registered-models/create", json={"name": MODEL},
                          auth=admin["auth"], verify=False, timeout=30)
    assert reply.status_code in (200, 400), reply.text
    return MODEL


@pytest.fixture(scope="module")
def reader(model):
    return browser_login("reader", model)


def test_browser_login_goes_through_the_provider_and_back(reader):
    # The front sent the browser to the provider's login and consent pages,
    # then back to MLflow, whose models page listed the model.
    assert reader["seen"][0].startswith("https://idp.example.internal:8443/interaction/"), reader["seen"]
    assert reader["seen"][-1] == f"{FRONT}/#/models", reader["seen"]
    assert os.path.getsize(os.path.join(ARTIFACTS, "reader-models.png")) > 10000
    record("reader_login_seconds", reader["login_seconds"])


def test_a_session_made_through_the_front_holds_on_every_node(reader, model):
    # Sessions live in the database, signed with the key every node shares.
    for address in ("172.30.81.20", "172.30.81.21"):
        got = requests.get(f"http://{address}:5000/api/2.0/mlflow/registered-models/get", params={"name": model},
                           cookies={"session": reader["session"]}, timeout=30)
        assert got.status_code == 200, (address, got.status_code, got.text[:300])
        assert got.json()["registered_model"]["name"] == model


def test_a_pipeline_promotes_with_a_bearer_token_from_the_provider(admin, model, tmp_path, monkeypatch):
    """The deploy pipeline's client gets a signed access token from the provider
    (client credentials); an administrator made the pipeline a user of MLflow
    with EDIT on the model; the registry modules promote with that token."""
    as_admin = admin["auth"]
    user = requests.post(f"{API}/api/2.0/mlflow/users", auth=as_admin, verify=False, timeout=30,
                         json={"username": "ci-pipeline", "display_name": "Deploy pipeline", "is_service_account": True,
                               # Reached with the provider's tokens (not MLflow's), bound to the client's subject.
                               "service_account_source": "default", "subject": "ci-pipeline"})
    assert user.status_code in (201, 409), user.text  # 409: made by an earlier verify of these hosts
    with monkeypatch.context() as env:
        as_user(env, admin)
        grant(tmp_path, "ci-pipeline", model)
    run_id = new_run(as_admin)
    # What the CI job runs: a token request at the provider's token endpoint.
    issued = requests.post("https://172.30.81.10:8443/token", verify=False, timeout=30,
                           auth=("ci-pipeline", "molecule-pipeline-secret-5"),
                           data={"grant_type": "client_credentials", "resource": "urn:mlflow"})
    assert issued.status_code == 200, issued.text
    token = issued.json()["access_token"]
    assert token.count(".") == 2  # a JWT
    monkeypatch.setenv("MLFLOW_TRACKING_TOKEN", token)  # as a CI job hands it to the modules
    promote = f"""
    - name: Register the pipeline's version
      mlops.mlflow.mlflow_model_version:
        name: {model}
        source: runs:/{run_id}/model
        run_id: {run_id}
      register: version
    - name: Point champion at it
      mlops.mlflow.mlflow_model_alias:
        name: {model}
        alias: champion
        version: "{{{{ version.model_version.version }}}}"
    - name: Read it back
      mlops.mlflow.mlflow_model_version_info:
        name: {model}
        alias: champion
      register: info
    - name: Require champion to be the pipeline's version
      ansible.builtin.assert:
        that: info.model_versions[0].version == version.model_version.version
"""
    first, second = play(tmp_path, promote), play(tmp_path, promote)
    assert changed(first) >= 1 and changed(second) == 0, second.stdout[-3000:]


def test_without_a_login_the_api_refuses_and_the_ui_redirects():
    assert requests.get(f"{API}/api/2.0/mlflow/registered-models/search", verify=False, timeout=30).status_code == 401
    page = requests.get(f"{API}/", verify=False, timeout=30, allow_redirects=False,
                        headers={"Host": "mlflow.example.internal", "Accept": "text/html"})
    assert page.status_code in (302, 307), page.status_code
    assert "/login" in page.headers["location"]


def test_groups_decide_who_registers(admin, reader, model, tmp_path, monkeypatch):
    as_reader = reader["auth"]
    as_admin = admin["auth"]
    as_user(monkeypatch, admin)
    grant(tmp_path, "reader@example.internal", model, state="absent")  # left by an earlier verify of these hosts
    url = f"{API}/api/2.0/mlflow/model-versions/create"
    run_id = new_run(as_admin)
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
    # A grant on this model only lets the reader register there: the
    # collection's permission module, run as the admin, in check mode first.
    runs = []
    for options in (["--check"], [], []):
        runs.append(grant(tmp_path, "reader@example.internal", model, *options))
        if options == ["--check"]:
            assert requests.get(READER_GRANT, auth=as_admin, verify=False, timeout=30).status_code == 404
    assert [changed(proc) for proc in runs] == [1, 1, 0], [proc.stdout[-2000:] for proc in runs]
    kept = requests.get(READER_GRANT, auth=as_admin, verify=False, timeout=30)
    assert kept.json()["registered_model_permission"]["permission"] == "EDIT", kept.text
    allowed = register_until(model, run_id, as_reader)
    assert allowed.status_code == 200, allowed.text
    other = requests.post(f"{API}/api/2.0/mlflow/registered-models/create", json={"name": "sso-other"},
                          auth=as_admin, verify=False, timeout=30)
    assert other.status_code in (200, 400), other.text
    elsewhere = requests.post(url, json={"name": "sso-other", "source": f"runs:/{run_id}/model", "run_id": run_id},
                              auth=as_reader, verify=False, timeout=30)
    assert elsewhere.status_code == 403, elsewhere.text


def test_a_group_grant_lets_the_groups_members_register(admin, reader, tmp_path, monkeypatch):
    """mlflow_permission with `group`: EDIT for the provider group mlflow-readers on one model, then taken back."""
    team = "sso-team"
    created = requests.post(f"{API}/api/2.0/mlflow/registered-models/create", json={"name": team},
                            auth=admin["auth"], verify=False, timeout=30)
    assert created.status_code in (200, 400), created.text
    as_user(monkeypatch, admin)

    def group_grant(*options, state="present"):
        return grant(tmp_path, "mlflow-readers", team, *options, state=state, to="group")

    def granted():
        listing = requests.get(f"{API}/api/2.0/mlflow/permissions/groups/mlflow-readers/registered-models",
                               auth=admin["auth"], verify=False, timeout=30)
        assert listing.status_code == 200, listing.text
        return {item["name"]: item["permission"] for item in listing.json()}.get(team)

    group_grant(state="absent")  # left by an earlier verify of these hosts
    run_id = new_run(admin["auth"])
    refused = register_until(team, run_id, reader["auth"], expected=403)
    assert refused.status_code == 403, refused.text
    runs = [group_grant("--check")]
    assert granted() is None
    runs += [group_grant(), group_grant()]
    assert [changed(proc) for proc in runs] == [1, 1, 0], [proc.stdout[-2000:] for proc in runs]
    assert granted() == "EDIT"
    allowed = register_until(team, run_id, reader["auth"])
    assert allowed.status_code == 200, allowed.text
    revoked = [group_grant(state="absent"), group_grant(state="absent")]
    assert [changed(proc) for proc in revoked] == [1, 0] and granted() is None
    refused = register_until(team, run_id, reader["auth"], expected=403)
    assert refused.status_code == 403, refused.text


def test_basic_auth_users_are_refused_with_a_sentence(admin, tmp_path, monkeypatch):
    as_user(monkeypatch, admin)
    proc = play(tmp_path, """
    - name: A user of MLflow's basic-auth app
      mlops.mlflow.mlflow_user:
        name: someone
        user_password: not-with-single-sign-on
      register: refused
      ignore_errors: true
    - name: Require the refusal
      ansible.builtin.assert:
        that: refused is failed
""")
    assert "signs in with single sign-on (mlflow-oidc-auth), where people come from the identity provider" in said(proc)
    assert changed(proc) == 0 and admin["auth"][1] not in said(proc)


def test_a_wrong_client_secret_fails_before_any_host_changes(host):
    before = host.check_output("systemctl show -p MainPID --value mlflow.service")
    proc = converge("-e", "mlflow_oidc_client_secret=not-the-registered-secret")
    assert proc.returncode != 0
    assert "refuses client 'mlflow' with mlflow_oidc_client_secret (HTTP 401, invalid_client)" in said(proc), said(proc)[-3000:]
    assert "not-the-registered-secret" not in proc.stdout + proc.stderr
    # The run stopped in its first play, before the database host's.
    assert "PLAY [PostgreSQL for MLflow]" not in proc.stdout
    changes = recap(proc)
    assert changes and not any(changes.values()), changes
    assert host.check_output("systemctl show -p MainPID --value mlflow.service") == before
    assert requests.get(f"{API}/health", verify=False, timeout=30).status_code == 200


def test_a_limit_that_leaves_a_node_out_is_refused_before_any_change(host):
    hba = host.check_output("cat /etc/postgresql/*/main/pg_hba.conf")
    assert "172.30.81.21" in hba
    proc = converge("--limit", "mlflow.example.internal")
    assert proc.returncode != 0
    assert "mlflow2.example.internal of the `mlflow` group published no settings in this run" in said(proc), \
        said(proc)[-3000:]
    changes = recap(proc)
    assert changes and not any(changes.values()), changes
    assert host.check_output("cat /etc/postgresql/*/main/pg_hba.conf") == hba


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


def test_switching_to_basic_and_back_keeps_each_apps_users(admin, reader, model, tmp_path, monkeypatch):
    """The two apps keep their users in different databases: under basic the
    registry is the same and the SSO session means nothing; back under oidc,
    the session and the grants made under oidc are there again."""
    node = "http://172.30.81.21:5000/api/2.0/mlflow/registered-models/get"
    as_reader = reader["auth"]
    start = time.monotonic()
    proc = converge("-e", "mlflow_auth=basic", "-e", "mlflow_auth_admin_password=molecule-admin-secret-5")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    to_basic = time.monotonic() - start
    got = requests.get(node, params={"name": model}, auth=("admin", "molecule-admin-secret-5"), timeout=30)
    assert got.status_code == 200, got.text
    assert requests.get(node, params={"name": model}, cookies={"session": reader["session"]}, timeout=30).status_code == 401
    assert requests.get(node, params={"name": model}, auth=as_reader, timeout=30).status_code == 401
    start = time.monotonic()
    proc = converge()
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    back = time.monotonic() - start
    got = requests.get(node, params={"name": model}, cookies={"session": reader["session"]}, timeout=30)
    assert got.status_code == 200, got.text
    run_id = new_run(admin["auth"])
    # The EDIT grant on this model, given under oidc, holds again.
    made = requests.post(f"{API}/api/2.0/mlflow/model-versions/create", auth=as_reader, verify=False, timeout=30,
                         json={"name": model, "source": f"runs:/{run_id}/model", "run_id": run_id})
    assert made.status_code == 200, made.text
    record("switch_to_basic_seconds", round(to_basic, 1))
    record("switch_back_to_oidc_seconds", round(back, 1))
    # The module takes the grant back (which also leaves these hosts ready for another verify).
    as_user(monkeypatch, admin)
    # Named as a provider may send it at a login: the app matches names whatever their case.
    first = grant(tmp_path, "Reader@Example.Internal", model, state="absent")
    second = grant(tmp_path, "reader@example.internal", model, state="absent")
    assert (changed(first), changed(second)) == (1, 0), second.stdout[-2000:]
    assert requests.get(READER_GRANT, auth=admin["auth"], verify=False, timeout=30).status_code == 404
