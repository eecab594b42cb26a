"""The pure parts of mlflow_role, mlflow_user, mlflow_permission and mlflow_webhook; the server's side is in
tests/integration/test_auth_modules.py."""
import pytest

from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import MlflowApiError
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_auth import is_own_role, own_role_name
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
    """users/get and users/roles/list for one user, recording writes."""

    def __init__(self, grants, admin=False):
        self.user = dict(id=5, username="ci", is_admin=admin)
        self.grants = grants
        self.writes = []

    def exists(self, endpoint, params):
        return {"user": self.user} if endpoint == "users/get" and params["username"] == "ci" else None

    def get(self, endpoint, params):
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
