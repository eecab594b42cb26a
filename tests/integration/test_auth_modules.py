"""mlflow_user, mlflow_permission, mlflow_role and mlflow_webhook through ansible-playbook, against
MLflow's auth app.

Each change is read back with MLflow's own clients, and each grant is proved by the server itself: the
user is refused (HTTP 403) before it and let through after it. Webhook events are received by a real
HTTP server on this machine, which the test host reaches over Docker's bridge.
"""
import base64
import hashlib
import hmac
import http.server
import json
import os
import re
import subprocess
import threading
import time
import uuid

import pytest
from conftest import HOST, INVENTORY, ROOT, SETTINGS, converge_three_times, run_playbook, unique
from mlflow.exceptions import MlflowException

PASSWORD = "integration-user-secret-1"


def refused(result):
    return "HTTP 403" in result["msg"] and "permission denied" in result["msg"]


def alias_task(model, version, alias="champion"):
    return {"name": "alias", "mlops.mlflow.mlflow_model_alias": {"name": model, "alias": alias, "version": version}}


@pytest.fixture
def user(mlflow_server):
    """A fresh non-admin user (made with MLflow's client) and its module_defaults."""
    name = unique("user")
    mlflow_server.auth().create_user(name, PASSWORD)
    return name, mlflow_server.as_user(name, PASSWORD)


@pytest.fixture
def model_name(mlflow_server):
    name = unique("hooked")
    mlflow_server.client().create_registered_model(name)
    return name


@pytest.fixture
def two_models(mlflow_server):
    """Two registered models, each with version 1."""
    client = mlflow_server.client()
    names = unique("mine"), unique("theirs")
    for name in names:
        client.create_registered_model(name)
        client.create_model_version(name, f"s3://models-bucket/{uuid.uuid4().hex}/model")
    return names


def test_user_create_update_delete(mlflow_server):
    auth, name = mlflow_server.auth(), unique("user")

    def missing():
        pytest.raises(MlflowException, auth.get_user, name)

    def admin(flag):
        return lambda: auth.get_user(name).is_admin is flag or pytest.fail(f"{name} admin is not {flag}")

    result = converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_user": {
        "name": name, "user_password": PASSWORD}}, missing, admin(False))
    assert result["user"]["name"] == name and result["password_changed"] is True
    assert PASSWORD not in str(result)
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_user": {
        "name": name, "user_password": PASSWORD, "admin": True}}, admin(False), admin(True))
    # A new password is a change once; update_password=on_create leaves it alone.
    new = PASSWORD + "-rotated"
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_user": {
        "name": name, "user_password": new, "update_password": "on_create"}}], mlflow_server)
    assert rc == 0 and results["t"]["changed"] is False
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_user": {
        "name": name, "user_password": new}}], mlflow_server)
    assert rc == 0 and results["t"]["changed"] is True and results["t"]["password_changed"] is True
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_experiment": {"name": "Default"}}],
                                      mlflow_server, connection=mlflow_server.as_user(name, new))
    assert rc == 0, results["t"]
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_user": {"name": name, "state": "absent"}},
                         admin(True), missing)


def test_only_an_administrator_manages_users(mlflow_server, user):
    name, as_user = user
    other = unique("user")
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_user": {
        "name": other, "user_password": PASSWORD}}], mlflow_server, connection=as_user)
    assert rc != 0 and refused(results["t"]), results["t"]["msg"]
    pytest.raises(MlflowException, mlflow_server.auth().get_user, other)


def test_bad_user_input_changes_nothing(mlflow_server):
    name = unique("user")
    for options, words in (({"name": name}, "user_password is required"),
                           ({"name": name, "user_password": "short"}, "MLflow refused user_password"),
                           ({"name": name, "user_password": PASSWORD, "roles": ["no-such-role"]}, "no-such-role"),
                           ({"name": mlflow_server.username, "state": "absent"}, "connects as"),
                           ({"name": mlflow_server.username, "admin": False}, "connects as")):
        rc, results, proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_user": options}], mlflow_server)
        assert rc != 0 and words in results["t"]["msg"], results["t"]["msg"]
        assert "short" not in results["t"]["msg"].replace("shorter", "")
    pytest.raises(MlflowException, mlflow_server.auth().get_user, name)
    assert mlflow_server.auth().get_user(mlflow_server.username).is_admin


def test_a_grant_to_a_group_or_to_nobody_is_refused_here(mlflow_server):
    """Groups come with single sign-on (tests in molecule/sso); this server runs MLflow's basic auth."""
    model = unique("grouped")
    for options, words in (({"group": "fraud-team"}, "group 'fraud-team': grants to groups come with single sign-on"),
                           ({}, "one of the following is required: user, group"),
                           ({"user": mlflow_server.username, "group": "fraud-team"}, "mutually exclusive: user|group")):
        task = {"mlops.mlflow.mlflow_permission": dict(options, registered_model=model, permission="EDIT")}
        rc, results, _proc = run_playbook([dict(task, name="t")], mlflow_server)
        assert rc != 0 and words in results["t"]["msg"], results["t"]["msg"]


def test_a_grant_lets_a_pipeline_user_edit_one_model_only(mlflow_server, user, two_models):
    name, as_user = user
    mine, theirs = two_models
    auth = mlflow_server.auth()
    rc, results, _proc = run_playbook([alias_task(mine, "1")], mlflow_server, connection=as_user)
    assert rc != 0 and refused(results["alias"]), results["alias"]["msg"]

    def permission(expected):
        return lambda: auth.get_user_permission(name, "registered_model", mine).permission == expected or \
            pytest.fail(f"{name} on {mine} is not {expected}")

    result = converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_permission": {
        "user": name, "registered_model": mine, "permission": "EDIT"}}, permission("READ"), permission("EDIT"))
    assert result["grant"] == {"user": name, "resource_type": "registered_model", "resource_id": mine,
                               "permission": "EDIT"}
    rc, results, _proc = run_playbook([
        {"name": "version", "mlops.mlflow.mlflow_model_version": {
            "name": mine, "source": f"s3://models-bucket/{uuid.uuid4().hex}/model"}},
        alias_task(mine, "latest")], mlflow_server, connection=as_user)
    assert rc == 0, results
    assert mlflow_server.client().get_model_version_by_alias(mine, "champion").version == "2"
    rc, results, _proc = run_playbook([alias_task(theirs, "1")], mlflow_server, connection=as_user)
    assert rc != 0 and refused(results["alias"]), results["alias"]["msg"]
    # A changed permission is updated in place; absent takes it back.
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_permission": {
        "user": name, "registered_model": mine, "permission": "MANAGE"}}, permission("EDIT"), permission("MANAGE"))
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_permission": {
        "user": name, "registered_model": mine, "state": "absent"}}, permission("MANAGE"), permission("READ"))
    rc, results, _proc = run_playbook([alias_task(mine, "1")], mlflow_server, connection=as_user)
    assert rc != 0 and refused(results["alias"]), results["alias"]["msg"]


def test_experiment_grants_by_name_and_id(mlflow_server, user):
    name, as_user = user
    client, auth = mlflow_server.client(), mlflow_server.auth()
    experiment = unique("experiment")
    experiment_id = client.create_experiment(experiment)
    tag_task = {"name": "tag", "mlops.mlflow.mlflow_experiment": {"name": experiment, "tags": {"a": "b"}}}
    rc, results, _proc = run_playbook([tag_task], mlflow_server, connection=as_user)
    assert rc != 0 and refused(results["tag"]), results["tag"]["msg"]
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_permission": {
        "user": name, "experiment": experiment, "permission": "EDIT"}}], mlflow_server)
    assert rc == 0 and results["t"]["grant"]["resource_id"] == experiment_id
    rc, results, _proc = run_playbook([tag_task], mlflow_server, connection=as_user)
    assert rc == 0 and client.get_experiment(experiment_id).tags["a"] == "b"
    # The same grant named by ID; DENY then wins over the server's default READ.
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_permission": {
        "user": name, "experiment_id": experiment_id, "permission": "DENY"}}], mlflow_server)
    assert rc == 0 and results["t"]["changed"] is True
    assert auth.get_user_permission(name, "experiment", experiment_id).permission == "DENY"
    rc, results, _proc = run_playbook([{"name": "read", "mlops.mlflow.mlflow_experiment": {
        "name": experiment}}], mlflow_server, connection=as_user)
    assert rc != 0 and refused(results["read"]), results["read"]["msg"]
    for options, words in (({"experiment": unique("missing")}, "does not exist"),
                           ({"experiment_id": "987654321"}, "no experiment has experiment_id"),
                           ({"experiment": experiment, "registered_model": "m"}, "mutually exclusive"),
                           ({"registered_model": "m", "permission": None}, "permission")):
        rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_permission": dict(
            {"user": name, "permission": "READ"}, **options)}], mlflow_server)
        assert rc != 0 and words in results["t"]["msg"], results["t"]["msg"]


def test_a_role_grants_by_pattern_to_the_users_it_is_assigned_to(mlflow_server, user, two_models):
    name, as_user = user
    _mine, theirs = two_models
    auth, role = mlflow_server.auth(), unique("role")

    def role_permissions():
        (found,) = [r for r in auth.list_roles("default") if r.name == role]
        return sorted((p.resource_type, p.resource_pattern, p.permission) for p in found.permissions)

    def user_roles():
        return sorted(r.name for r in auth.list_user_roles(name) if not r.name.startswith("__user_"))

    editor = {"name": role, "description": "edits one model",
              "permissions": [{"resource_type": "registered_model", "resource_pattern": theirs, "permission": "EDIT"}]}
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_role": editor},
                         lambda: pytest.raises(ValueError, role_permissions),
                         lambda: role_permissions() == [("registered_model", theirs, "EDIT")] or pytest.fail())
    rc, results, _proc = run_playbook([alias_task(theirs, "1")], mlflow_server, connection=as_user)
    assert rc != 0 and refused(results["alias"]), results["alias"]["msg"]
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_user": {"name": name, "roles": [role]}},
                         lambda: user_roles() == [] or pytest.fail(), lambda: user_roles() == [role] or pytest.fail())
    rc, results, _proc = run_playbook([alias_task(theirs, "1")], mlflow_server, connection=as_user)
    assert rc == 0, results["alias"]
    # purge_permissions makes the list the whole set; purge_roles unassigns.
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_role": {
        "name": role, "permissions": [{"resource_type": "experiment", "permission": "READ"}],
        "purge_permissions": True}},
        lambda: role_permissions() == [("registered_model", theirs, "EDIT")] or pytest.fail(),
        lambda: role_permissions() == [("experiment", "*", "READ")] or pytest.fail())
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_user": {"name": name, "roles": [], "purge_roles": True}},
                         lambda: user_roles() == [role] or pytest.fail(), lambda: user_roles() == [] or pytest.fail())
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_role": {"name": role, "state": "absent"}},
                         role_permissions, lambda: pytest.raises(ValueError, role_permissions))


def test_the_pipeline_user_of_the_inventory(mlflow_server):
    """mlflow_auth_users and mlflow_auth_roles, as the role converged them into the test host."""
    (ci,) = [u for u in SETTINGS["mlflow_auth_users"] if u["name"] == "ci-churn"]
    # The role's auth tasks again, verbose: nothing changes and no password is printed.
    again = subprocess.run(["ansible-playbook", "-v", "-i", str(INVENTORY), str(ROOT / "playbooks/site.yml"),
                            "--tags", "auth"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert again.returncode == 0 and "changed=0" in again.stdout, again.stdout[-3000:]
    assert "ci-churn" in again.stdout and ci["password"] not in again.stdout + again.stderr
    as_ci = mlflow_server.as_user(ci["name"], ci["password"])
    client = mlflow_server.client()
    model, other = "integration-churn", unique("other")
    for name in (model, other):
        if not client.search_registered_models(f"name = '{name}'"):
            client.create_registered_model(name)
    assert [r.name for r in mlflow_server.auth().list_user_roles("ci-churn") if not r.name.startswith("__")] == \
        ["model-readers"]
    rc, results, _proc = run_playbook([
        {"name": "version", "mlops.mlflow.mlflow_model_version": {
            "name": model, "source": f"s3://models-bucket/{uuid.uuid4().hex}/model"}},
        {"name": "alias", "mlops.mlflow.mlflow_model_alias": {"name": model, "alias": "champion",
                                                              "version": "latest"}},
        {"name": "read other", "mlops.mlflow.mlflow_registered_model_info": {"name": other}}],
        mlflow_server, connection=as_ci)
    assert rc == 0, results
    rc, results, _proc = run_playbook([{"name": "version", "mlops.mlflow.mlflow_model_version": {
        "name": other, "source": f"s3://models-bucket/{uuid.uuid4().hex}/model"}}], mlflow_server, connection=as_ci)
    assert rc != 0 and refused(results["version"]), results["version"]["msg"]


def test_the_administrator_rotates_its_own_password_and_the_health_gate_follows(mlflow_server):
    """Connect with the current password, give the new one as user_password, then put the new one in
    mlflow_auth_admin_password: the role's health gate logs in with it."""
    old, new = mlflow_server.password, mlflow_server.password + "-rotated"

    def rotate(current, to):
        rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_user": {
            "name": mlflow_server.username, "user_password": to}}], mlflow_server,
            connection=mlflow_server.as_user(mlflow_server.username, current))
        assert rc == 0 and results["t"]["password_changed"] is True, results["t"]

    def health_gate(password):
        return subprocess.run(
            ["ansible-playbook", "-i", str(INVENTORY), str(ROOT / "tests/integration/health-gate.yml"),
             "-e", f"mlflow_auth_admin_password={password}"], cwd=ROOT, capture_output=True, text=True, check=False)

    rotate(old, new)
    try:
        gate = health_gate(new)
        assert gate.returncode == 0, gate.stdout[-3000:]
    finally:
        rotate(new, old)
    gate = health_gate(new + "-wrong")
    assert gate.returncode != 0 and "put the current password in mlflow_auth_admin_password" in gate.stdout


def test_single_sign_on_on_python_3_11_is_refused_before_any_change(mlflow_server):
    """mlflow-oidc-auth does not import on Python 3.11 (Debian 12's, the test host's): the role says so
    at its checks, before it installs or restarts anything."""
    def main_pid():
        return subprocess.run(["docker", "exec", HOST, "systemctl", "show", "-p", "MainPID", "--value", "mlflow"],
                              check=True, capture_output=True, text=True).stdout.strip()

    pid = main_pid()
    proc = subprocess.run(
        ["ansible-playbook", "-i", str(INVENTORY), str(ROOT / "playbooks/mlflow.yml"),
         "-e", "mlflow_auth=oidc", "-e", "mlflow_oidc_client_id=mlflow", "-e", "mlflow_oidc_client_secret=not-used-here",
         "-e", "mlflow_oidc_discovery_url=https://idp.invalid/.well-known/openid-configuration"],
        cwd=ROOT, capture_output=True, text=True, check=False, env=dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_FORCE_COLOR="0"))
    said = " ".join((proc.stdout + proc.stderr).split())
    assert proc.returncode != 0
    assert f"mlflow_auth oidc needs Python 3.12 or later on the node, and {HOST} has 3.11" in said, said[-3000:]
    assert re.search(rf"{HOST}\s*: ok=\d+\s+changed=0\s", proc.stdout), proc.stdout[-2000:]
    assert "not-used-here" not in proc.stdout + proc.stderr
    assert main_pid() == pid


# --- mlflow_webhook --------------------------------------------------------------------------

class Receiver:
    """An HTTP server on this machine, on the Docker bridge the test host reaches it through,
    recording each POST MLflow makes."""

    def __init__(self):
        self.deliveries = []
        received = self.deliveries

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                received.append((dict(self.headers), body.decode()))
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"received")

            def log_message(self, *args):
                pass

        gateway = subprocess.run(["docker", "inspect", "-f", "{{range .NetworkSettings.Networks}}{{.Gateway}}{{end}}",
                                  HOST], check=True, capture_output=True, text=True).stdout.strip()
        self.server = http.server.ThreadingHTTPServer((gateway, 0), Handler)
        self.url = f"http://{gateway}:{self.server.server_address[1]}/mlflow-events"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while len(self.deliveries) < count and time.monotonic() < deadline:
            time.sleep(0.2)
        return [(headers, json.loads(body), body) for headers, body in self.deliveries]


def signature(secret, headers, body):
    signed = f"{headers['X-MLflow-Delivery-Id']}.{headers['X-MLflow-Timestamp']}.{body}".encode()
    return "v1," + base64.b64encode(hmac.new(secret.encode(), signed, hashlib.sha256).digest()).decode()


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


def test_webhook_delivers_signed_registry_events(mlflow_server, model_name, receiver):
    client, hook, secret = mlflow_server.client(), unique("hook"), "integration-webhook-secret"

    def hooks():
        return [(w.url, sorted(f"{e.entity.value}.{e.action.value}" for e in w.events), w.status.value)
                for w in client.list_webhooks() if w.name == hook]

    events = ["model_version.created", "model_version_alias.created"]
    task = {"name": hook, "url": receiver.url, "events": events, "secret": secret}
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_webhook": task},
                         lambda: hooks() == [] or pytest.fail(),
                         lambda: hooks() == [(receiver.url, events, "ACTIVE")] or pytest.fail(str(hooks())))
    rc, results, _proc = run_playbook([
        {"name": "version", "mlops.mlflow.mlflow_model_version": {
            "name": model_name, "source": f"s3://models-bucket/{uuid.uuid4().hex}/model"}},
        alias_task(model_name, "latest")], mlflow_server)
    assert rc == 0, results
    deliveries = receiver.wait_for(2)
    assert sorted((d["entity"], d["action"]) for _h, d, _b in deliveries) == [
        ("model_version", "created"), ("model_version_alias", "created")]
    for headers, delivery, body in deliveries:
        assert delivery["data"]["name"] == model_name
        assert headers["X-MLflow-Signature"] == signature(secret, headers, body)
    # send_test: MLflow posts a test event now and reports what the receiver answered.
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_webhook": {
        "name": hook, "send_test": True}}], mlflow_server)
    assert rc == 0 and results["t"]["changed"] is False
    assert results["t"]["test"]["success"] is True and results["t"]["test"]["response_status"] == 200
    assert len(receiver.wait_for(3)) == 3
    assert secret not in str(results)
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_webhook": {"name": hook, "status": "DISABLED"}},
                         lambda: hooks()[0][2] == "ACTIVE" or pytest.fail(),
                         lambda: hooks()[0][2] == "DISABLED" or pytest.fail())
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_webhook": {"name": hook, "state": "absent"}},
                         lambda: len(hooks()) == 1 or pytest.fail(), lambda: hooks() == [] or pytest.fail())


def test_only_an_administrator_manages_webhooks_and_a_dead_url_fails_the_test(mlflow_server, user, receiver):
    _name, as_user = user
    hook = unique("hook")
    task = {"name": hook, "url": receiver.url, "events": ["registered_model.created"]}
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_webhook": task}], mlflow_server,
                                      connection=as_user)
    assert rc != 0 and refused(results["t"]), results["t"]["msg"]
    dead = dict(task, url=receiver.url.rsplit(":", 1)[0] + ":9/nothing", send_test=True)
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_webhook": dead}], mlflow_server)
    assert rc != 0 and "test event" in results["t"]["msg"] and results["t"]["changed"] is True
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_webhook": {"name": hook,
                                                                                     "state": "absent"}}],
                                      mlflow_server)
    assert rc == 0 and results["t"]["changed"] is True
