# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reading MLflow's basic-auth app (mlflow[auth]): users, roles and the grants on them; and telling it from the
mlflow-oidc-auth app (mlflow_auth: oidc), which keeps users and grants its own way.

MLflow 3.17 keeps every permission in a role. A grant to one user goes to that user's own role,
named __user_<id>__ in the workspace `default`, which the server creates with the first grant;
named roles hold grants by resource pattern and are assigned to users.
"""

from __future__ import annotations

from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import API3_PREFIX, MlflowApiError, MlflowConnection

# Without MLflow's workspaces feature, every role and grant lives in this one.
DEFAULT_WORKSPACE = "default"
PERMISSIONS = ["READ", "USE", "EDIT", "MANAGE", "DENY"]


def auth_app(client):
    """Which authentication app the server runs, from the caller's own users/current: "basic" (MLflow's
    basic-auth app answers {"user": {...}}) or "oidc" (mlflow-oidc-auth answers the profile itself)."""
    try:
        current = client.get("users/current")
    except MlflowApiError as exc:
        if exc.status == 404:
            raise MlflowApiError("the MLflow server at %s runs without authentication (no users/current): users and "
                                 "permissions exist only with mlflow_auth basic or oidc" % client.display_uri, 404)
        raise
    current = current if isinstance(current, dict) else {}
    if "user" in current:
        return "basic"
    if "is_service_account" in current:
        return "oidc"
    raise MlflowApiError("the MLflow server at %s runs an authentication app this collection does not know "
                         "(users/current answered neither as MLflow's basic-auth app nor as mlflow-oidc-auth)"
                         % client.display_uri)


def require_basic_auth(client, module_name):
    """Refuse, in one sentence, a server whose users and roles are not MLflow's basic-auth app's."""
    if auth_app(client) == "oidc":
        raise MlflowApiError("%s manages the users and roles of MLflow's basic-auth app; the server at %s signs in "
                             "with single sign-on (mlflow-oidc-auth), where people come from the identity provider: "
                             "grant them permissions with mlops.mlflow.mlflow_permission (docs/authentication.md)"
                             % (module_name, client.display_uri))


def get_user(client, name):
    """{"id", "username", "is_admin"} of a user, or None when there is none of that name."""
    found = client.exists("users/get", {"username": name})
    return found["user"] if found else None


def user_roles(client, name):
    """The roles assigned to a user, each with its permissions (the user's own role among them)."""
    return client.get(API3_PREFIX + "users/roles/list", {"username": name}).get("roles", [])


def own_role_name(user_id):
    """The role MLflow keeps a user's direct grants in."""
    return "__user_%s__" % user_id


def is_own_role(name):
    return name.startswith("__user_") and name.endswith("__")


def roles_by_name(client, workspace):
    """{name: role with its permissions} of a workspace, in one request."""
    roles = client.get(API3_PREFIX + "roles/list", {"workspace": workspace}).get("roles", [])
    return {role["name"]: role for role in roles}


def find_role(client, name, workspace):
    """A named role of a workspace with its permissions, or None."""
    return roles_by_name(client, workspace).get(name)


def password_works(client, username, password):
    """Whether MLflow lets username in with password: one request as that user, made with the task's
    other connection settings. (With mlflow_auth_cache_ttl on, a password changed outside this module
    may keep working on other workers until the cache expires.)"""
    probe = MlflowConnection(client.root_url, username=username, password=password, ca_path=client.ca_path,
                             validate_certs=client.validate_certs, timeout=client.timeout, retries=client.retries)
    try:
        probe.get("users/current")
    except MlflowApiError as exc:
        if exc.status == 401:
            return False
        raise
    return True


def permission_key(grant):
    return grant["resource_type"], str(grant["resource_pattern"])
