#!/usr/bin/python
# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mlflow_role
short_description: Create, update or delete a role of MLflow's basic authentication, with its permissions
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Makes sure a role of MLflow's basic-auth app (MLflow 3.17 or later) exists with the given description and
    permissions, or does not exist.
  - A role's permission applies to every resource of a type whose name or ID matches a pattern, V(*) for all of
    them. Assign roles to users with the O(mlops.mlflow.mlflow_user#module:roles) option of
    M(mlops.mlflow.mlflow_user).
  - The task must connect as an administrator.
  - A server with single sign-on (mlflow-oidc-auth) has no such roles; the task fails with a sentence saying so and
    changes nothing; there, M(mlops.mlflow.mlflow_permission) grants to users, and the identity provider's groups
    carry the rest.
extends_documentation_fragment:
  - mlops.mlflow.mlflow
attributes:
  check_mode:
    description: Reports what would change and changes nothing.
    support: full
  diff_mode:
    description: Returns the role before and after in RV(diff).
    support: full
options:
  name:
    description:
      - Name of the role. Names of the form C(__user_<id>__) belong to the users' own roles, which
        M(mlops.mlflow.mlflow_permission) manages; the module refuses them.
    type: str
    required: true
  workspace:
    description:
      - MLflow workspace of the role. Without MLflow's workspaces feature every role is in V(default).
    type: str
    default: default
  description:
    description:
      - Description of the role. If not set, a new role has none and an existing one keeps its own.
    type: str
  permissions:
    description:
      - Permissions of the role, one per resource type and pattern.
      - If not set, the role's permissions are left as they are.
    type: list
    elements: dict
    suboptions:
      resource_type:
        description:
          - The kind of resource, for example V(experiment), V(registered_model), V(prompt), V(run),
            V(registered_model_version) or V(workspace); MLflow checks the name.
        type: str
        required: true
      resource_pattern:
        description:
          - An experiment ID, a model name or V(*) for every resource of the type. MLflow accepts only V(*) for
            V(workspace) and for the kinds of resource inside another (V(run), V(registered_model_version)...).
        type: str
        default: "*"
      permission:
        description:
          - V(READ), V(USE), V(EDIT), V(MANAGE) or V(DENY), as in M(mlops.mlflow.mlflow_permission).
            MLflow takes only V(USE) and V(MANAGE) for V(workspace).
        type: str
        required: true
        choices: [READ, USE, EDIT, MANAGE, DENY]
  purge_permissions:
    description:
      - Whether to remove the role's permissions that are not in O(permissions). Has no effect when O(permissions)
        is not set.
    type: bool
    default: false
  state:
    description:
      - V(present) creates the role or brings it in line; V(absent) deletes it, which also unassigns it from
        every user.
    type: str
    choices: [present, absent]
    default: present
seealso:
  - module: mlops.mlflow.mlflow_user
  - module: mlops.mlflow.mlflow_permission
'''

EXAMPLES = r'''
- name: Analysts read every experiment and every registered model
  mlops.mlflow.mlflow_role:
    tracking_uri: https://mlflow.example.com
    username: admin
    password: "{{ vault_mlflow_admin_password }}"
    name: analysts
    description: Read-only access for the analytics team
    permissions:
      - {resource_type: experiment, permission: READ}
      - {resource_type: registered_model, permission: READ}
    purge_permissions: true

- name: Remove a role
  mlops.mlflow.mlflow_role:
    tracking_uri: https://mlflow.example.com
    username: admin
    password: "{{ vault_mlflow_admin_password }}"
    name: interns
    state: absent
'''

RETURN = r'''
role:
  description: The role after the task (as it would be, in check mode); empty if it does not exist.
  returned: always
  type: dict
  contains:
    id:
      description: MLflow's ID of the role; not known in check mode for a new role.
      type: int
      sample: 4
    name:
      description: Name of the role.
      type: str
      sample: analysts
    workspace:
      description: Workspace of the role.
      type: str
      sample: default
    description:
      description: Description of the role.
      type: str
      sample: Read-only access for the analytics team
    permissions:
      description: Permissions of the role, sorted by resource type and pattern.
      type: list
      elements: dict
      sample: [{"resource_type": "experiment", "resource_pattern": "*", "permission": "READ"}]
diff:
  description: The role before and after, in diff mode.
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
    find_role,
    is_own_role,
    permission_key,
    require_basic_auth,
)


def role_facts(role):
    return dict(id=role.get("id"), name=role["name"], workspace=role["workspace"],
                description=role.get("description") or "",
                permissions=sorted((dict(resource_type=grant["resource_type"],
                                         resource_pattern=str(grant["resource_pattern"]),
                                         permission=grant["permission"]) for grant in role.get("permissions", [])),
                                   key=permission_key))


def permission_changes(current, desired, purge):
    """(to add, to update {id: permission}, ids to remove) taking the role's grants to desired."""
    by_key = {permission_key(grant): grant for grant in current}
    to_add, to_update = [], {}
    for grant in desired or []:
        existing = by_key.get(permission_key(grant))
        if existing is None:
            to_add.append(grant)
        elif existing["permission"] != grant["permission"]:
            to_update[existing["id"]] = grant["permission"]
    wanted = {permission_key(grant) for grant in desired or []}
    to_remove = [grant["id"] for key, grant in sorted(by_key.items()) if key not in wanted] if purge and desired is not None else []
    return to_add, to_update, to_remove


def desired_permissions(params):
    """The permissions option without duplicates; two permissions for one type and pattern are an error."""
    seen = {}
    for grant in params["permissions"] or []:
        key = permission_key(grant)
        if key in seen and seen[key] != grant["permission"]:
            raise MlflowApiError("permissions lists %s %r twice, as %s and as %s; keep one" % (
                key[0], key[1], seen[key], grant["permission"]))
        seen[key] = grant["permission"]
    if params["permissions"] is None:
        return None
    return [dict(resource_type=key[0], resource_pattern=key[1], permission=permission) for key, permission in seen.items()]


def ensure_role(client, params, check_mode):
    """(changed, before, after) for the requested state."""
    name, workspace = params["name"], params["workspace"]
    if is_own_role(name):
        raise MlflowApiError("role %r is a user's own role; manage its grants with mlops.mlflow.mlflow_permission"
                             % name)
    desired = desired_permissions(params)
    current = find_role(client, name, workspace)
    before = role_facts(current) if current else None
    if params["state"] == "absent":
        if current is None:
            return False, None, None
        if not check_mode:
            try:
                client.delete(API3_PREFIX + "roles/delete", {"role_id": current["id"]})
            except MlflowApiError as exc:
                if exc.error_code != "RESOURCE_DOES_NOT_EXIST":
                    raise
        return True, before, None
    if current is None:
        if check_mode:
            return True, None, role_facts(dict(name=name, workspace=workspace, description=params["description"],
                                               permissions=desired or []))
        body = dict(workspace=workspace, name=name)
        if params["description"] is not None:
            body["description"] = params["description"]
        try:
            current = client.post(API3_PREFIX + "roles/create", body)["role"]
        except MlflowApiError as exc:
            if exc.error_code != "RESOURCE_ALREADY_EXISTS":
                raise
            current = find_role(client, name, workspace)  # created meanwhile by another run: converge that one
    new_description = params["description"] is not None and (current.get("description") or "") != params["description"]
    to_add, to_update, to_remove = permission_changes(current.get("permissions", []), desired,
                                                      params["purge_permissions"])
    changed = before is None or new_description or bool(to_add or to_update or to_remove)
    if check_mode or not changed:
        kept = [grant for grant in current.get("permissions", []) if grant["id"] not in to_remove]
        kept = [dict(grant, permission=to_update.get(grant["id"], grant["permission"])) for grant in kept]
        return changed, before, role_facts(dict(current, permissions=kept + to_add, description=(
            params["description"] if new_description else current.get("description"))))
    if new_description:
        client.patch(API3_PREFIX + "roles/update", {"role_id": current["id"], "description": params["description"]})
    for grant in to_add:
        try:
            client.post(API3_PREFIX + "roles/permissions/add", dict(grant, role_id=current["id"]))
        except MlflowApiError as exc:
            if exc.error_code != "RESOURCE_ALREADY_EXISTS":
                raise
    for grant_id, permission in to_update.items():
        client.patch(API3_PREFIX + "roles/permissions/update", {"role_permission_id": grant_id,
                                                                "permission": permission})
    for grant_id in to_remove:
        client.delete(API3_PREFIX + "roles/permissions/remove", {"role_permission_id": grant_id})
    return True, before, role_facts(find_role(client, name, workspace))


def main():
    module = AnsibleModule(
        argument_spec=mlflow_argument_spec(
            name=dict(type="str", required=True),
            workspace=dict(type="str", default="default"),
            description=dict(type="str"),
            permissions=dict(type="list", elements="dict", options=dict(
                resource_type=dict(type="str", required=True),
                resource_pattern=dict(type="str", default="*"),
                permission=dict(type="str", required=True, choices=PERMISSIONS),
            )),
            purge_permissions=dict(type="bool", default=False),
            state=dict(type="str", default="present", choices=["present", "absent"]),
        ),
        supports_check_mode=True,
    )
    client = MlflowClient(module)
    try:
        require_basic_auth(client, "mlops.mlflow.mlflow_role")
        changed, before, after = ensure_role(client, module.params, module.check_mode)
    except MlflowApiError as exc:
        fail_from(module, exc)
    result = dict(changed=changed, role=after or {})
    if module._diff:
        result["diff"] = dict(before=before or {}, after=after or {})
    module.exit_json(**result)


if __name__ == "__main__":
    main()
