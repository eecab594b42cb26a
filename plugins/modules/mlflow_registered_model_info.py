#!/usr/bin/python
# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mlflow_registered_model_info
short_description: Read registered models from MLflow's model registry
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Returns one registered model by O(name), the models matching an MLflow search O(filter), or all models.
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
      - Name of one registered model. A missing model gives an empty RV(registered_models), not a failure.
      - Mutually exclusive with O(filter).
    type: str
  filter:
    description:
      - MLflow search filter, for example V(name LIKE 'churn-%') or V(tags.team = 'growth').
      - Mutually exclusive with O(name). Without O(name) and O(filter), all models are returned.
    type: str
'''

EXAMPLES = r'''
- name: One model, if it exists
  mlops.mlflow.mlflow_registered_model_info:
    tracking_uri: https://mlflow.example.com
    name: churn-classifier
  register: churn

- name: Fail early when the model the deployment needs is not registered
  ansible.builtin.assert:
    that: churn.registered_models | length == 1
    fail_msg: churn-classifier is not registered in MLflow

- name: The growth team's models
  mlops.mlflow.mlflow_registered_model_info:
    tracking_uri: https://mlflow.example.com
    filter: tags.team = 'growth'
  register: growth_models

- name: Where does each model's champion alias point?
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.aliases.champion | default('no champion') }}"
  loop: "{{ growth_models.registered_models }}"
'''

RETURN = r'''
registered_models:
  description: The models found, in MLflow's search order; empty if none.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the model.
      type: str
      sample: churn-classifier
    description:
      description: Description of the model, V("") when none.
      type: str
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
    fail_from,
    mlflow_argument_spec,
    registered_model_facts,
    search_results,
)


def find_models(client, name, search_filter):
    """The model called name, or (name None) every model matching search_filter (None: all)."""
    if name is None:
        params = {"filter": search_filter, "max_results": SEARCH_PAGE_SIZE}
        return list(search_results(client, "registered-models/search", "registered_models", params))
    found = client.exists("registered-models/get", {"name": name})
    return [found["registered_model"]] if found else []


def main():
    module = AnsibleModule(
        argument_spec=mlflow_argument_spec(
            name=dict(type="str"),
            filter=dict(type="str"),
        ),
        mutually_exclusive=[("name", "filter")],
        supports_check_mode=True,
    )
    client = MlflowClient(module)
    try:
        models = find_models(client, module.params["name"], module.params["filter"])
    except MlflowApiError as exc:
        fail_from(module, exc)
    module.exit_json(changed=False, registered_models=[registered_model_facts(model) for model in models])


if __name__ == "__main__":
    main()
