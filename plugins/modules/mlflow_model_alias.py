#!/usr/bin/python
# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mlflow_model_alias
short_description: Point an alias of an MLflow registered model at a version, or remove it
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Sets or moves an alias (for example C(champion)) of a registered model to a version, so serving code can
    load C(models:/NAME@champion) and never hard-code a version number.
  - The version is a number or V(latest), the highest-numbered C(READY) version, optionally only among
    versions carrying the tags in O(latest_with_tag).
  - The alias name is checked before anything is sent to the server.
extends_documentation_fragment:
  - mlops.mlflow.mlflow
attributes:
  check_mode:
    description: Reports what would change and changes nothing.
    support: full
  diff_mode:
    description: Returns the version the alias pointed to before and after in RV(diff).
    support: full
options:
  name:
    description:
      - Name of the registered model. It must exist; create it with M(mlops.mlflow.mlflow_registered_model).
    type: str
    required: true
  alias:
    description:
      - Name of the alias, as MLflow allows it. Letters, digits, underscores (V(_)) and hyphens (V(-)),
        at most 255 characters.
      - V(latest) and V(v) followed by digits (V(v3), any case) are reserved by MLflow and rejected.
    type: str
    required: true
  version:
    description:
      - Version the alias points to, a number or V(latest).
      - V(latest) is the highest-numbered version whose status is C(READY); see O(latest_with_tag).
      - Required with O(state=present).
    type: str
  latest_with_tag:
    description:
      - With O(version=latest), consider only versions carrying every one of these tags with these values,
        for example C(validation) set to C(passed). The server does the search.
    type: dict
  state:
    description:
      - V(present) sets the alias or moves it to O(version); V(absent) removes it. Removing an alias that does
        not exist, or whose model does not exist, changes nothing.
    type: str
    choices: [present, absent]
    default: present
'''

EXAMPLES = r'''
- name: Promote version 7 to champion
  mlops.mlflow.mlflow_model_alias:
    tracking_uri: https://mlflow.example.com
    name: fraud-detector
    alias: champion
    version: 7
  register: promotion

- name: Roll back if needed
  ansible.builtin.debug:
    msg: "champion was version {{ promotion.previous_version }} before; set it back with version: {{ promotion.previous_version }}"
  when: promotion is changed and promotion.previous_version

- name: Challenger is the newest version that passed validation
  mlops.mlflow.mlflow_model_alias:
    name: fraud-detector
    alias: challenger
    version: latest
    latest_with_tag:
      validation: passed

- name: Retire the alias
  mlops.mlflow.mlflow_model_alias:
    name: fraud-detector
    alias: challenger
    state: absent
'''

RETURN = r'''
name:
  description: Name of the registered model.
  returned: always
  type: str
  sample: fraud-detector
alias:
  description: Name of the alias.
  returned: always
  type: str
  sample: champion
version:
  description: Version the alias points to after the task (would, in check mode); V(null) once removed.
  returned: always
  type: str
  sample: "7"
previous_version:
  description: Version the alias pointed to before the task, V(null) if it did not exist.
  returned: always
  type: str
  sample: "6"
diff:
  description: The alias before and after, in diff mode.
  returned: when diff mode is on
  type: dict
'''

import re

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import (
    MlflowApiError,
    MlflowClient,
    alias_version,
    fail_from,
    filter_clause,
    mlflow_argument_spec,
    search_pages,
    tags_to_dict,
    validate_tags,
)

# mlflow.utils.validation: _REGISTERED_MODEL_ALIAS_REGEX, MAX_REGISTERED_MODEL_ALIAS_LENGTH and the reserved names.
ALIAS_CHARS = re.compile(r"[\w-]+")
ALIAS_MAX_LENGTH = 255
VERSION_ALIAS = re.compile(r"[vV]\d+")
PAGE_SIZE = 100


def alias_error(alias):
    """Why MLflow would refuse this alias name, as one sentence, or None."""
    if not ALIAS_CHARS.fullmatch(alias):
        return ("alias %r may only contain letters, digits, underscores (_) and hyphens (-), as MLflow requires; "
                "rename it in the alias option" % alias)
    if len(alias) > ALIAS_MAX_LENGTH:
        return "alias is %d characters long; MLflow allows at most %d, shorten it" % (len(alias), ALIAS_MAX_LENGTH)
    if alias.lower() == "latest":
        return ("alias %r is reserved by MLflow (models:/NAME@latest always means the newest version); "
                "choose another name for the alias option" % alias)
    if VERSION_ALIAS.fullmatch(alias):
        return ("alias %r is reserved by MLflow for version numbers (models:/NAME@%s means version %s); choose "
                "another name for the alias option" % (alias, alias, alias[1:]))
    return None


def params_error(params):
    """A sentence about the version options that can be told before asking the server, or None."""
    version, tags = params["version"], params["latest_with_tag"]
    if version is not None and version != "latest" and not version.isdigit():
        return "version must be a version number or 'latest', not %r" % version
    if tags and version != "latest":
        return "latest_with_tag only applies with version: latest"
    for key in tags or {}:
        if "`" in key:
            return "latest_with_tag key %r contains a backtick, which MLflow's search filter cannot express" % key
    return None


def latest_filter(name, tags):
    return " AND ".join([filter_clause("name", name)]
                        + [filter_clause("tags.`%s`" % key, value) for key, value in sorted((tags or {}).items())])


def pick_latest(versions, name, tags):
    """The highest-numbered READY version of name carrying every tag, or None."""
    matching = [mv for mv in versions if mv.get("status") == "READY" and mv.get("name") == name
                and all(tags_to_dict(mv.get("tags")).get(k) == v for k, v in (tags or {}).items())]
    return max(matching, key=lambda mv: int(mv["version"]), default=None)


def latest_version(client, name, tags):
    """Search newest first; the first page holding a match holds the highest one."""
    params = {"filter": latest_filter(name, tags), "max_results": PAGE_SIZE, "order_by": "version_number DESC"}
    for page in search_pages(client, "model-versions/search", params):
        found = pick_latest(page.get("model_versions", []), name, tags)
        if found:
            return found["version"]
    tagged = " tagged %s" % ", ".join("%s=%s" % kv for kv in sorted(tags.items())) if tags else ""
    raise MlflowApiError("registered model %r has no READY version%s for version: latest" % (name, tagged))


def target_version(client, params):
    name, version = params["name"], params["version"]
    if version == "latest":
        return latest_version(client, name, params["latest_with_tag"])
    if not client.exists("model-versions/get", {"name": name, "version": str(int(version))}):
        raise MlflowApiError("version %s of registered model %r does not exist" % (int(version), name))
    return str(int(version))


def ensure_alias(client, params, check_mode):
    """(previous version, version after) for the alias; None where it is absent."""
    name, alias, present = params["name"], params["alias"], params["state"] == "present"
    previous = alias_version(client, name, alias)
    if previous is None and client.exists("registered-models/get", {"name": name}) is None:
        if not present:
            return None, None
        raise MlflowApiError("registered model %r does not exist; create it with "
                             "mlops.mlflow.mlflow_registered_model" % name)
    target = target_version(client, params) if present else None
    if target != previous and not check_mode:
        if present:
            client.post("registered-models/alias", {"name": name, "alias": alias, "version": target})
        else:
            client.delete("registered-models/alias", {"name": name, "alias": alias})
    return previous, target


def main():
    module = AnsibleModule(
        argument_spec=mlflow_argument_spec(
            name=dict(type="str", required=True),
            alias=dict(type="str", required=True),
            version=dict(type="str"),
            latest_with_tag=dict(type="dict"),
            state=dict(type="str", choices=["present", "absent"], default="present"),
        ),
        required_if=[("state", "present", ("version",))],
        supports_check_mode=True,
    )
    validate_tags(module, module.params["latest_with_tag"], "latest_with_tag")
    error = alias_error(module.params["alias"]) or params_error(module.params)
    if error:
        module.fail_json(msg=error)
    client = MlflowClient(module)
    try:
        previous, version = ensure_alias(client, module.params, module.check_mode)
    except MlflowApiError as exc:
        fail_from(module, exc)
    result = dict(changed=previous != version, name=module.params["name"], alias=module.params["alias"],
                  version=version, previous_version=previous)
    if module._diff:
        result["diff"] = {side: {"alias": module.params["alias"], "version": v} if v else {}
                          for side, v in (("before", previous), ("after", version))}
    module.exit_json(**result)


if __name__ == "__main__":
    main()
