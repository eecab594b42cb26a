# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one REST client for MLflow's API, shared by every module and the lookup.

MlflowConnection takes plain settings and works anywhere (the lookup runs on the
controller); MlflowClient builds one from a module's parameters.
"""

from __future__ import annotations

import inspect
import json
import os
import socket
import ssl
import time
from http.client import HTTPException
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit, urlunsplit

from ansible.module_utils.common.parameters import env_fallback
from ansible.module_utils.errors import AnsibleFallbackNotFound
from ansible.module_utils.urls import Request

API_PREFIX = "/api/2.0/mlflow/"
# The auth app's role and permission endpoints live under version 3 of the API: pass them as absolute paths.
API3_PREFIX = "/api/3.0/mlflow/"
# Answers worth asking again for: the server or a proxy in front of it is busy or restarting.
RETRY_STATUSES = (429, 502, 503, 504)
COMMON_OPTIONS = ("tracking_uri", "username", "password", "token", "ca_path",
                  "validate_certs", "timeout", "retries")
SEARCH_PAGE_SIZE = 1000  # the most MLflow returns per search page


def insecure_tls_from_env():
    """validate_certs from MLflow's MLFLOW_TRACKING_INSECURE_TLS (true turns validation off)."""
    value = os.environ.get("MLFLOW_TRACKING_INSECURE_TLS")
    if value is None:
        raise AnsibleFallbackNotFound
    return value.strip().lower() not in ("true", "1")


def mlflow_argument_spec(**extra):
    """The connection options every module takes, merged with the module's own."""
    spec = dict(
        tracking_uri=dict(type="str", fallback=(env_fallback, ["MLFLOW_TRACKING_URI"])),
        username=dict(type="str", fallback=(env_fallback, ["MLFLOW_TRACKING_USERNAME"])),
        password=dict(type="str", no_log=True, fallback=(env_fallback, ["MLFLOW_TRACKING_PASSWORD"])),
        token=dict(type="str", no_log=True, fallback=(env_fallback, ["MLFLOW_TRACKING_TOKEN"])),
        ca_path=dict(type="path", fallback=(env_fallback, ["MLFLOW_TRACKING_SERVER_CERT_PATH"])),
        validate_certs=dict(type="bool", default=True, fallback=(insecure_tls_from_env,)),
        timeout=dict(type="float", default=30),
        retries=dict(type="int", default=3),
    )
    spec.update(extra)
    return spec


class MlflowApiError(Exception):
    """A failed MLflow call, with one sentence fit for a user (never a credential)."""

    def __init__(self, message, status=None, error_code=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.error_code = error_code


class MlflowConnection:
    """HTTP to {tracking_uri}/api/2.0/mlflow/ (or to an absolute path such as /api/3.0/mlflow/roles/list):
    auth, TLS, retries, error mapping."""

    def __init__(self, tracking_uri, username=None, password=None, token=None, ca_path=None,
                 validate_certs=True, timeout=30, retries=3):
        if not tracking_uri:
            raise MlflowApiError("tracking_uri is required: set it on the task, with "
                                 "module_defaults group/mlops.mlflow.mlflow, or in MLFLOW_TRACKING_URI")
        parts = urlsplit(tracking_uri)
        host = parts.netloc.rpartition("@")[2]
        # The address as shown in messages: never the user:password@ a URI may carry.
        self.display_uri = urlunsplit((parts.scheme, host, parts.path, "", "")).rstrip("/")
        if parts.scheme not in ("http", "https") or not host:
            raise MlflowApiError("tracking_uri (or MLFLOW_TRACKING_URI) must be an http:// or https:// URL "
                                 "of the MLflow server, not %r" % self.display_uri)
        if uri_password(tracking_uri) is not None:
            # tracking_uri is not a secret option: Ansible would print it with the task's arguments.
            raise MlflowApiError("tracking_uri (or MLFLOW_TRACKING_URI) %s carries a password (user:password@); "
                                 "give the address alone and the credentials in username and password (or "
                                 "MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD)" % self.display_uri)
        if token and (username or password):
            raise MlflowApiError("give either token or username/password for MLflow, not both")
        if bool(username) != bool(password):
            raise MlflowApiError("username and password for MLflow go together; one of them is missing")
        self.root_url = tracking_uri.rstrip("/")
        self.base_url = self.root_url + API_PREFIX
        self.username = username
        self.password = password
        self.token = token
        self.ca_path = ca_path
        self.validate_certs = validate_certs
        self.timeout = timeout
        self.retries = retries
        # Plain http needs no certificates: skip loading the system CA store (about 25 ms a task).
        # Should the server redirect to https, this empty context fails verification, it never skips it.
        self._context = None if parts.scheme == "https" else ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)

    def get(self, endpoint, params=None):
        query = urlencode({k: _query_value(v) for k, v in (params or {}).items() if v is not None}, doseq=True)
        return self._call("GET", endpoint + ("?" + query if query else ""), None)

    def post(self, endpoint, body):
        return self._call("POST", endpoint, body)

    def patch(self, endpoint, body):
        return self._call("PATCH", endpoint, body)

    def delete(self, endpoint, body):
        return self._call("DELETE", endpoint, body)

    def exists(self, endpoint, params):
        """get(), or None when MLflow says RESOURCE_DOES_NOT_EXIST."""
        try:
            return self.get(endpoint, params)
        except MlflowApiError as exc:
            if exc.error_code == "RESOURCE_DOES_NOT_EXIST":
                return None
            raise

    def _call(self, method, endpoint, body):
        what = "%s %s" % (method, endpoint.split("?")[0])
        attempt = 0
        while True:
            try:
                return self._once(method, endpoint, body, what)
            except _Retryable as exc:
                if attempt >= self.retries or not (method == "GET" or exc.nothing_sent):
                    raise exc.error from None
            time.sleep(0.5 * 2 ** attempt)
            attempt += 1

    def _once(self, method, endpoint, body, what):
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = "Bearer %s" % self.token
        try:
            response = _request(
                (self.root_url if endpoint.startswith("/") else self.base_url) + endpoint, method=method, headers=headers, context=self._context,
                data=None if body is None else json.dumps(body),
                url_username=self.username, url_password=self.password, force_basic_auth=bool(self.username),
                validate_certs=self.validate_certs, ca_path=self.ca_path, timeout=self.timeout,
                http_agent="ansible-mlops.mlflow", follow_redirects="safe")
            text = response.read()
        except HTTPError as exc:
            error = self._http_error(exc, what)
            if exc.code in RETRY_STATUSES:
                raise _Retryable(error, nothing_sent=False)
            raise error
        except (URLError, OSError, HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, ssl.SSLError):
                raise MlflowApiError("TLS to the MLflow server at %s failed: %s; set ca_path (or "
                                     "MLFLOW_TRACKING_SERVER_CERT_PATH) to the CA bundle that signed its certificate"
                                     % (self.display_uri, _reason(reason)))
            if isinstance(reason, (socket.timeout, TimeoutError)):
                message = "%s to the MLflow server at %s timed out after %g s" % (what, self.display_uri, self.timeout)
                if method != "GET":
                    message += "; the request may or may not have been applied, check before running again"
                raise _Retryable(MlflowApiError(message), nothing_sent=False)
            error = MlflowApiError("cannot reach the MLflow server at %s: %s" % (self.display_uri, _reason(reason)))
            raise _Retryable(error, nothing_sent=isinstance(reason, (ConnectionRefusedError, socket.gaierror)))
        try:
            return json.loads(text) if text.strip() else {}
        except ValueError:
            raise MlflowApiError("%s at %s did not answer with JSON; is tracking_uri the address of an "
                                 "MLflow server?" % (what, self.display_uri))

    def _http_error(self, exc, what):
        try:
            payload = json.loads(exc.read())
        except (ValueError, OSError, TypeError):
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        error_code = payload.get("error_code")
        if exc.code == 401:
            if self.token or self.username:
                message = "MLflow refused the credentials (%s) with HTTP 401; check them" % (
                    "token" if self.token else "username/password")
            else:
                message = ("MLflow requires credentials (HTTP 401) and none were given; set username and password "
                           "or token (or MLFLOW_TRACKING_USERNAME/PASSWORD or MLFLOW_TRACKING_TOKEN)")
            return MlflowApiError(message, 401, error_code or "UNAUTHENTICATED")
        if exc.code == 403:
            who = "user %r" % self.username if self.username else "the token's user" if self.token else "anonymous"
            return MlflowApiError("permission denied: MLflow does not let %s call %s (HTTP 403); grant the "
                                  "permission in MLflow or use other credentials" % (who, what),
                                  403, error_code or "PERMISSION_DENIED")
        # Server messages can run on with SQL and tracebacks: keep the first line.
        # MLflow says "message"; the FastAPI routes of mlflow-oidc-auth say "detail".
        said = payload.get("message") or payload.get("detail")
        detail = (said if isinstance(said, str) and said else "%s %s" % (exc.code, exc.reason)).strip().split("\n")[0]
        if exc.code == 404 and not error_code:
            detail += "; is tracking_uri the base address of an MLflow server?"
        return MlflowApiError("MLflow answered %s with HTTP %s%s: %s" % (
            what, exc.code, " " + error_code if error_code else "", detail.rstrip(".")), exc.code, error_code)


class MlflowClient(MlflowConnection):
    """An MlflowConnection from a module's common options; bad settings fail the module."""

    def __init__(self, module):
        # Masked in everything the module returns, the failure below included.
        secret = uri_password(module.params["tracking_uri"])
        if secret:
            module.no_log_values.add(secret)
        try:
            super().__init__(**{name: module.params[name] for name in COMMON_OPTIONS})
        except MlflowApiError as exc:
            fail_from(module, exc)


def uri_password(uri):
    """The password in a URI's user:password@, or None."""
    userinfo, at, _host = urlsplit(uri or "").netloc.rpartition("@")
    return userinfo.partition(":")[2] if at and ":" in userinfo else None


def _request(url, method, **kwargs):
    """ansible.module_utils.urls' open_url, with an SSL context where Request takes one (ansible-core 2.17 and
    later; 2.16 builds its own, loading the CA store even for plain http)."""
    if not _REQUEST_TAKES_CONTEXT:
        kwargs.pop("context", None)
    return Request().open(method, url, **kwargs)


_REQUEST_TAKES_CONTEXT = "context" in inspect.signature(Request.open).parameters


class _Retryable(Exception):
    """Carries an MlflowApiError the retry loop may ask again for."""

    def __init__(self, error, nothing_sent):
        super().__init__(error.message)
        self.error = error
        self.nothing_sent = nothing_sent


def _query_value(value):
    # MLflow parses query booleans as the strings true/false only.
    return str(value).lower() if isinstance(value, bool) else value


def _reason(reason):
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host (%s)" % (reason.strerror or reason)
    return str(getattr(reason, "strerror", None) or reason)


def tags_to_dict(tag_list):
    """MLflow's [{"key": k, "value": v}] as {k: v}."""
    return {tag["key"]: tag.get("value", "") for tag in tag_list or []}


def registered_model_facts(raw):
    """A registered model as the modules return it: tags and aliases as dicts, no missing keys."""
    return dict(
        name=raw["name"],
        description=raw.get("description", ""),
        tags=tags_to_dict(raw.get("tags")),
        aliases={alias["alias"]: alias["version"] for alias in raw.get("aliases", [])},
        latest_versions=raw.get("latest_versions", []),
        creation_timestamp=raw.get("creation_timestamp"),
        last_updated_timestamp=raw.get("last_updated_timestamp"),
    )


def model_version_facts(mv):
    """A model version as the modules return it: version a string, tags a dict, no missing keys."""
    return dict(
        name=mv.get("name"), version=None if mv.get("version") is None else str(mv["version"]),
        source=mv.get("source"), run_id=mv.get("run_id") or None, model_id=mv.get("model_id") or None,
        status=mv.get("status"), status_message=mv.get("status_message") or None,
        description=mv.get("description") or "", tags=tags_to_dict(mv.get("tags")),
        aliases=sorted(mv.get("aliases") or []), current_stage=mv.get("current_stage") or "None",
        creation_timestamp=mv.get("creation_timestamp"), last_updated_timestamp=mv.get("last_updated_timestamp"))


def with_aliases(client, versions):
    """Model versions from model-versions/search with their aliases, which MLflow's SQL store leaves out
    of search results (aliases: []). One request per registered model: model-versions/get for a single
    version, registered-models/get (which fills the model's aliases) for several."""
    by_name = {}
    for mv in versions:
        by_name.setdefault(mv["name"], []).append(mv)
    aliases = {}
    for name, group in by_name.items():
        if len(group) == 1:
            found = client.exists("model-versions/get", {"name": name, "version": str(group[0]["version"])})
            aliases[(name, str(group[0]["version"]))] = (found or {}).get("model_version", {}).get("aliases") or []
            continue
        found = client.exists("registered-models/get", {"name": name}) or {}
        for alias in found.get("registered_model", {}).get("aliases", []):
            aliases.setdefault((name, str(alias["version"])), []).append(alias["alias"])
    return [dict(mv, aliases=aliases.get((mv["name"], str(mv["version"])), [])) for mv in versions]


def alias_list(aliases):
    """{alias: version} as words for a message: `champion -> version 3, shadow -> version 4`."""
    return ", ".join("%s -> version %s" % pair for pair in sorted(aliases.items()))


def filter_clause(key, value):
    """`key = value` for a search filter. MLflow's parser only strips the quotes (no escapes), so a value
    holding ' goes in double quotes; one holding both quote kinds becomes a LIKE with _ standing for the
    quotes and backslashes (PostgreSQL's LIKE escape): a superset that callers narrow by exact comparison."""
    if "'" not in value:
        return "%s = '%s'" % (key, value)
    if '"' not in value:
        return '%s = "%s"' % (key, value)
    return "%s LIKE '%s'" % (key, "".join("_" if c in "'\"\\" else c for c in value))


def search_pages(client, endpoint, params):
    """Each answer of a paged MLflow search (GET endpoint with params), following next_page_token.

    A generator: a caller that stops early sends no further requests. params itself is not changed."""
    params = dict(params)
    while True:
        page = client.get(endpoint, params)
        yield page
        if not page.get("next_page_token"):
            return
        params["page_token"] = page["next_page_token"]


def search_results(client, endpoint, key, params):
    """Every item under key (model_versions, registered_models, ...) of a paged search, in server order."""
    for page in search_pages(client, endpoint, params):
        yield from page.get(key, [])


def alias_version(client, name, alias):
    """The version number alias points at, or None when the alias or the model does not exist.
    One cheap request: registered-models/get would read every version of the model."""
    try:
        return client.get("registered-models/alias", {"name": name, "alias": alias})["model_version"]["version"]
    except MlflowApiError as exc:
        # MLflow 3.17 answers a missing alias with INVALID_PARAMETER_VALUE.
        if exc.error_code not in ("RESOURCE_DOES_NOT_EXIST", "INVALID_PARAMETER_VALUE"):
            raise
    return None


def tag_changes(current, desired, purge):
    """(tags to set {key: value}, keys to delete) taking current to desired; desired None leaves tags alone."""
    if desired is None:
        return {}, []
    to_set = {key: value for key, value in desired.items() if current.get(key) != value}
    to_delete = sorted(key for key in current if key not in desired) if purge else []
    return to_set, to_delete


def tags_after(current, to_set, to_delete):
    """The tags current becomes once tag_changes() are applied."""
    tags = {key: value for key, value in current.items() if key not in to_delete}
    tags.update(to_set)
    return tags


def tags_to_list(tags):
    """{k: v} as MLflow's [{"key": k, "value": v}], for create calls."""
    return [dict(key=key, value=value) for key, value in (tags or {}).items()]


def validate_tags(module, tags, option="tags"):
    """Fail unless every value is a string (YAML reads 1, yes, 1.0 as other types; keys arrive as strings)."""
    for key, value in (tags or {}).items():
        if not isinstance(value, str):
            module.fail_json(msg="%s.%s must be a string; quote it (got %r)" % (option, key, value))


def fail_from(module, exc, **kwargs):
    """Fail the module with the error's one sentence and its MLflow error code and status."""
    module.fail_json(msg=exc.message, error_code=exc.error_code, status=exc.status, **kwargs)
