# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
name: mlflow_model
short_description: Look up a registered model version in MLflow by alias or number
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Returns the model version that C(NAME@ALIAS) points to, or version C(NAME/VERSION), with its source,
    run, status, aliases and tags; a C(models:/) prefix is accepted, as in MLflow model URIs.
  - Runs on the controller and talks to MLflow's REST API; the C(mlflow) package is not needed.
options:
  _terms:
    description: Model references, C(NAME@ALIAS) or C(NAME/VERSION), optionally prefixed with C(models:/).
    required: true
    type: list
    elements: str
  tracking_uri:
    description: Base address of the MLflow tracking server, an C(http://) or C(https://) URL.
    type: str
    env:
      - name: MLFLOW_TRACKING_URI
  username:
    description: User name for MLflow's basic authentication; requires O(password), excludes O(token).
    type: str
    env:
      - name: MLFLOW_TRACKING_USERNAME
  password:
    description: Password for MLflow's basic authentication.
    type: str
    env:
      - name: MLFLOW_TRACKING_PASSWORD
  token:
    description: Bearer token, sent in the C(Authorization) header; excludes O(username) and O(password).
    type: str
    env:
      - name: MLFLOW_TRACKING_TOKEN
  ca_path:
    description: PEM file with the CA certificate(s) that signed the server's certificate.
    type: path
    env:
      - name: MLFLOW_TRACKING_SERVER_CERT_PATH
  validate_certs:
    description:
      - Whether to validate the server's TLS certificate.
      - If not set, validation is on unless E(MLFLOW_TRACKING_INSECURE_TLS=true).
    type: bool
  timeout:
    description: Seconds to wait for each HTTP request.
    type: float
    default: 30
  retries:
    description:
      - How many times to retry a read that failed to connect, timed out or got HTTP 429, 502, 503 or 504,
        waiting 0.5, 1, 2, ... seconds in between.
    type: int
    default: 3
'''

EXAMPLES = r'''
- name: Deploy whatever version is the champion
  ansible.builtin.debug:
    msg: "Deploying {{ champion.name }} version {{ champion.version }} from {{ champion.source }}"
  vars:
    champion: "{{ lookup('mlops.mlflow.mlflow_model', 'churn-classifier@champion',
                         tracking_uri='https://mlflow.example.com') }}"

- name: A pinned version, with the connection from MLFLOW_TRACKING_* environment variables
  ansible.builtin.set_fact:
    churn_v3: "{{ lookup('mlops.mlflow.mlflow_model', 'models:/churn-classifier/3') }}"
'''

RETURN = r'''
_raw:
  description: One dictionary per term.
  type: list
  elements: dict
  contains:
    name:
      description: Name of the registered model.
      type: str
      sample: churn-classifier
    version:
      description: Version number, as MLflow returns it (a string).
      type: str
      sample: "3"
    source:
      description: Where the version's artifacts are, for example C(models:/m-...) or an artifact URI.
      type: str
    run_id:
      description: ID of the run that logged the model, V("") when none.
      type: str
    status:
      description: V(READY), V(PENDING_REGISTRATION) or V(FAILED_REGISTRATION).
      type: str
      sample: READY
    aliases:
      description: Aliases that point to this version.
      type: list
      elements: str
      sample: ["champion"]
    tags:
      description: Tags of the version.
      type: dict
      sample: {"validated": "true"}
'''

from ansible.errors import AnsibleLookupError
from ansible.module_utils.errors import AnsibleFallbackNotFound
from ansible.plugins.lookup import LookupBase
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import (
    COMMON_OPTIONS,
    MlflowApiError,
    MlflowConnection,
    insecure_tls_from_env,
    tags_to_dict,
)


def parse_reference(term):
    """'NAME@ALIAS' or 'NAME/VERSION' (optionally models:/...) -> (endpoint, params, label)."""
    reference = term[len("models:/"):] if term.startswith("models:/") else term
    if "@" in reference:
        name, alias = reference.rsplit("@", 1)
        if name and alias:
            return "registered-models/alias", {"name": name, "alias": alias}, reference
    elif "/" in reference:
        name, version = reference.rsplit("/", 1)
        if name and version.isdigit():
            return "model-versions/get", {"name": name, "version": version}, reference
    raise AnsibleLookupError("mlflow_model needs NAME@ALIAS or NAME/VERSION (a number), not %r" % term)


def version_facts(raw):
    return dict(
        name=raw["name"],
        version=raw["version"],
        source=raw.get("source", ""),
        run_id=raw.get("run_id", ""),
        status=raw.get("status", ""),
        aliases=raw.get("aliases", []),
        tags=tags_to_dict(raw.get("tags")),
    )


def lookup_version(client, endpoint, params, label):
    try:
        return version_facts(client.get(endpoint, params)["model_version"])
    except MlflowApiError as exc:
        raise AnsibleLookupError("cannot look up model version %s: %s" % (label, exc.message)) from None


class LookupModule(LookupBase):

    def connection(self):
        settings = {name: self.get_option(name) for name in COMMON_OPTIONS}
        if settings["validate_certs"] is None:
            try:
                settings["validate_certs"] = insecure_tls_from_env()
            except AnsibleFallbackNotFound:
                settings["validate_certs"] = True
        try:
            return MlflowConnection(**settings)
        except MlflowApiError as exc:
            raise AnsibleLookupError(exc.message) from None

    def run(self, terms, variables=None, **kwargs):
        self.set_options(var_options=variables, direct=kwargs)
        references = [parse_reference(term) for term in terms]
        client = self.connection()
        return [lookup_version(client, *reference) for reference in references]
