#!/usr/bin/python
# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mlflow_experiment
short_description: Create, tag, delete or restore an MLflow experiment
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Makes sure an MLflow experiment exists with the given tags, is deleted, or is restored after a deletion.
  - MLflow deletes experiments softly; a deleted experiment keeps its name, runs and artifacts until
    C(mlflow gc) removes it for good.
extends_documentation_fragment:
  - mlops.mlflow.mlflow
attributes:
  check_mode:
    description: Reports what would change and changes nothing.
    support: full
  diff_mode:
    description: Returns the experiment before and after in RV(diff).
    support: full
options:
  name:
    description:
      - Name of the experiment.
    type: str
    required: true
  state:
    description:
      - V(present) creates the experiment or brings its tags in line. It fails on a deleted experiment,
        whose name MLflow keeps taken; use V(restored) for that.
      - V(absent) deletes the experiment (softly); a missing or already deleted experiment is not an error.
      - V(restored) restores a deleted experiment and brings its tags in line; an active one is left as is.
        It fails if the experiment does not exist at all.
    type: str
    choices: [present, absent, restored]
    default: present
  artifact_location:
    description:
      - Where the experiment's runs store artifacts, for example V(s3://bucket/path).
        If not set, the server's default artifact root is used.
      - Only used when the experiment is created; MLflow cannot move an existing experiment's artifacts,
        so a different location on an existing experiment gives a warning, not a change.
    type: str
  tags:
    description:
      - Tags to set on the experiment. Keys and values must be strings; quote numbers and booleans.
      - If not set, the current tags are kept.
    type: dict
  purge_tags:
    description:
      - Whether to delete tags that are not in O(tags). Has no effect when O(tags) is not set.
    type: bool
    default: false
'''

EXAMPLES = r'''
- name: An experiment whose artifacts go to S3
  mlops.mlflow.mlflow_experiment:
    tracking_uri: https://mlflow.example.com
    name: churn-training
    artifact_location: s3://ml-artifacts/churn-training
    tags:
      team: growth

- name: Delete an experiment (MLflow keeps it, deleted, until mlflow gc)
  mlops.mlflow.mlflow_experiment:
    tracking_uri: https://mlflow.example.com
    name: scratch
    state: absent

- name: Bring back a deleted experiment
  mlops.mlflow.mlflow_experiment:
    tracking_uri: https://mlflow.example.com
    name: scratch
    state: restored
'''

RETURN = r'''
experiment:
  description:
    - The experiment after the task (as it would be, in check mode); empty if it does not exist.
    - A deleted experiment is returned with RV(experiment.lifecycle_stage=deleted).
  returned: always
  type: dict
  contains:
    experiment_id:
      description: ID of the experiment; not known in check mode for a new experiment.
      type: str
      sample: "12"
    name:
      description: Name of the experiment.
      type: str
      sample: churn-training
    artifact_location:
      description: Where the experiment's runs store artifacts.
      type: str
      sample: s3://ml-artifacts/churn-training
    lifecycle_stage:
      description: V(active) or V(deleted).
      type: str
      sample: active
    tags:
      description: Tags of the experiment.
      type: dict
      sample: {"team": "growth"}
    creation_time:
      description: Creation time in milliseconds since the epoch.
      type: int
      sample: 1767225600000
    last_update_time:
      description: Last update time in milliseconds since the epoch.
      type: int
      sample: 1767225600000
diff:
  description: The experiment before and after, in diff mode.
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: The experiment before the task, empty if it did not exist.
      type: dict
    after:
      description: The experiment after the task.
      type: dict
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import (
    MlflowApiError,
    MlflowClient,
    fail_from,
    mlflow_argument_spec,
    tag_changes,
    tags_after,
    tags_to_dict,
    tags_to_list,
    validate_tags,
)


def experiment_facts(raw):
    return dict(
        experiment_id=raw.get("experiment_id"),
        name=raw["name"],
        artifact_location=raw.get("artifact_location", ""),
        lifecycle_stage=raw.get("lifecycle_stage", "active"),
        tags=tags_to_dict(raw.get("tags")),
        creation_time=raw.get("creation_time"),
        last_update_time=raw.get("last_update_time"),
    )


def get_experiment(client, name):
    # get-by-name also finds deleted experiments.
    found = client.exists("experiments/get-by-name", {"experiment_name": name})
    return experiment_facts(found["experiment"]) if found else None


def location_warning(current, artifact_location):
    """A warning when an existing experiment stores artifacts somewhere else than asked, else None."""
    if current and artifact_location and current["artifact_location"].rstrip("/") != artifact_location.rstrip("/"):
        return ("experiment %r keeps its artifact_location %r; MLflow cannot move it to %r, so it was left as is"
                % (current["name"], current["artifact_location"], artifact_location))
    return None


def create(client, params, check_mode):
    """(changed, before, after) for a missing experiment, or None if a concurrent run created it first."""
    if check_mode:
        return True, None, experiment_facts(dict(name=params["name"], artifact_location=params["artifact_location"],
                                                 tags=tags_to_list(params["tags"])))
    body = dict(name=params["name"], tags=tags_to_list(params["tags"]))
    if params["artifact_location"]:
        body["artifact_location"] = params["artifact_location"]
    try:
        client.post("experiments/create", body)
    except MlflowApiError as exc:
        if exc.error_code != "RESOURCE_ALREADY_EXISTS":
            raise
        return None
    return True, None, get_experiment(client, params["name"])


def ensure_absent(client, current, check_mode):
    if current is None or current["lifecycle_stage"] == "deleted":
        return False, current, current
    if check_mode:
        return True, current, dict(current, lifecycle_stage="deleted")
    client.post("experiments/delete", {"experiment_id": current["experiment_id"]})
    return True, current, get_experiment(client, current["name"])


def ensure_active(client, current, params, check_mode):
    """(changed, before, after) for state present or restored on an existing experiment."""
    name, deleted = params["name"], current["lifecycle_stage"] == "deleted"
    if deleted and params["state"] == "present":
        raise MlflowApiError("experiment %r is deleted, and MLflow keeps its name taken; use state=restored to "
                             "bring it back, or remove it for good with mlflow gc first" % name)
    to_set, to_delete = tag_changes(current["tags"], params["tags"], params["purge_tags"])
    changed = deleted or bool(to_set or to_delete)
    if check_mode or not changed:
        return changed, current, dict(current, lifecycle_stage="active",
                                      tags=tags_after(current["tags"], to_set, to_delete))
    experiment_id = current["experiment_id"]
    if deleted:
        client.post("experiments/restore", {"experiment_id": experiment_id})
    for key, value in to_set.items():
        client.post("experiments/set-experiment-tag", {"experiment_id": experiment_id, "key": key, "value": value})
    for key in to_delete:
        client.post("experiments/delete-experiment-tag", {"experiment_id": experiment_id, "key": key})
    return True, current, get_experiment(client, name)


def ensure_experiment(client, params, check_mode):
    """(changed, before, after) for the requested state."""
    current = get_experiment(client, params["name"])
    if params["state"] == "absent":
        return ensure_absent(client, current, check_mode)
    if current is None:
        if params["state"] == "restored":
            raise MlflowApiError("experiment %r does not exist, so it cannot be restored; use state=present to "
                                 "create it" % params["name"])
        result = create(client, params, check_mode)
        if result:
            return result
        current = get_experiment(client, params["name"])  # created by a concurrent run: converge that one
    return ensure_active(client, current, params, check_mode)


def main():
    module = AnsibleModule(
        argument_spec=mlflow_argument_spec(
            name=dict(type="str", required=True),
            state=dict(type="str", default="present", choices=["present", "absent", "restored"]),
            artifact_location=dict(type="str"),
            tags=dict(type="dict"),
            purge_tags=dict(type="bool", default=False),
        ),
        supports_check_mode=True,
    )
    validate_tags(module, module.params["tags"])
    client = MlflowClient(module)
    try:
        changed, before, after = ensure_experiment(client, module.params, module.check_mode)
    except MlflowApiError as exc:
        fail_from(module, exc)
    warning = location_warning(before, module.params["artifact_location"])
    if warning:
        module.warn(warning)
    result = dict(changed=changed, experiment=after or {})
    if module._diff:
        result["diff"] = dict(before=before or {}, after=after or {})
    module.exit_json(**result)


if __name__ == "__main__":
    main()
