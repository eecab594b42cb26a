#!/usr/bin/python
# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mlflow_model_version_info
short_description: Read model versions from MLflow's model registry
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Returns one version by O(name) and O(version) or O(alias), the versions matching an MLflow search
    O(filter), or every version of the model O(name).
  - Something missing (model, version, alias) gives an empty RV(model_versions), not a failure.
  - Changes nothing.
extends_documentation_fragment:
  - mlops.mlflow.mlflow
attributes:
  check_mode:
    description: Runs the same in check mode; it only reads.
    support: full
  diff_mode:
    description: Reads only, so there is nothing to diff.
    support: N/A
options:
  name:
    description:
      - Name of the registered model. Alone, every version of the model is returned.
      - With O(filter), only that model's versions matching the filter.
    type: str
  version:
    description:
      - Number of one version of O(name).
      - Mutually exclusive with O(alias) and O(filter).
    type: int
  alias:
    description:
      - Alias of O(name); returns the version it points to.
      - Mutually exclusive with O(version) and O(filter).
    type: str
  filter:
    description:
      - MLflow search filter over C(name), C(version_number), C(run_id), C(source_path) and C(tags.KEY),
        for example V(run_id = '0a1b2c') or V(tags.validation = 'passed'); conditions are joined with C(AND).
      - A filter the server rejects fails the task with the server's reason.
      - One of O(name) and O(filter) is required.
    type: str
'''

EXAMPLES = r'''
- name: The version the champion alias points to
  mlops.mlflow.mlflow_model_version_info:
    tracking_uri: https://mlflow.example.com
    name: fraud-detector
    alias: champion
  register: champion

- name: Versions of fraud-detector that passed validation
  mlops.mlflow.mlflow_model_version_info:
    name: fraud-detector
    filter: tags.validation = 'passed'
  register: validated

- name: Every version registered from one run, in any model
  mlops.mlflow.mlflow_model_version_info:
    filter: run_id = '{{ run_id }}'
  register: from_run
'''

RETURN = r'''
model_versions:
  description: The versions found, highest version number first; empty if none.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the registered model.
      type: str
      sample: fraud-detector
    version:
      description: Version number, as a string like MLflow returns it.
      type: str
      sample: "7"
    source:
      description: Source URI as MLflow stored it.
      type: str
      sample: runs:/0a1b2c/model
    run_id:
      description: Run the version came from, V(null) if none.
      type: str
      sample: 0a1b2c
    model_id:
      description: MLflow 3 logged model the version came from, V(null) if none or if the server does not say.
      type: str
      sample: m-0a1b2c
    status:
      description: C(READY), C(PENDING_REGISTRATION) or C(FAILED_REGISTRATION).
      type: str
      sample: READY
    status_message:
      description: What MLflow says about the status, V(null) if nothing.
      type: str
    description:
      description: Description of the version, V("") when none.
      type: str
      sample: Trained on the March data
    tags:
      description: Tags of the version.
      type: dict
      sample: {"validation": "passed"}
    aliases:
      description: Aliases that point to this version.
      type: list
      elements: str
      sample: ["champion"]
    current_stage:
      description: Stage of the version (deprecated in MLflow).
      type: str
      sample: None
    creation_timestamp:
      description: Creation time in milliseconds since the epoch.
      type: int
      sample: 1767225600000
    last_updated_timestamp:
      description: Last update time in milliseconds since the epoch.
      type: int
      sample: 1767225600000
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import (
    SEARCH_PAGE_SIZE,
    MlflowApiError,
    MlflowClient,
    alias_version,
    fail_from,
    filter_clause,
    mlflow_argument_spec,
    model_version_facts,
    search_results,
    with_aliases,
)


def search_filter(name, user_filter):
    """The filter sent to the server: the user's, narrowed to the model name when both are given."""
    clauses = [filter_clause("name", name)] if name else []
    if user_filter:
        clauses.append(user_filter)
    return " AND ".join(clauses)


def search_versions(client, filter_string):
    """Every version matching filter_string, highest number first; a filter the server rejects says so."""
    params = {"filter": filter_string, "max_results": SEARCH_PAGE_SIZE, "order_by": "version_number DESC"}
    try:
        return list(search_results(client, "model-versions/search", "model_versions", params))
    except MlflowApiError as exc:
        if exc.error_code == "INVALID_PARAMETER_VALUE":
            raise MlflowApiError("search filter %r was rejected: %s" % (filter_string, exc.message),
                                 exc.status, exc.error_code)
        raise


def find_versions(client, params):
    name, version, alias = params["name"], params["version"], params["alias"]
    if version is None and alias is None:
        found = search_versions(client, search_filter(name, params["filter"]))
        return with_aliases(client, [mv for mv in found if not name or mv["name"] == name])
    if alias is not None:
        version = alias_version(client, name, alias)
        if version is None:
            return []
    found = client.exists("model-versions/get", {"name": name, "version": str(version)})
    return [found["model_version"]] if found else []


def main():
    module = AnsibleModule(
        argument_spec=mlflow_argument_spec(
            name=dict(type="str"),
            version=dict(type="int"),
            alias=dict(type="str"),
            filter=dict(type="str"),
        ),
        required_one_of=[("name", "filter")],
        mutually_exclusive=[("version", "alias", "filter")],
        required_by={"version": "name", "alias": "name"},
        supports_check_mode=True,
    )
    client = MlflowClient(module)
    try:
        versions = find_versions(client, module.params)
    except MlflowApiError as exc:
        fail_from(module, exc)
    module.exit_json(changed=False, model_versions=[model_version_facts(mv) for mv in versions])


if __name__ == "__main__":
    main()
