"""The pure parts of mlflow_role, mlflow_user, mlflow_permission and mlflow_webhook; the server's side is in
tests/integration/test_auth_modules.py."""
import pytest

from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import MlflowApiError
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_auth import (
    is_own_role,
    own_role_name,
    require_basic_auth,
)
from ansible_collections.mlops.mlflow.plugins.modules.mlflow_permission import ensure_grant
from ansible_collections.mlops.mlflow.plugins.modules.mlflow_role import (
    desired_permissions,
    ensure_role,
    permission_changes,
)
from ansible_collections.mlops.mlflow.plugins.modules.mlflow_user import password_refused
from ansible_collections.mlops.mlflow.plugins.modules.mlflow_webhook import (
    changes,
    ensure_webhook,
    events_to_api,
    webhook_facts,
)


def grant(grant_id, resource_type, pattern, permission):
    return dict(id=grant_id, resource_type=resource_type, resource_pattern=pattern, permission=permission)


def test_permission_changes_add_update_and_purge():
    current = [grant(1, "experiment", "*", "READ"), grant(2, "registered_model", "churn", "EDIT"),
               grant(3, "prompt", "*", "READ")]
    desired = [dict(resource_type="experiment", resource_pattern="*", permission="EDIT"),
               dict(resource_type="registered_model", resource_pattern="churn", permission="EDIT"),
               dict(resource_type="scorer", resource_pattern="*", permission="USE")]
    to_add, to_update, to_remove = permission_changes(current, desired, purge=False)
    assert to_add == [desired[2]] and to_update == {1: "EDIT"} and to_remove == []
    assert permission_changes(current, desired, purge=True)[2] == [3]
    # permissions not given: nothing to do, whatever purge says.
    assert permission_changes(current, None, purge=True) == ([], {}, [])


def test_a_numeric_pattern_matches_the_servers_string():
    assert permission_changes([grant(1, "experiment", 12, "READ")],
                              [dict(resource_type="experiment", resource_pattern="12", permission="READ")],
                              purge=True) == ([], {}, [])


def test_desired_permissions_refuses_two_permissions_for_one_pattern():
    params = dict(permissions=[dict(resource_type="experiment", resource_pattern="*", permission="READ"),
                               dict(resource_type="experiment", resource_pattern="*", permission="EDIT")])
    with pytest.raises(MlflowApiError, match="experiment '\\*' twice, as READ and as EDIT"):
        desired_permissions(params)
    params["permissions"][1]["permission"] = "READ"
    assert len(desired_permissions(params)) == 1
    assert desired_permissions(dict(permissions=None)) is None


def test_own_roles_are_recognised_and_refused_by_mlflow_role():
    assert is_own_role(own_role_name(7)) and not is_own_role("analysts")
    with pytest.raises(MlflowApiError, match="mlflow_permission"):
        ensure_role(None, dict(name="__user_7__", workspace="default", permissions=None), check_mode=True)


def test_password_refusal_names_the_option_and_keeps_other_errors():
    short = MlflowApiError("MLflow answered POST users/create with HTTP 400 INVALID_PARAMETER_VALUE: "
                           "Password must be at least 12 characters", 400, "INVALID_PARAMETER_VALUE")
    assert password_refused(short).message == "MLflow refused user_password: Password must be at least 12 characters"
    other = MlflowApiError("permission denied", 403, "PERMISSION_DENIED")
    assert password_refused(other) is other


class FakeAuth:
    """MLflow's basic-auth app: users/current, users/get and users/roles/list for one user, recording writes."""

    def __init__(self, grants, admin=False):
        self.user = dict(id=5, username="ci", is_admin=admin)
        self.grants = grants
        self.writes = []

    def exists(self, endpoint, params):
        return {"user": self.user} if endpoint == "users/get" and params["username"] == "ci" else None

    def get(self, endpoint, params=None):
        if endpoint == "users/current":
            return {"user": dict(id=1, username="admin", is_admin=True), "is_basic_auth": True}
        assert endpoint.endswith("users/roles/list")
        return {"roles": [dict(name="readers", permissions=[grant(9, "registered_model", "churn", "READ")]),
                          dict(name=own_role_name(5), permissions=self.grants)]}

    def post(self, endpoint, body):
        self.writes.append(("POST", endpoint, body))

    def patch(self, endpoint, body):
        self.writes.append(("PATCH", endpoint, body))


def permission_params(**params):
    return dict(dict(user="ci", registered_model="churn", experiment=None, experiment_id=None,
                     permission="EDIT", state="present"), **params)


def test_a_grant_through_a_role_is_not_the_users_own():
    auth = FakeAuth([])
    changed, before, after, _admin = ensure_grant(auth, permission_params(), check_mode=False)
    assert changed and before["permission"] is None and after["permission"] == "EDIT"
    assert [w[1].rpartition("/")[2] for w in auth.writes] == ["grant"]


def test_a_changed_grant_is_updated_in_place_and_check_mode_writes_nothing():
    auth = FakeAuth([grant(4, "registered_model", "churn", "READ")])
    assert ensure_grant(auth, permission_params(), check_mode=True)[0] and auth.writes == []
    ensure_grant(auth, permission_params(), check_mode=False)
    assert auth.writes == [("PATCH", "/api/3.0/mlflow/roles/permissions/update",
                            {"role_permission_id": 4, "permission": "EDIT"})]


def test_an_unknown_user_is_one_sentence():
    with pytest.raises(MlflowApiError, match="user 'nobody' does not exist"):
        ensure_grant(FakeAuth([]), permission_params(user="nobody"), check_mode=True)


class FakeOidcApp:
    """mlflow-oidc-auth: its profile at users/current, users/details, and the grants of user "ci@example.com"
    at /permissions/users/...; a missing grant is the app's 404, a duplicate its 409."""

    display_uri = "https://mlflow.example.com"

    def __init__(self, grants, taken_meanwhile=None):
        self.grants = grants  # {(kind, name): permission}
        self.taken_meanwhile = taken_meanwhile
        self.writes = []

    def get(self, endpoint, params=None):
        if endpoint == "users/current":
            return dict(id=1, username="admin@example.com", display_name="Admin", is_admin=True,
                        is_service_account=False, groups=[])
        if endpoint == "users/details":
            return [dict(username=name, is_admin=False) for name in ("ci@example.com", "ci@example.com.old")
                    if params["search"].lower() in name]
        prefix = "/api/2.0/mlflow/permissions/users/ci%40example.com/"
        assert endpoint.startswith(prefix), endpoint
        kind, name = endpoint[len(prefix):].split("/", 1)
        if (kind, name) not in self.grants:
            raise MlflowApiError("Registered model permission not found", 404)
        field = "registered_model_permission" if kind == "registered-models" else "experiment_permission"
        return {field: dict(name=name, user_id=7, permission=self.grants[(kind, name)])}

    def exists(self, endpoint, params):
        assert endpoint == "experiments/get-by-name"
        return {"experiment": dict(experiment_id="12", name=params["experiment_name"])}

    def write(self, method, endpoint, body):
        self.writes.append((method, endpoint, body))
        if method == "POST" and self.taken_meanwhile:
            self.grants[self.taken_meanwhile[0]] = self.taken_meanwhile[1]
            self.taken_meanwhile = None
            raise MlflowApiError("Registered model permission already exists", 409)

    def post(self, endpoint, body):
        self.write("POST", endpoint, body)

    def patch(self, endpoint, body):
        self.write("PATCH", endpoint, body)

    def delete(self, endpoint, body):
        self.write("DELETE", endpoint, body)


def test_with_single_sign_on_grants_go_to_the_oidc_apps_api():
    app = FakeOidcApp({})
    params = permission_params(user="ci@example.com", registered_model="fraud/v2")
    changed, before, after, admin = ensure_grant(app, params, check_mode=False)
    assert changed and before["permission"] is None and after["permission"] == "EDIT" and not admin
    assert app.writes == [("POST", "/api/2.0/mlflow/permissions/users/ci%40example.com/registered-models/fraud%2Fv2",
                           {"permission": "EDIT"})]


def test_with_single_sign_on_the_user_is_found_whatever_the_case_as_the_app_finds_it():
    app = FakeOidcApp({})
    changed, before = ensure_grant(app, permission_params(user="CI@Example.com"), check_mode=False)[:2]
    assert changed and before["user"] == "ci@example.com"
    assert app.writes[0][1] == "/api/2.0/mlflow/permissions/users/ci%40example.com/registered-models/churn"


def test_with_single_sign_on_deny_is_no_permissions_and_a_kept_grant_writes_nothing():
    app = FakeOidcApp({("experiments", "12"): "NO_PERMISSIONS"})
    params = permission_params(user="ci@example.com", registered_model=None, experiment="payroll", permission="DENY")
    assert ensure_grant(app, params, check_mode=False)[:2] == (
        False, dict(user="ci@example.com", resource_type="experiment", resource_id="12", permission="DENY"))
    assert ensure_grant(app, dict(params, permission="READ"), check_mode=True)[0] and app.writes == []
    ensure_grant(app, dict(params, permission="READ"), check_mode=False)
    ensure_grant(app, dict(params, state="absent"), check_mode=False)
    path = "/api/2.0/mlflow/permissions/users/ci%40example.com/experiments/12"
    assert app.writes == [("PATCH", path, {"permission": "READ"}), ("DELETE", path, None)]


def test_with_single_sign_on_a_grant_made_meanwhile_is_updated_to_this_one():
    app = FakeOidcApp({}, taken_meanwhile=(("registered-models", "churn"), "READ"))
    params = permission_params(user="ci@example.com")
    assert ensure_grant(app, params, check_mode=False)[0]
    assert [write[0] for write in app.writes] == ["POST", "PATCH"]


def test_a_grant_the_server_says_exists_but_never_shows_ends_in_a_sentence():
    class PromptOfThatName(FakeOidcApp):
        def write(self, method, endpoint, body):
            self.writes.append((method, endpoint, body))
            raise MlflowApiError("Registered model permission already exists", 409)

    app = PromptOfThatName({})
    with pytest.raises(MlflowApiError, match="changed under every one of 3 attempts, or MLflow says it exists"):
        ensure_grant(app, permission_params(user="ci@example.com"), check_mode=False)
    assert len(app.writes) == 3


def test_basic_auth_users_and_roles_refuse_a_single_sign_on_server():
    with pytest.raises(MlflowApiError, match="mlops.mlflow.mlflow_role manages the users and roles of MLflow's "
                                             "basic-auth app; the server at https://mlflow.example.com signs in"):
        require_basic_auth(FakeOidcApp({}), "mlops.mlflow.mlflow_role")
    require_basic_auth(FakeAuth([]), "mlops.mlflow.mlflow_user")


def test_with_single_sign_on_an_unknown_user_says_how_users_come_to_be():
    with pytest.raises(MlflowApiError, match="user 'ci@example' is not known to MLflow: with single sign-on"):
        ensure_grant(FakeOidcApp({}), permission_params(user="ci@example"), check_mode=True)


class FakeOidcGroups(FakeOidcApp):
    """mlflow-oidc-auth's group grants: the groups at permissions/groups, and the grants on one resource as the
    list of groups with a grant there, at /permissions/{kind}/{name or id}/groups; self.grants holds the
    grants of the group "ml/platform"."""

    def get(self, endpoint, params=None):
        if endpoint in ("users/current", "users/details"):
            return super().get(endpoint, params)
        if endpoint == "permissions/groups":
            return ["fraud-team", "ml/platform"]
        prefix = "/api/2.0/mlflow/permissions/"
        assert endpoint.startswith(prefix) and endpoint.endswith("/groups"), endpoint
        kind, name = endpoint[len(prefix):-len("/groups")].split("/", 1)
        listed = [{"name": "fraud-team", "permission": "MANAGE"}]
        if (kind, name) in self.grants:
            listed.append({"name": "ml/platform", "permission": self.grants[(kind, name)]})
        return listed

    def exists(self, endpoint, params):
        assert endpoint == "experiments/get"
        return {"experiment": {"experiment_id": str(int(params["experiment_id"]))}}


def test_with_single_sign_on_a_group_is_granted_at_the_apps_group_api():
    app = FakeOidcGroups({("registered-models", "other"): "READ"})
    params = permission_params(user=None, group="ml/platform", registered_model="fraud/v2")
    changed, before, after, admin = ensure_grant(app, params, check_mode=False)
    assert changed and not admin
    assert (before, after) == (dict(group="ml/platform", resource_type="registered_model", resource_id="fraud/v2",
                                    permission=None), dict(before, permission="EDIT"))
    assert app.writes == [("POST", "/api/2.0/mlflow/permissions/groups/ml%2Fplatform/registered-models/fraud%2Fv2",
                           {"permission": "EDIT"})]


def test_with_single_sign_on_a_groups_kept_grant_writes_nothing_and_deny_is_no_permissions():
    app = FakeOidcGroups({("experiments", "12"): "NO_PERMISSIONS"})
    # The experiment as MLflow numbers it: 012 is experiment 12.
    params = permission_params(user=None, group="ml/platform", registered_model=None, experiment_id="012",
                               permission="DENY")
    assert ensure_grant(app, params, check_mode=False)[0] is False
    ensure_grant(app, dict(params, permission="READ"), check_mode=False)
    ensure_grant(app, dict(params, state="absent"), check_mode=False)
    path = "/api/2.0/mlflow/permissions/groups/ml%2Fplatform/experiments/12"
    assert app.writes == [("PATCH", path, {"permission": "READ"}), ("DELETE", path, None)]


def test_with_single_sign_on_a_group_grant_made_meanwhile_is_updated_to_this_one():
    app = FakeOidcGroups({}, taken_meanwhile=(("registered-models", "churn"), "READ"))
    assert ensure_grant(app, permission_params(user=None, group="ml/platform"), check_mode=False)[0]
    assert [write[0] for write in app.writes] == ["POST", "PATCH"]


def test_an_empty_user_or_group_is_one_sentence():
    for option in ("user", "group"):
        with pytest.raises(MlflowApiError, match="%s is empty; give the name of a %s" % (option, option)):
            ensure_grant(FakeOidcGroups({}), permission_params(**{"user": None, option: " "}), check_mode=True)


def test_a_group_unknown_to_mlflow_or_without_single_sign_on_is_one_sentence():
    with pytest.raises(MlflowApiError, match="group 'Fraud-Team' is not known to MLflow: a group comes to be when"):
        ensure_grant(FakeOidcGroups({}), permission_params(user=None, group="Fraud-Team"), check_mode=True)
    with pytest.raises(MlflowApiError, match="grants to groups come with single sign-on .* grant to a role with "
                                             "mlops.mlflow.mlflow_role"):
        ensure_grant(FakeAuth([]), permission_params(user=None, group="fraud-team"), check_mode=True)


# --- mlflow_webhook ------------------------------------------------------------------------------

def hook(**fields):
    return dict(dict(webhook_id="w1", name="deploy", url="https://deploy/hook", creation_timestamp=1,
                     events=[dict(entity="MODEL_VERSION", action="CREATED")], status="ACTIVE"), **fields)


def webhook_params(**params):
    return dict(dict(name="deploy", url=None, events=None, description=None, status=None, secret=None,
                     update_secret="on_create", state="present"), **params)


def test_events_go_to_mlflow_upper_case_and_come_back_lower_case():
    api = events_to_api(["model_version_alias.created", "model_version.created", "model_version.created"])
    assert api == [dict(entity="MODEL_VERSION", action="CREATED"), dict(entity="MODEL_VERSION_ALIAS", action="CREATED")]
    assert webhook_facts(dict(name="x", events=api))["events"] == ["model_version.created",
                                                                   "model_version_alias.created"]


def test_webhook_changes_only_what_is_given_and_the_secret_only_when_asked():
    current = webhook_facts(hook())
    assert changes(current, webhook_params(url="https://deploy/hook", events=["model_version.created"],
                                           secret="s")) == {}
    assert changes(current, webhook_params(secret="s", update_secret="always")) == {"secret": "s"}
    assert changes(current, webhook_params(status="DISABLED", description="")) == {"status": "DISABLED"}


class FakeHooks:
    """GET/POST/DELETE webhooks over a list; `concurrent` is created by another run at our create."""

    def __init__(self, *hooks, concurrent=None):
        self.hooks = list(hooks)
        self.concurrent = concurrent
        self.deleted = []

    def get(self, endpoint, params):
        return {"webhooks": list(self.hooks)}

    def post(self, endpoint, body):
        if self.concurrent:
            self.hooks.append(self.concurrent)
        created = hook(webhook_id="ours", creation_timestamp=5, **{k: v for k, v in body.items() if k != "secret"})
        self.hooks.append(created)
        return {"webhook": created}

    def delete(self, endpoint, body):
        self.deleted.append(endpoint)
        self.hooks = [h for h in self.hooks if endpoint != "webhooks/" + h["webhook_id"]]

    def patch(self, endpoint, body):
        raise AssertionError("no patch expected")


def test_two_runs_creating_one_webhook_leave_one():
    fake = FakeHooks(concurrent=hook(webhook_id="theirs", creation_timestamp=4, url="https://deploy/hook"))
    changed, before, after = ensure_webhook(fake, webhook_params(url="https://deploy/hook",
                                                                 events=["model_version.created"]), False)
    assert fake.deleted == ["webhooks/ours"] and after["webhook_id"] == "theirs" and not changed


def test_duplicate_names_are_refused_with_their_ids():
    fake = FakeHooks(hook(webhook_id="a"), hook(webhook_id="b", creation_timestamp=2))
    with pytest.raises(MlflowApiError, match=r"2 webhooks are named 'deploy' \(a, b\)"):
        ensure_webhook(fake, webhook_params(state="absent"), True)
