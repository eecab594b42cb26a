#!/usr/bin/python
# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mlflow_model_version
short_description: Register, update and delete versions of an MLflow registered model
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Registers a model version from a source URI once, however often and however many times in parallel
    the task runs, and keeps its description, tags and (deprecated) stage as declared.
  - A version is identified by its registered model O(name), its O(source) and, when given, O(run_id)
    (see O(model_id)). The server does the search, so the cost does not grow with the number of versions.
  - With O(version), manages or deletes that existing version instead.
  - The registered model must exist; create it with M(mlops.mlflow.mlflow_registered_model).
extends_documentation_fragment:
  - mlops.mlflow.mlflow
attributes:
  check_mode:
    description: Reports what would change and changes nothing.
    support: full
  diff_mode:
    description: Returns the version before and after in RV(diff).
    support: full
options:
  name:
    description:
      - Name of the registered model.
    type: str
    required: true
  source:
    description:
      - URI of the model artifacts, for example C(runs:/RUN_ID/model), C(models:/NAME/VERSION),
        C(models:/NAME@ALIAS), C(models:/MODEL_ID), C(s3://bucket/path) or C(mlflow-artifacts:/path).
        Any URI the server accepts.
      - MLflow stores C(models:/NAME@ALIAS), C(models:/NAME/latest) and C(models:/NAME/STAGE) as
        C(models:/NAME/VERSION); the module resolves them the same way before it searches.
      - With O(state=present), one of O(source) and O(version) is required.
      - Mutually exclusive with O(version).
    type: str
  run_id:
    description:
      - ID of the run that produced the model; part of the version's identity.
      - Taken from O(source) when that is a C(runs:/) URI and O(run_id) is not set.
      - MLflow requires it for C(mlflow-artifacts:/) sources inside a run's artifacts.
    type: str
  model_id:
    description:
      - ID of the MLflow 3 logged model (C(m-...)) the version is registered from, sent to MLflow when
        the version is created; MLflow links the logged model to the version.
      - Part of the version's identity only on servers that return a version's model_id; MLflow's own
        server does not store it, so there O(source) (which lies inside the logged model) identifies it.
    type: str
  version:
    description:
      - Number of an existing version to manage (O(description), O(tags), O(stage)) or, with
        O(state=absent), to delete.
    type: int
  description:
    description:
      - Description of the version. Left alone when not set.
    type: str
  tags:
    description:
      - Tags of the version; keys and values are strings. Left alone when not set.
    type: dict
  purge_tags:
    description:
      - Remove tags that are not in O(tags). Has no effect when O(tags) is not set.
    type: bool
    default: false
  stage:
    description:
      - Move the version to this stage.
      - Stages are deprecated in MLflow; use M(mlops.mlflow.mlflow_model_alias) instead.
        Setting this option emits a deprecation warning.
    type: str
    choices: [None, Staging, Production, Archived]
  archive_existing_versions:
    description:
      - When the version moves to O(stage) V(Staging) or V(Production), move the other versions in that
        stage to V(Archived).
    type: bool
    default: false
  state:
    description:
      - V(present) registers the version if no version with its identity exists, V(absent) deletes it.
      - With O(state=absent) and O(source), every version with that identity is deleted.
      - A version an alias points at is not deleted unless O(force=true).
    type: str
    choices: [present, absent]
    default: present
  force:
    description:
      - With O(state=absent), delete versions even when aliases point at them (the aliases go with them).
    type: bool
    default: false
  wait:
    description:
      - Wait until the version's status is C(READY).
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds to wait for C(READY).
    type: int
    default: 300
notes:
  - >-
    Race safety: MLflow does not stop two clients from registering the same source at the same time
    (each checks, finds nothing and creates). After creating a version, this module searches again for
    every version with the same identity. If one with a lower number exists, it deletes the version it
    has just created and adopts the lowest one, so parallel runs converge on a single version. It never
    deletes a version it did not create in the same run. Versions in C(FAILED_REGISTRATION) are never
    adopted. Adopting another run's version reports RV(ignore:changed=false) unless the module had to
    change that version's description, tags or stage.
  - A C(runs:/) source must belong to O(run_id); MLflow rejects the request otherwise.
'''

EXAMPLES = r'''
- name: Register the model a training run logged (once, however often this runs)
  mlops.mlflow.mlflow_model_version:
    tracking_uri: https://mlflow.example.com
    name: fraud-detector
    source: "runs:/{{ run_id }}/model"
    description: Gradient boosting, trained on the March data
    tags:
      git_sha: "{{ git_sha }}"
      validation: passed
  register: registered

- name: Register an MLflow 3 logged model
  mlops.mlflow.mlflow_model_version:
    name: fraud-detector
    source: "models:/{{ model_id }}"
    model_id: "{{ model_id }}"

- name: Tag an existing version and drop its other tags
  mlops.mlflow.mlflow_model_version:
    name: fraud-detector
    version: 7
    tags:
      validation: failed
    purge_tags: true

- name: Delete version 3
  mlops.mlflow.mlflow_model_version:
    name: fraud-detector
    version: 3
    state: absent
'''

RETURN = r'''
model_version:
  description:
    - The version as it is after the task (as it would be, in check mode; V(null) fields are not known yet).
    - Empty with O(state=absent).
  returned: always
  type: dict
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
deleted_versions:
  description: Versions deleted (or that would be, in check mode) with O(state=absent).
  returned: when O(state=absent)
  type: list
  elements: str
  sample: ["3"]
diff:
  description:
    - The version before and after, in diff mode.
    - With O(state=absent), C(before) maps each deleted version number to the version.
  returned: when diff mode is on
  type: dict
'''

import time

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import (
    SEARCH_PAGE_SIZE,
    MlflowApiError,
    MlflowClient,
    alias_list,
    alias_version,
    fail_from,
    filter_clause,
    mlflow_argument_spec,
    model_version_facts,
    search_results,
    tag_changes,
    tags_after,
    tags_to_list,
    validate_tags,
    with_aliases,
)

FAILED = "FAILED_REGISTRATION"
PENDING = "PENDING_REGISTRATION"
DIFF_KEYS = ("version", "source", "run_id", "model_id", "description", "tags", "current_stage")


def key_filter(name, source, run_id=None):
    """The server-side search for versions with this identity (model_id is not searchable)."""
    clauses = [filter_clause("name", name), filter_clause("source_path", source)]
    if run_id:
        clauses.append(filter_clause("run_id", run_id))
    return " AND ".join(clauses)


def has_key(mv, name, source, run_id=None, model_id=None):
    """Exact comparison, after a server-side search that may match more. MLflow's own registry does not
    keep a version's model_id, so model_id only tells versions apart when the server returns one."""
    return (mv.get("name") == name and mv.get("source") == source
            and (not run_id or mv.get("run_id") == run_id)
            and (not model_id or not mv.get("model_id") or mv["model_id"] == model_id))


def survivor(versions):
    """The version parallel runs agree to keep: the lowest-numbered one that did not fail registration."""
    return min((mv for mv in versions if mv.get("status") != FAILED), key=lambda mv: int(mv["version"]), default=None)


def canonical_source(source, lookup):
    """The source as MLflow stores it. models:/NAME@ALIAS, models:/NAME/latest and models:/NAME/STAGE
    are saved as models:/NAME/VERSION; lookup(name, alias, suffix) returns that version."""
    if not source.startswith("models:/") or source.startswith("models://"):
        return source
    parts = source[len("models:/"):].split("/")
    if len(parts) == 2 and parts[1].isdigit():
        return "models:/%s/%d" % (parts[0], int(parts[1]))
    if len(parts) == 2 and parts[1].strip():
        return "models:/%s/%s" % (parts[0], lookup(parts[0], None, parts[1]))
    if len(parts) == 1 and "@" in parts[0]:
        name, alias = parts[0].rsplit("@", 1)
        return "models:/%s/%s" % (name, lookup(name, alias, None))
    return source


def run_id_of(source):
    """The run of a runs:/RUN_ID/path source, which MLflow requires as run_id."""
    if not source.startswith("runs:/"):
        return None
    return source[len("runs:/"):].split("/")[0] or None


def status_error(mv):
    if mv.get("status") == FAILED:
        return "registration of model version %s/%s failed: %s" % (
            mv["name"], mv["version"], mv.get("status_message") or "MLflow gave no reason")
    return None


def wait_until_ready(fetch, mv, timeout, sleep=time.sleep, clock=time.monotonic):
    """Poll fetch() while mv is pending. Returns (mv, None) once READY, (mv, sentence) if it failed or time ran out."""
    deadline, delay = clock() + timeout, 0.5
    while mv.get("status") == PENDING:
        left = deadline - clock()
        if left <= 0:
            return mv, ("model version %s/%s is still %s after %s seconds; raise wait_timeout or set wait: false"
                        % (mv["name"], mv["version"], PENDING, timeout))
        sleep(min(delay, left))
        delay = min(delay * 2, 5)
        mv = fetch()
    return mv, status_error(mv)


def diff_view(facts):
    return {key: facts[key] for key in DIFF_KEYS}


def find(client, key):
    """Every version with this identity, lowest number first."""
    params = {"filter": key_filter(*key[:3]), "max_results": SEARCH_PAGE_SIZE, "order_by": "version_number ASC"}
    return [mv for mv in search_results(client, "model-versions/search", "model_versions", params) if has_key(mv, *key)]


def get_version(client, name, version):
    found = client.exists("model-versions/get", {"name": name, "version": str(version)})
    return found["model_version"] if found else None


def identity(client, params):
    """(name, source, run_id, model_id) as MLflow stores them for this task's version."""
    def lookup(name, alias, suffix):
        stages = None if suffix is None or suffix.lower() == "latest" else [suffix]
        if alias is not None:
            versions = [v for v in [alias_version(client, name, alias)] if v is not None]
        else:
            try:
                found = client.get("registered-models/get-latest-versions", {"name": name, "stages": stages})
            except MlflowApiError as exc:
                if exc.error_code not in ("RESOURCE_DOES_NOT_EXIST", "INVALID_PARAMETER_VALUE"):
                    raise
                found = {}
            versions = [mv["version"] for mv in found.get("model_versions", [])]
        if not versions:
            raise MlflowApiError("source %s names no model version: registered model %r does not exist or has %s"
                                 % (params["source"], name, "no alias %r" % alias if alias is not None
                                    else "no version" + ("" if stages is None else " in stage " + suffix)))
        return max(int(version) for version in versions)

    source = canonical_source(params["source"], lookup)
    return params["name"], source, params["run_id"] or run_id_of(source), params["model_id"]


def require_model(client, name):
    # registered-models/get reads every version of the model: only asked when a search found nothing.
    if not client.exists("registered-models/get", {"name": name}):
        raise MlflowApiError("registered model %r does not exist; create it with "
                             "mlops.mlflow.mlflow_registered_model" % name)


def ensure_present(client, params, check_mode):
    """A no-op costs two requests (the search, then the found version's aliases), however many versions
    the model has."""
    name = params["name"]
    if params["version"] is not None:
        mv = get_version(client, name, params["version"])
        if mv is None:
            require_model(client, name)
            raise MlflowApiError("version %s of registered model %r does not exist" % (params["version"], name))
        return converge(client, params, check_mode, mv, created=False)
    key = identity(client, params)
    mv = survivor(find(client, key))
    if mv is not None:
        return converge(client, params, check_mode, with_aliases(client, [mv])[0], created=False)
    require_model(client, name)
    body = dict(name=name, source=key[1], run_id=key[2], model_id=key[3], description=params["description"],
                tags=tags_to_list(params["tags"]))
    body = {k: v for k, v in body.items() if v is not None}
    if check_mode:
        after = model_version_facts(dict(body, current_stage=params["stage"]))
        return dict(changed=True, model_version=after, diff=dict(before={}, after=diff_view(after)))
    ours = client.post("model-versions/create", body)["model_version"]
    keep = survivor(find(client, key) + [ours]) or ours
    if keep["version"] == ours["version"]:
        return converge(client, params, check_mode, ours, created=True)
    # A parallel run registered the same source first: drop the duplicate we just made, adopt theirs.
    client.delete("model-versions/delete", {"name": name, "version": ours["version"]})
    return converge(client, params, check_mode, with_aliases(client, [keep])[0], created=False)


def converge(client, params, check_mode, mv, created):
    """Wait for mv to be READY and bring its description, tags and stage in line."""
    name, version = mv["name"], mv["version"]
    if params["wait"] and not check_mode:
        mv, error = wait_until_ready(lambda: get_version(client, name, version), mv, params["wait_timeout"])
    else:
        error = status_error(mv)
    if error:
        raise MlflowApiError(error)
    before = model_version_facts(mv)
    to_set, to_delete = tag_changes(before["tags"], params["tags"], params["purge_tags"])
    description = params["description"] if params["description"] not in (None, before["description"]) else None
    stage = params["stage"] if params["stage"] not in (None, before["current_stage"]) else None
    changed = bool(to_set or to_delete or description is not None or stage)
    if changed and not check_mode:
        ident = {"name": name, "version": version}
        if description is not None:
            client.patch("model-versions/update", dict(ident, description=description))
        for key, value in to_set.items():
            client.post("model-versions/set-tag", dict(ident, key=key, value=value))
        for key in to_delete:
            client.delete("model-versions/delete-tag", dict(ident, key=key))
        if stage:
            client.post("model-versions/transition-stage", dict(
                ident, stage=stage, archive_existing_versions=params["archive_existing_versions"]))
        after = model_version_facts(get_version(client, name, version))
    else:
        after = dict(before, tags=tags_after(before["tags"], to_set, to_delete),
                     description=before["description"] if description is None else description,
                     current_stage=stage or before["current_stage"])
    return dict(changed=created or changed, model_version=after,
                diff=dict(before={} if created else diff_view(before), after=diff_view(after)))


def ensure_absent(client, params, check_mode):
    if params["version"] is not None:
        doomed = [mv for mv in [get_version(client, params["name"], params["version"])] if mv]
    else:
        doomed = with_aliases(client, find(client, identity(client, params)))
    aliased = {alias: mv["version"] for mv in doomed for alias in mv.get("aliases") or []}
    if aliased and not params["force"]:
        versions = sorted(set(aliased.values()), key=int)
        several = len(versions) > 1
        raise MlflowApiError("registered model %r: not deleting version%s %s, aliases point at %s (%s); move or "
                             "remove the aliases with mlops.mlflow.mlflow_model_alias first, or set force: true"
                             % (params["name"], "s" if several else "", ", ".join(versions),
                                "them" if several else "it", alias_list(aliased)))
    if not check_mode:
        for mv in doomed:
            client.delete("model-versions/delete", {"name": mv["name"], "version": mv["version"]})
    return dict(changed=bool(doomed), model_version={}, deleted_versions=[mv["version"] for mv in doomed],
                diff=dict(before={mv["version"]: diff_view(model_version_facts(mv)) for mv in doomed}, after={}))


def main():
    module = AnsibleModule(
        argument_spec=mlflow_argument_spec(
            name=dict(type="str", required=True),
            source=dict(type="str"),
            run_id=dict(type="str"),
            model_id=dict(type="str"),
            version=dict(type="int"),
            description=dict(type="str"),
            tags=dict(type="dict"),
            purge_tags=dict(type="bool", default=False),
            stage=dict(type="str", choices=["None", "Staging", "Production", "Archived"]),
            archive_existing_versions=dict(type="bool", default=False),
            state=dict(type="str", choices=["present", "absent"], default="present"),
            wait=dict(type="bool", default=True),
            wait_timeout=dict(type="int", default=300),
            force=dict(type="bool", default=False),
        ),
        required_if=[("state", "present", ("source", "version"), True),
                     ("state", "absent", ("source", "version"), True)],
        mutually_exclusive=[("source", "version")],
        required_by={"run_id": "source", "model_id": "source"},
        supports_check_mode=True,
    )
    validate_tags(module, module.params["tags"])
    if module.params["stage"] is not None:
        module.deprecate("stage is deprecated in MLflow; point an alias at the version with "
                         "mlops.mlflow.mlflow_model_alias instead", version="2.0.0", collection_name="mlops.mlflow")
    client = MlflowClient(module)
    ensure = ensure_present if module.params["state"] == "present" else ensure_absent
    try:
        result = ensure(client, module.params, module.check_mode)
    except MlflowApiError as exc:
        fail_from(module, exc)
    if not module._diff:
        del result["diff"]
    module.exit_json(**result)


if __name__ == "__main__":
    main()
