#!/usr/bin/python
# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mlflow_registered_model
short_description: Create, update, rename or delete a registered model in MLflow's model registry
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Makes sure a registered model exists with the given description and tags, or does not exist.
  - Can rename an existing model with O(rename_from).
  - Model versions and aliases are managed by M(mlops.mlflow.mlflow_model_version) and
    M(mlops.mlflow.mlflow_model_alias).
extends_documentation_fragment:
  - mlops.mlflow.mlflow
attributes:
  check_mode:
    description: Reports what would change and changes nothing.
    support: full
  diff_mode:
    description: Returns the model before and after in RV(diff).
    support: full
options:
  name:
    description:
      - Name of the registered model.
    type: str
    required: true
  state:
    description:
      - V(present) creates the model or brings its description and tags in line.
      - V(absent) deletes the model B(with all its versions); a missing model is not an error.
      - A model that carries aliases is not deleted unless O(force=true), because its aliases are what
        serving code loads (C(models:/NAME@champion)).
    type: str
    choices: [present, absent]
    default: present
  force:
    description:
      - With O(state=absent), delete the model even when aliases point at its versions.
    type: bool
    default: false
  description:
    description:
      - Description of the model. V("") clears it; if not set, the current description is kept.
    type: str
  tags:
    description:
      - Tags to set on the model. Keys and values must be strings; quote numbers and booleans.
      - If not set, the current tags are kept.
    type: dict
  purge_tags:
    description:
      - Whether to delete tags that are not in O(tags). Has no effect when O(tags) is not set.
    type: bool
    default: false
  rename_from:
    description:
      - Name the model had before. If O(name) does not exist and O(rename_from) does, the model is renamed
        to O(name), keeping its versions, aliases and tags; if O(rename_from) is gone too, O(name) is created.
      - If both exist the task fails, because it cannot tell which one to keep.
      - Only with O(state=present).
    type: str
notes:
  - Tags are reconciled with one request per changed tag; MLflow has no call that sets them all at once.
'''

EXAMPLES = r'''
- name: Registry tasks share one connection
  module_defaults:
    group/mlops.mlflow.mlflow:
      tracking_uri: https://mlflow.example.com
      username: deployer
      password: "{{ vault_mlflow_password }}"
  block:
    - name: A registered model with a description and tags
      mlops.mlflow.mlflow_registered_model:
        name: churn-classifier
        description: Predicts churn from the last 90 days of activity.
        tags:
          team: growth
          tier: "1"

    - name: Only the listed tags, nothing else
      mlops.mlflow.mlflow_registered_model:
        name: churn-classifier
        tags:
          team: growth
        purge_tags: true

    - name: Rename a model, keeping its versions and aliases
      mlops.mlflow.mlflow_registered_model:
        name: churn-classifier
        rename_from: churn-model

    - name: Delete a model and all its versions (refused while aliases point at them, unless force)
      mlops.mlflow.mlflow_registered_model:
        name: scratch-model
        state: absent
'''

RETURN = r'''
registered_model:
  description: The model as MLflow stores it after the task (as it would be, in check mode); empty when absent.
  returned: always
  type: dict
  contains:
    name:
      description: Name of the model.
      type: str
      sample: churn-classifier
    description:
      description: Description of the model, V("") when none.
      type: str
      sample: Predicts churn from the last 90 days of activity.
    tags:
      description: Tags of the model.
      type: dict
      sample: {"team": "growth"}
    aliases:
      description: Aliases of the model, each mapped to the version it points to.
      type: dict
      sample: {"champion": "3"}
    latest_versions:
      description: Latest version of the model per stage, as MLflow returns them.
      type: list
      elements: dict
    creation_timestamp:
      description: Creation time in milliseconds since the epoch; not known in check mode for a new model.
      type: int
      sample: 1767225600000
    last_updated_timestamp:
      description: Last update time in milliseconds since the epoch.
      type: int
      sample: 1767225600000
diff:
  description: The model before and after, in diff mode.
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: The model before the task, empty if it did not exist.
      type: dict
    after:
      description: The model after the task, empty if it was deleted.
      type: dict
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import (
    MlflowApiError,
    MlflowClient,
    alias_list,
    fail_from,
    mlflow_argument_spec,
    registered_model_facts,
    tag_changes,
    tags_after,
    tags_to_list,
    validate_tags,
)


def get_model(client, name):
    found = client.exists("registered-models/get", {"name": name})
    return registered_model_facts(found["registered_model"]) if found else None


def new_model(name, description, tags):
    """A model as create would make it, for check mode and diff."""
    return registered_model_facts(dict(name=name, description=description or "", tags=tags_to_list(tags)))


def model_changes(current, description, tags, purge_tags):
    """(description to write or None, tags to set, tag keys to delete) to bring current in line."""
    if description is not None and description == current["description"]:
        description = None
    return (description,) + tag_changes(current["tags"], tags, purge_tags)


def predicted(current, description, to_set, to_delete):
    """current with the changes applied, as the server would return it."""
    return dict(current, tags=tags_after(current["tags"], to_set, to_delete),
                description=current["description"] if description is None else description)


def find_current(client, name, rename_from, check_mode):
    """(the model called name or None, the model as it was before being renamed to name or None)."""
    current = get_model(client, name)
    old = get_model(client, rename_from) if rename_from and rename_from != name else None
    if current and old:
        raise MlflowApiError("both registered models %r and %r exist, so %r cannot be renamed to %r; delete one "
                             "of them or drop rename_from" % (name, rename_from, rename_from, name))
    if old is None:
        return current, None
    if check_mode:
        return dict(old, name=name), old
    renamed = client.post("registered-models/rename", {"name": rename_from, "new_name": name})
    return registered_model_facts(renamed["registered_model"]), old


def ensure_present(client, params, check_mode):
    """(changed, before, after) for state=present."""
    name, description, tags = params["name"], params["description"], params["tags"]
    current, renamed = find_current(client, name, params["rename_from"], check_mode)
    before = renamed or current
    if current is None:
        if check_mode:
            return True, None, new_model(name, description, tags)
        body = dict(name=name, description=description, tags=tags_to_list(tags))
        try:
            client.post("registered-models/create", {k: v for k, v in body.items() if v is not None})
            return True, None, get_model(client, name)
        except MlflowApiError as exc:
            if exc.error_code != "RESOURCE_ALREADY_EXISTS":
                raise
            # Created by a concurrent run since we looked: converge that one.
            current = before = get_model(client, name)
    new_description, to_set, to_delete = model_changes(current, description, tags, params["purge_tags"])
    changed = renamed is not None or new_description is not None or bool(to_set or to_delete)
    if check_mode or not changed:
        return changed, before, predicted(current, new_description, to_set, to_delete)
    if new_description is not None:
        client.patch("registered-models/update", {"name": name, "description": new_description})
    for key, value in to_set.items():
        client.post("registered-models/set-tag", {"name": name, "key": key, "value": value})
    for key in to_delete:
        client.delete("registered-models/delete-tag", {"name": name, "key": key})
    return True, before, get_model(client, name)


def ensure_absent(client, params, check_mode):
    """(changed, before, after) for state=absent."""
    current = get_model(client, params["name"])
    if current and current["aliases"] and not params["force"]:
        raise MlflowApiError(
            "registered model %r was not deleted: aliases point at its versions (%s), and deleting the model "
            "deletes every version; move or remove the aliases with mlops.mlflow.mlflow_model_alias first, or "
            "set force: true" % (params["name"], alias_list(current["aliases"])))
    if current and not check_mode:
        client.delete("registered-models/delete", {"name": params["name"]})
    return current is not None, current, None


def main():
    module = AnsibleModule(
        argument_spec=mlflow_argument_spec(
            name=dict(type="str", required=True),
            state=dict(type="str", default="present", choices=["present", "absent"]),
            description=dict(type="str"),
            tags=dict(type="dict"),
            purge_tags=dict(type="bool", default=False),
            rename_from=dict(type="str"),
            force=dict(type="bool", default=False),
        ),
        supports_check_mode=True,
    )
    validate_tags(module, module.params["tags"])
    if module.params["state"] == "absent" and module.params["rename_from"]:
        module.fail_json(msg="rename_from only applies to state=present")
    client = MlflowClient(module)
    ensure = ensure_present if module.params["state"] == "present" else ensure_absent
    try:
        changed, before, after = ensure(client, module.params, module.check_mode)
    except MlflowApiError as exc:
        fail_from(module, exc)
    result = dict(changed=changed, registered_model=after or {})
    if module._diff:
        result["diff"] = dict(before=before or {}, after=after or {})
    module.exit_json(**result)


if __name__ == "__main__":
    main()
