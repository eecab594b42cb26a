#!/usr/bin/python
# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mlflow_permission
short_description: Grant or revoke one user's permission on an MLflow experiment or registered model
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Makes sure a user of MLflow's basic-auth app has the given permission on one experiment or one registered
    model, or has no grant of its own there.
  - MLflow keeps these grants in the user's own role (C(__user_<id>__)); grants through named roles
    (M(mlops.mlflow.mlflow_role)) and the server's C(default_permission) add to them. V(DENY) wins over any other
    grant, and an administrator may do everything whatever its grants.
  - The task must connect as an administrator.
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
      - Name of the user, created with M(mlops.mlflow.mlflow_user) or otherwise.
    type: str
    required: true
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
      - V(present) grants O(permission), replacing another permission the user had there.
      - V(absent) removes the user's own grant there, if any. Grants through roles stay.
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
  description: The user's own grant on the resource after the task (as it would be, in check mode).
  returned: always
  type: dict
  contains:
    user:
      description: Name of the user.
      type: str
      sample: ci-churn
    resource_type:
      description: V(registered_model) or V(experiment).
      type: str
      sample: registered_model
    resource_id:
      description: The model's name or the experiment's ID.
      type: str
      sample: churn
    permission:
      description: The permission granted, or null when the user has no grant of its own there.
      type: str
      sample: EDIT
diff:
  description: The grant before and after, in diff mode.
  returned: when diff mode is on
  type: dict
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import (
    API3_PREFIX,
    MlflowApiError,
    MlflowClient,
    fail_from,
    mlflow_argument_spec,
)
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_auth import (
    PERMISSIONS,
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
    if not client.exists("experiments/get", {"experiment_id": params["experiment_id"]}):
        raise MlflowApiError("no experiment has experiment_id %r" % params["experiment_id"])
    return "experiment", params["experiment_id"]


def own_grant(client, user, key):
    """The user's own grant {"id", "permission", ...} on (resource_type, resource_id), or None."""
    for role in user_roles(client, user["username"]):
        if role["name"] == own_role_name(user["id"]):
            return next((grant for grant in role.get("permissions", []) if permission_key(grant) == key), None)
    return None


def ensure_grant(client, params, check_mode):
    """(changed, before, after, the user is an administrator) for the requested state."""
    user = get_user(client, params["user"])
    if user is None:
        raise MlflowApiError("user %r does not exist in MLflow; create it with mlops.mlflow.mlflow_user first"
                             % params["user"])
    key = resource(client, params)
    grant = own_grant(client, user, key)
    facts = dict(user=user["username"], resource_type=key[0], resource_id=key[1])
    before = dict(facts, permission=grant and grant["permission"])
    wanted = params["permission"] if params["state"] == "present" else None
    after = dict(facts, permission=wanted)
    if before["permission"] == wanted:
        return False, before, before, user["is_admin"]
    if not check_mode:
        body = dict(username=user["username"], resource_type=key[0], resource_id=key[1])
        if wanted is None:
            try:
                client.post(API3_PREFIX + "users/permissions/revoke", body)
            except MlflowApiError as exc:
                if exc.error_code != "RESOURCE_DOES_NOT_EXIST":  # revoked meanwhile by another run
                    raise
        elif grant:
            client.patch(API3_PREFIX + "roles/permissions/update", {"role_permission_id": grant["id"],
                                                                    "permission": wanted})
        else:
            try:
                client.post(API3_PREFIX + "users/permissions/grant", dict(body, permission=wanted))
            except MlflowApiError as exc:
                if exc.error_code != "RESOURCE_ALREADY_EXISTS":
                    raise
                # Granted meanwhile by another run: make it this one.
                return ensure_grant(client, params, check_mode)
    return True, before, after, user["is_admin"]


def main():
    resources = ["registered_model", "experiment", "experiment_id"]
    module = AnsibleModule(
        argument_spec=mlflow_argument_spec(
            user=dict(type="str", required=True),
            registered_model=dict(type="str"),
            experiment=dict(type="str"),
            experiment_id=dict(type="str"),
            permission=dict(type="str", choices=PERMISSIONS),
            state=dict(type="str", default="present", choices=["present", "absent"]),
        ),
        mutually_exclusive=[resources],
        required_one_of=[resources],
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
