#!/usr/bin/python
# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mlflow_permission
short_description: Grant or revoke one user's or group's permission on an MLflow experiment or registered model
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Makes sure a user (or, with single sign-on, a group) has the given permission on one experiment or one
    registered model, or has no grant of its own there. Works with both authentication apps the collection
    deploys (C(mlflow_auth) of the C(mlops.mlflow.mlflow_server) role), and finds out which one the server runs
    with one request.
  - With MLflow's basic-auth app (C(mlflow_auth=basic)), MLflow keeps these grants in the user's own role
    (C(__user_<id>__)); grants through named roles (M(mlops.mlflow.mlflow_role)) and the server's
    C(default_permission) add to them. V(DENY) wins over any other grant.
  - With single sign-on (C(mlflow_auth=oidc), the mlflow-oidc-auth app), the grant is the app's user grant on
    the resource. A user grant comes before the grants of the user's groups in the app's default order, so
    V(DENY) (the app's C(NO_PERMISSIONS)) refuses whatever the groups grant. A person is a user once they have
    logged in; service accounts are created by an administrator (see the authentication guide).
  - With single sign-on, O(group) grants to a group of the identity provider instead of a user; every member has
    the permission, unless a grant of their own says otherwise (a member's own grant comes before every group
    grant). Of several groups' grants a member gets the highest, except that V(DENY) to any of their groups wins.
  - Under either app an administrator may do everything whatever its grants.
  - The task must connect as an administrator. With single sign-on that is an administrator's user name with an
    access token MLflow issued to it as O(password), or a bearer token from the identity provider in O(token)
    for an account in an admin group.
extends_documentation_fragment:
  - mlops.mlflow.mlflow
attributes:
  check_mode:
    description: Reports what would change and changes nothing.
    support: full
  diff_mode:
    description: Returns the grant before and after in RV(diff).
    support: full
options:
  user:
    description:
      - Exactly one of O(user) and O(group) is required.
      - Name of the user, created with M(mlops.mlflow.mlflow_user) or otherwise; with single sign-on, the name
        the identity provider gives (often an e-mail address) or a service account's name, in any case (the
        app keeps names in lower case; RV(grant.user) is the name as MLflow keeps it).
    type: str
  group:
    description:
      - Name of a group, as the identity provider's groups claim gives it (exact case); single sign-on only.
        A group is known to MLflow once a member has logged in with it, or once an administrator created it.
      - With MLflow's basic-auth app, grant to a role with M(mlops.mlflow.mlflow_role) instead.
    type: str
  registered_model:
    description:
      - Name of the registered model the grant is on.
      - The model need not exist yet; MLflow applies the grant once a model of that name is created, and
        deleting the model deletes its grants.
      - Exactly one of O(registered_model), O(experiment) and O(experiment_id) is required.
    type: str
  experiment:
    description:
      - Name of the experiment the grant is on; it must exist.
    type: str
  experiment_id:
    description:
      - ID of the experiment the grant is on; it must exist.
    type: str
  permission:
    description:
      - V(READ) reads; V(USE) also uses (for example, a gateway endpoint); V(EDIT) also writes (register versions,
        move aliases, log runs); V(MANAGE) also deletes and grants; V(DENY) refuses everything, whatever other
        grants say.
      - Required with O(state=present).
    type: str
    choices: [READ, USE, EDIT, MANAGE, DENY]
  state:
    description:
      - V(present) grants O(permission), replacing another permission the user (or group) had there.
      - V(absent) removes the user's own grant there, or the group's, if any. Other grants stay (with basic auth,
        those through roles).
    type: str
    choices: [present, absent]
    default: present
seealso:
  - module: mlops.mlflow.mlflow_user
  - module: mlops.mlflow.mlflow_role
'''

EXAMPLES = r'''
- name: Let the churn pipeline register versions and move aliases of its model only
  mlops.mlflow.mlflow_permission:
    tracking_uri: https://mlflow.example.com
    username: admin
    password: "{{ vault_mlflow_admin_password }}"
    user: ci-churn
    registered_model: churn
    permission: EDIT

- name: Keep a contractor out of one experiment
  mlops.mlflow.mlflow_permission:
    tracking_uri: https://mlflow.example.com
    username: admin
    password: "{{ vault_mlflow_admin_password }}"
    user: contractor
    experiment: payroll-forecast
    permission: DENY

- name: With single sign-on, let a person register versions of one model
  mlops.mlflow.mlflow_permission:
    tracking_uri: https://mlflow.example.com
    username: admin@example.com
    password: "{{ vault_mlflow_admin_access_token }}"  # issued by MLflow on the admin's user page
    user: reader@example.com
    registered_model: fraud-detector
    permission: EDIT

- name: With single sign-on, let every member of a provider group register versions of one model
  mlops.mlflow.mlflow_permission:
    tracking_uri: https://mlflow.example.com
    username: admin@example.com
    password: "{{ vault_mlflow_admin_access_token }}"
    group: fraud-team
    registered_model: fraud-detector
    permission: EDIT

- name: Take the grant back
  mlops.mlflow.mlflow_permission:
    tracking_uri: https://mlflow.example.com
    username: admin
    password: "{{ vault_mlflow_admin_password }}"
    user: ci-churn
    registered_model: churn
    state: absent
'''

RETURN = r'''
grant:
  description: The user's own grant, or the group's, on the resource after the task (as it would be, in check mode).
  returned: always
  type: dict
  contains:
    user:
      description: Name of the user, as MLflow keeps it.
      returned: when O(user) is given
      type: str
      sample: ci-churn
    group:
      description: Name of the group.
      returned: when O(group) is given
      type: str
      sample: fraud-team
    resource_type:
      description: V(registered_model) or V(experiment).
      type: str
      sample: registered_model
    resource_id:
      description: The model's name or the experiment's ID.
      type: str
      sample: churn
    permission:
      description: The permission granted, or null when the user (or group) has no grant of its own there.
      type: str
      sample: EDIT
diff:
  description: The grant before and after, in diff mode.
  returned: when diff mode is on
  type: dict
'''

from urllib.parse import quote

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import (
    API3_PREFIX,
    API_PREFIX,
    MlflowApiError,
    MlflowClient,
    fail_from,
    mlflow_argument_spec,
)
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_auth import (
    PERMISSIONS,
    auth_app,
    get_user,
    own_role_name,
    permission_key,
    user_roles,
)


def resource(client, params):
    """(resource_type, resource_id) the task is about; a named or numbered experiment must exist."""
    if params["registered_model"]:
        return "registered_model", params["registered_model"]
    if params["experiment"]:
        found = client.exists("experiments/get-by-name", {"experiment_name": params["experiment"]})
        if not found:
            raise MlflowApiError("experiment %r does not exist; create it with mlops.mlflow.mlflow_experiment first"
                                 % params["experiment"])
        return "experiment", found["experiment"]["experiment_id"]
    found = client.exists("experiments/get", {"experiment_id": params["experiment_id"]})
    if not found:
        raise MlflowApiError("no experiment has experiment_id %r" % params["experiment_id"])
    return "experiment", found["experiment"]["experiment_id"]


class BasicAuthGrants:
    """A user's own grants in MLflow's basic-auth app: in the user's own role, under /api/3.0."""

    @staticmethod
    def user(client, name):
        user = get_user(client, name)
        if user is None:
            raise MlflowApiError("user %r does not exist in MLflow; create it with mlops.mlflow.mlflow_user first" % name)
        return user

    @staticmethod
    def read(client, user, key):
        """The user's own grant {"id", "permission", ...} on key, or None."""
        for role in user_roles(client, user["username"]):
            if role["name"] == own_role_name(user["id"]):
                return next((grant for grant in role.get("permissions", []) if permission_key(grant) == key), None)
        return None

    @staticmethod
    def write(client, user, key, grant, wanted):
        """Make the user's own grant on key `wanted` (None: no grant); False when another run changed it meanwhile."""
        body = dict(username=user["username"], resource_type=key[0], resource_id=key[1])
        if wanted is None:
            try:
                client.post(API3_PREFIX + "users/permissions/revoke", body)
            except MlflowApiError as exc:
                if exc.error_code != "RESOURCE_DOES_NOT_EXIST":  # revoked meanwhile by another run
                    raise
        elif grant:
            try:
                client.patch(API3_PREFIX + "roles/permissions/update", {"role_permission_id": grant["id"],
                                                                        "permission": wanted})
            except MlflowApiError as exc:
                if exc.error_code != "RESOURCE_DOES_NOT_EXIST":
                    raise
                return False  # revoked meanwhile by another run
        else:
            try:
                client.post(API3_PREFIX + "users/permissions/grant", dict(body, permission=wanted))
            except MlflowApiError as exc:
                if exc.error_code != "RESOURCE_ALREADY_EXISTS":
                    raise
                return False
        return True


class OidcGrants:
    """A user's grants in mlflow-oidc-auth: one per user and resource, at
    /api/2.0/mlflow/permissions/users/{user}/{registered-models|experiments}/{name or id}. The app calls DENY
    NO_PERMISSIONS; its errors carry no error_code, only the HTTP status."""

    KINDS = {"registered_model": ("registered-models", "registered_model_permission"),
             "experiment": ("experiments", "experiment_permission")}

    @staticmethod
    def user(client, name):
        """{"username", "is_admin", ...}: a person known from a login, or an account an administrator made.
        The app keeps names in lower case and matches them whatever the case (a provider may send
        Alice@Example.com at one login and alice@example.com at the next): so does this lookup."""
        found = client.get("users/details", {"search": name})
        user = next((user for user in found if str(user.get("username")).lower() == name.lower()), None)
        if user is None:
            raise MlflowApiError("user %r is not known to MLflow: with single sign-on a person becomes a user at "
                                 "their first login, and an administrator creates service accounts "
                                 "(docs/authentication.md)" % name)
        return user

    @classmethod
    def path(cls, subject, key):
        return API_PREFIX + "permissions/users/%s/%s/%s" % (quote(subject["username"], safe=""), cls.KINDS[key[0]][0],
                                                            quote(key[1], safe=""))

    @classmethod
    def read(cls, client, subject, key):
        try:
            grant = client.get(cls.path(subject, key))[cls.KINDS[key[0]][1]]
        except MlflowApiError as exc:
            if exc.status != 404:
                raise
            return None
        return cls.as_module_says(grant)

    @staticmethod
    def as_module_says(grant):
        return dict(grant, permission="DENY" if grant["permission"] == "NO_PERMISSIONS" else grant["permission"])

    @classmethod
    def write(cls, client, subject, key, grant, wanted):
        path = cls.path(subject, key)
        body = {"permission": "NO_PERMISSIONS" if wanted == "DENY" else wanted}
        try:
            if wanted is None:
                client.delete(path, None)
            elif grant:
                client.patch(path, body)
            else:
                client.post(path, body)
        except MlflowApiError as exc:
            if wanted is None and exc.status == 404:  # revoked meanwhile by another run
                return True
            # Granted (409) or revoked (404) meanwhile by another run.
            if wanted and exc.status == (404 if grant else 409):
                return False
            raise
        return True


class OidcGroupGrants(OidcGrants):
    """A group's grants in mlflow-oidc-auth, written at /api/2.0/mlflow/permissions/groups/{group}/...; the app
    reads them per resource, as the list of the groups with a grant there."""

    @staticmethod
    def group(client, name):
        if name not in client.get("permissions/groups"):
            raise MlflowApiError("group %r is not known to MLflow: a group comes to be when one of its members logs "
                                 "in with it in the groups claim, or when an administrator creates it "
                                 "(docs/authentication.md); its name is matched exactly" % name)
        return {"group_name": name, "is_admin": False}

    @classmethod
    def path(cls, subject, key):
        return API_PREFIX + "permissions/groups/%s/%s/%s" % (quote(subject["group_name"], safe=""),
                                                             cls.KINDS[key[0]][0], quote(key[1], safe=""))

    @classmethod
    def read(cls, client, subject, key):
        listed = client.get(API_PREFIX + "permissions/%s/%s/groups" % (cls.KINDS[key[0]][0], quote(key[1], safe="")))
        grant = next((item for item in listed if item.get("name") == subject["group_name"]), None)
        return grant and cls.as_module_says(grant)


# Reads and writes before giving up on a grant that others keep changing, or that the server says exists
# while showing none (a prompt of the same name holds the user's grant in mlflow-oidc-auth).
ATTEMPTS = 3


def ensure_grant(client, params, check_mode):
    """(changed, before, after, the user is an administrator) for the requested state, for a user or a group."""
    for option in ("user", "group"):
        if params.get(option) is not None and not params[option].strip():
            raise MlflowApiError("%s is empty; give the name of a %s" % (option, option))
    oidc = auth_app(client) == "oidc"
    if params.get("group") is not None:
        if not oidc:
            raise MlflowApiError("group %r: grants to groups come with single sign-on (mlflow_auth: oidc); with "
                                 "MLflow's basic-auth app, grant to a role with mlops.mlflow.mlflow_role"
                                 % params["group"])
        app = OidcGroupGrants
        subject = app.group(client, params["group"])
        facts = dict(group=subject["group_name"])
        who = "group %r" % params["group"]
        why = ""
    else:
        app = OidcGrants if oidc else BasicAuthGrants
        subject = app.user(client, params["user"])
        facts = dict(user=subject["username"])
        who = "user %r" % params["user"]
        why = " (a prompt of that name?)" if oidc else ""
    key = resource(client, params)
    facts.update(resource_type=key[0], resource_id=key[1])
    wanted = params["permission"] if params["state"] == "present" else None
    for _attempt in range(ATTEMPTS):
        grant = app.read(client, subject, key)
        before = dict(facts, permission=grant and grant["permission"])
        if before["permission"] == wanted:
            return False, before, before, subject["is_admin"]
        # False: another run granted or revoked meanwhile; read again and make it this one.
        if check_mode or app.write(client, subject, key, grant, wanted):
            return True, before, dict(facts, permission=wanted), subject["is_admin"]
    raise MlflowApiError("the grant of %s on %s %r changed under every one of %d attempts, or MLflow says it exists "
                         "while showing none%s; run the task again once other changes have settled"
                         % (who, key[0].replace("_", " "), key[1], ATTEMPTS, why))


def main():
    resources = ["registered_model", "experiment", "experiment_id"]
    module = AnsibleModule(
        argument_spec=mlflow_argument_spec(
            user=dict(type="str"),
            group=dict(type="str"),
            registered_model=dict(type="str"),
            experiment=dict(type="str"),
            experiment_id=dict(type="str"),
            permission=dict(type="str", choices=PERMISSIONS),
            state=dict(type="str", default="present", choices=["present", "absent"]),
        ),
        mutually_exclusive=[resources, ["user", "group"]],
        required_one_of=[resources, ["user", "group"]],
        required_if=[("state", "present", ["permission"])],
        supports_check_mode=True,
    )
    client = MlflowClient(module)
    try:
        changed, before, after, admin = ensure_grant(client, module.params, module.check_mode)
    except MlflowApiError as exc:
        fail_from(module, exc)
    if admin and after["permission"] not in (None, "MANAGE"):
        module.warn("user %r is an administrator: MLflow lets it do everything, whatever its permission %s on %s %r"
                    % (after["user"], after["permission"], after["resource_type"], after["resource_id"]))
    result = dict(changed=changed, grant=after)
    if module._diff:
        result["diff"] = dict(before=before, after=after)
    module.exit_json(**result)


if __name__ == "__main__":
    main()
