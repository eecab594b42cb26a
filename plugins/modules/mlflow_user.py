#!/usr/bin/python
# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mlflow_user
short_description: Create, update or delete a user of MLflow's basic authentication
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Makes sure a user of MLflow's basic-auth app (C(mlflow server --app-name basic-auth)) exists with the given
    password, administrator flag and roles, or does not exist.
  - The task must connect as an administrator (O(username) and O(password) of the connection options).
  - Give each pipeline its own user and grant it what it needs with M(mlops.mlflow.mlflow_permission) or a role
    of M(mlops.mlflow.mlflow_role), instead of sharing the administrator.
  - A server with single sign-on (mlflow-oidc-auth) has no such users; the task fails with a sentence saying so and
    changes nothing. Its people come from the identity provider; M(mlops.mlflow.mlflow_permission) grants them
    permissions.
extends_documentation_fragment:
  - mlops.mlflow.mlflow
attributes:
  check_mode:
    description: Reports what would change and changes nothing.
    support: full
  diff_mode:
    description: Returns the user before and after in RV(diff); never a password.
    support: full
options:
  name:
    description:
      - Name of the user.
    type: str
    required: true
  state:
    description:
      - V(present) creates the user or brings it in line; V(absent) deletes it with its own grants.
      - MLflow does not let a user delete itself; the task fails if O(name) is the user it connects as.
    type: str
    choices: [present, absent]
    default: present
  user_password:
    description:
      - The user's password; MLflow requires 12 characters or more.
      - Required to create a user.
      - To change the password of the user the task connects as (the administrator's own, for example), give the
        current password in O(password) and the new one here. The module sends the current password along, as
        MLflow requires for a change of one's own password.
    type: str
  update_password:
    description:
      - V(always) sets O(user_password) when it does not already work; the module logs in as the user to find out,
        so a password that works already is not a change. For the user the task connects as, it compares
        O(user_password) with O(password) instead, which the server has just accepted.
      - V(on_create) sets it only when the module creates the user, so that a password rotated elsewhere
        is kept.
    type: str
    choices: [always, on_create]
    default: always
  admin:
    description:
      - Whether the user is an administrator, who may do everything and manage users and permissions.
      - If not set, a new user is not an administrator and an existing user keeps its flag.
      - The module refuses to take the flag from the user it connects as.
    type: bool
  roles:
    description:
      - Names of roles of the workspace V(default), created with M(mlops.mlflow.mlflow_role), to assign to the user.
      - If not set, the user's roles are left as they are.
    type: list
    elements: str
  purge_roles:
    description:
      - Whether to unassign the roles that are not in O(roles). Has no effect when O(roles) is not set.
      - The user's own role, which holds the grants of M(mlops.mlflow.mlflow_permission), is never unassigned.
    type: bool
    default: false
notes:
  - MLflow's password check takes a password hash computation on the server; with O(update_password=always) the
    module makes one such check per run.
  - With the server's credential cache on (C(mlflow_auth_cache_ttl) of the mlflow_server role), a changed password
    can keep working on the server's other workers until the cache expires (MLflow clears it only in the worker
    that made the change), and the login check would take the old password as current until then. This is why
    the connecting user's own password is not checked by logging in.
seealso:
  - module: mlops.mlflow.mlflow_permission
  - module: mlops.mlflow.mlflow_role
'''

EXAMPLES = r'''
- name: A user for the churn model's deploy pipeline
  mlops.mlflow.mlflow_user:
    tracking_uri: https://mlflow.example.com
    username: admin
    password: "{{ vault_mlflow_admin_password }}"
    name: ci-churn
    user_password: "{{ vault_mlflow_ci_churn_password }}"

- name: Rotate the administrator's own password (then store the new one where the mlflow_server role reads it)
  mlops.mlflow.mlflow_user:
    tracking_uri: https://mlflow.example.com
    username: admin
    password: "{{ vault_mlflow_admin_password_old }}"
    name: admin
    user_password: "{{ vault_mlflow_admin_password }}"

- name: A reader of every experiment, through a role
  mlops.mlflow.mlflow_user:
    tracking_uri: https://mlflow.example.com
    username: admin
    password: "{{ vault_mlflow_admin_password }}"
    name: analyst
    user_password: "{{ vault_mlflow_analyst_password }}"
    update_password: on_create
    roles: [experiment-readers]

- name: Remove a user
  mlops.mlflow.mlflow_user:
    tracking_uri: https://mlflow.example.com
    username: admin
    password: "{{ vault_mlflow_admin_password }}"
    name: former-colleague
    state: absent
'''

RETURN = r'''
user:
  description: The user after the task (as it would be, in check mode); empty if it does not exist.
  returned: always
  type: dict
  contains:
    name:
      description: Name of the user.
      type: str
      sample: ci-churn
    id:
      description: MLflow's ID of the user; not known in check mode for a new user.
      type: int
      sample: 3
    admin:
      description: Whether the user is an administrator.
      type: bool
      sample: false
    roles:
      description: Names of the named roles assigned to the user (its own role left out), sorted.
      type: list
      elements: str
      sample: [experiment-readers]
password_changed:
  description: Whether the task set the user's password (or would, in check mode).
  returned: always
  type: bool
  sample: false
diff:
  description: The user before and after, in diff mode.
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
    DEFAULT_WORKSPACE,
    get_user,
    is_own_role,
    password_works,
    require_basic_auth,
    roles_by_name,
    user_roles,
)


def read_user(client, name):
    """(facts, {name: id} of its named roles in the default workspace), or (None, {}) when there is no such user."""
    user = get_user(client, name)
    if user is None:
        return None, {}
    roles = {role["name"]: role["id"] for role in user_roles(client, name)
             if role.get("workspace", DEFAULT_WORKSPACE) == DEFAULT_WORKSPACE and not is_own_role(role["name"])}
    return dict(name=user["username"], id=user.get("id"), admin=bool(user.get("is_admin")), roles=sorted(roles)), roles


def role_ids(client, names):
    """{name: id} of named roles of the default workspace; fails on a missing one before anything changes."""
    if not names:
        return {}
    roles = roles_by_name(client, DEFAULT_WORKSPACE)
    for name in names:
        if name not in roles:
            raise MlflowApiError("role %r does not exist in MLflow's workspace %r; create it with "
                                 "mlops.mlflow.mlflow_role first" % (name, DEFAULT_WORKSPACE))
    return {name: roles[name]["id"] for name in names}


def password_refused(exc):
    """MLflow's own words on a password it refuses (too short...), naming the option."""
    if exc.error_code == "INVALID_PARAMETER_VALUE":
        return MlflowApiError("MLflow refused user_password: %s" % exc.message.rpartition(": ")[2].rstrip("."),
                              exc.status, exc.error_code)
    return exc


def ensure_absent(client, name, before, check_mode):
    if before is None:
        return False, None, None, False
    if client.username == name:
        raise MlflowApiError("user %r is the user this task connects as, and MLflow does not let a user delete "
                             "itself; connect as another administrator" % name)
    if not check_mode:
        client.delete("users/delete", {"username": name})
    return True, before, None, False


def ensure_present(client, params, before, current_roles, check_mode):
    """(changed, before, after, password_changed) for state=present."""
    name, password, is_self = params["name"], params["user_password"], client.username == params["name"]
    if before is None and not password:
        raise MlflowApiError("user %r does not exist, and user_password is required to create it" % name)
    if params["admin"] is False and is_self:
        raise MlflowApiError("admin: false would take the administrator flag from %r, the user this task "
                             "connects as; connect as another administrator" % name)
    wanted_roles = role_ids(client, params["roles"] or [])
    to_assign = sorted(set(wanted_roles) - set(current_roles))
    to_unassign = sorted(set(current_roles) - set(wanted_roles)) if params["purge_roles"] and params["roles"] is not None else []
    current_admin = bool(before and before["admin"])
    admin = current_admin if params["admin"] is None else params["admin"]
    if before is None:
        new_password = True
    elif not password or params["update_password"] != "always":
        new_password = False
    elif is_self:
        # This task logs in with the user's current password: another one is a change. (A login probe
        # could be answered by another server worker's credential cache, mlflow_auth_cache_ttl, with
        # the password the user had before.)
        new_password = password != client.password
    else:
        new_password = not password_works(client, name, password)
    changed = before is None or new_password or admin != current_admin or bool(to_assign or to_unassign)
    after = dict(name=name, id=before and before["id"], admin=admin,
                 roles=sorted(set(current_roles) - set(to_unassign) | set(to_assign)))
    if check_mode or not changed:
        return changed, before, after, new_password
    if before is None:
        try:
            client.post("users/create", {"username": name, "password": password})
        except MlflowApiError as exc:
            if exc.error_code != "RESOURCE_ALREADY_EXISTS":
                raise password_refused(exc) from None
            # Created meanwhile by another run: converge that user instead.
            return ensure_present(client, params, *read_user(client, name), check_mode)
    if admin != current_admin:
        client.patch("users/update-admin", {"username": name, "is_admin": admin})
    for role in to_assign:
        try:
            client.post(API3_PREFIX + "roles/assign", {"username": name, "role_id": wanted_roles[role]})
        except MlflowApiError as exc:
            if exc.error_code != "RESOURCE_ALREADY_EXISTS":  # assigned meanwhile by another run
                raise
    for role in to_unassign:
        client.delete(API3_PREFIX + "roles/unassign", {"username": name, "role_id": current_roles[role]})
    if before is not None and new_password:
        # Last, because once the own password is changed the task's must be the new one.
        body = {"username": name, "password": password}
        if is_self:
            body["current_password"] = client.password
        try:
            client.patch("users/update-password", body)
        except MlflowApiError as exc:
            raise password_refused(exc) from None
        if is_self:
            client.password = password
    after, _roles = read_user(client, name)
    return True, before, after, new_password


def ensure_user(client, params, check_mode):
    """(changed, before, after, password_changed) for the requested state."""
    before, current_roles = read_user(client, params["name"])
    if params["state"] == "absent":
        return ensure_absent(client, params["name"], before, check_mode)
    return ensure_present(client, params, before, current_roles, check_mode)


def main():
    module = AnsibleModule(
        argument_spec=mlflow_argument_spec(
            name=dict(type="str", required=True),
            state=dict(type="str", default="present", choices=["present", "absent"]),
            user_password=dict(type="str", no_log=True),
            update_password=dict(type="str", default="always", choices=["always", "on_create"], no_log=False),
            admin=dict(type="bool"),
            roles=dict(type="list", elements="str"),
            purge_roles=dict(type="bool", default=False),
        ),
        supports_check_mode=True,
    )
    client = MlflowClient(module)
    try:
        require_basic_auth(client, "mlops.mlflow.mlflow_user")
        changed, before, after, password_changed = ensure_user(client, module.params, module.check_mode)
    except MlflowApiError as exc:
        fail_from(module, exc)
    result = dict(changed=changed, user=after or {}, password_changed=password_changed)
    if module._diff:
        result["diff"] = dict(before=before or {}, after=after or {})
    module.exit_json(**result)


if __name__ == "__main__":
    main()
