import io
import json
import socket
from urllib.error import HTTPError, URLError

import pytest

from ansible_collections.mlops.mlflow.plugins.module_utils import mlflow_api
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import (
    MlflowApiError,
    MlflowClient,
    MlflowConnection,
    mlflow_argument_spec,
    search_pages,
    search_results,
    tag_changes,
    tags_after,
    tags_to_dict,
    validate_tags,
    with_aliases,
)

URI = "http://127.0.0.1:5000"
PASSWORD = "s3cret-pw"


class FakeServer:
    """Stands in for the HTTP call: answers from a script, records each request and each backoff."""

    def __init__(self, monkeypatch, *answers):
        self.answers = list(answers)
        self.requests = []
        self.sleeps = []
        monkeypatch.setattr(mlflow_api, "_request", self.open_url)
        monkeypatch.setattr(mlflow_api.time, "sleep", self.sleeps.append)

    def open_url(self, url, **kwargs):
        self.requests.append(dict(kwargs, url=url))
        answer = self.answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return io.BytesIO(json.dumps(answer).encode())


def http_error(code, error_code=None, message="", body=None):
    if body is None:
        body = json.dumps({"error_code": error_code, "message": message}) if error_code else ""
    return HTTPError("%s/api/2.0/mlflow/x" % URI, code, "reason %d" % code, {}, io.BytesIO(body.encode()))


def refused():
    return URLError(ConnectionRefusedError(111, "Connection refused"))


class FakeModule:
    def __init__(self, **params):
        self.params = dict(dict(username=None, password=None, token=None, ca_path=None, validate_certs=True,
                                timeout=30, retries=3), **params)
        self.no_log_values = set()

    def fail_json(self, **kwargs):
        raise AssertionError(kwargs)


# tags


def test_tag_changes_sets_new_and_changed_tags_and_keeps_others_without_purge():
    assert tag_changes({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "20", "d": "4"}, purge=False) == (
        {"b": "20", "d": "4"}, [])


def test_tag_changes_with_purge_deletes_tags_not_desired():
    assert tag_changes({"a": "1", "z": "9", "b": "2"}, {"a": "1"}, purge=True) == ({}, ["b", "z"])


def test_tag_changes_without_desired_tags_changes_nothing_even_with_purge():
    assert tag_changes({"a": "1"}, None, purge=True) == ({}, [])


def test_tag_changes_purge_with_empty_desired_deletes_every_tag():
    assert tag_changes({"a": "1", "b": "2"}, {}, purge=True) == ({}, ["a", "b"])


def test_tags_after_applies_tag_changes():
    current = {"a": "1", "b": "2", "c": "3"}
    to_set, to_delete = tag_changes(current, {"a": "10", "d": "4"}, purge=True)
    assert tags_after(current, to_set, to_delete) == {"a": "10", "d": "4"}


def test_tags_to_dict_reads_mlflow_tag_lists():
    assert tags_to_dict([{"key": "a", "value": "1"}, {"key": "empty"}]) == {"a": "1", "empty": ""}
    assert tags_to_dict(None) == {}


def test_validate_tags_names_the_tag_that_is_not_a_string():
    with pytest.raises(AssertionError, match=r"tags\.tier must be a string; quote it"):
        validate_tags(FakeModule(), {"team": "growth", "tier": 1})
    validate_tags(FakeModule(), {"team": "growth"})
    validate_tags(FakeModule(), None)


# settings


def test_argument_spec_has_common_options_with_secrets_hidden_and_module_options():
    spec = mlflow_argument_spec(name=dict(type="str", required=True))
    assert set(mlflow_api.COMMON_OPTIONS) | {"name"} == set(spec)
    assert spec["password"]["no_log"] and spec["token"]["no_log"]
    assert spec["validate_certs"]["default"] is True


@pytest.mark.parametrize("env, expected", [("true", False), ("1", False), ("false", True), ("0", True)])
def test_insecure_tls_env_turns_validation_off(monkeypatch, env, expected):
    monkeypatch.setenv("MLFLOW_TRACKING_INSECURE_TLS", env)
    assert mlflow_api.insecure_tls_from_env() is expected


@pytest.mark.parametrize("uri, words", [
    (None, "tracking_uri is required"),
    ("", "tracking_uri is required"),
    ("file:///tmp/mlruns", "must be an http:// or https:// URL"),
    ("127.0.0.1:5000", "must be an http:// or https:// URL"),
    ("databricks", "must be an http:// or https:// URL"),
])
def test_tracking_uri_must_be_http_or_https(uri, words):
    with pytest.raises(MlflowApiError, match=words) as raised:
        MlflowConnection(uri)
    assert "MLFLOW_TRACKING_URI" in raised.value.message


def test_invalid_tracking_uri_message_hides_userinfo():
    with pytest.raises(MlflowApiError) as raised:
        MlflowConnection("ftp://bob:%s@host/x" % PASSWORD)
    assert PASSWORD not in raised.value.message


@pytest.mark.parametrize("uri", ["https://bob:%s@mlflow.internal" % PASSWORD, "http://:%s@mlflow.internal:5000/" % PASSWORD])
def test_tracking_uri_with_a_password_is_refused_naming_the_options(uri):
    with pytest.raises(MlflowApiError) as raised:
        MlflowConnection(uri)
    assert "give the address alone and the credentials in username and password" in raised.value.message
    assert PASSWORD not in raised.value.message


def test_client_masks_a_password_in_tracking_uri_in_everything_the_module_returns():
    module = FakeModule(tracking_uri="https://bob:%s@mlflow.internal" % PASSWORD)
    with pytest.raises(AssertionError, match="carries a password"):
        MlflowClient(module)
    assert module.no_log_values == {PASSWORD}


def test_a_user_name_alone_in_tracking_uri_is_accepted():
    assert MlflowConnection("http://bob@mlflow.internal:5000").display_uri == "http://mlflow.internal:5000"


def test_token_and_password_are_mutually_exclusive():
    with pytest.raises(MlflowApiError, match="either token or username/password"):
        MlflowConnection(URI, username="bob", password=PASSWORD, token="tok")


def test_username_needs_password():
    with pytest.raises(MlflowApiError, match="go together"):
        MlflowConnection(URI, username="bob")


def test_client_fails_the_module_on_bad_settings():
    with pytest.raises(AssertionError, match="must be an http"):
        MlflowClient(FakeModule(tracking_uri="mlruns"))


# requests


def test_get_sends_params_as_query_string_with_mlflow_booleans(monkeypatch):
    server = FakeServer(monkeypatch, {"registered_models": []})
    client = MlflowConnection(URI + "/")
    assert client.get("registered-models/search", {"filter": "name = 'a'", "page_token": None, "x": True}) == {
        "registered_models": []}
    request = server.requests[0]
    assert request["url"] == URI + "/api/2.0/mlflow/registered-models/search?filter=name+%3D+%27a%27&x=true"
    assert request["method"] == "GET" and request["data"] is None


def test_post_sends_json_with_basic_auth(monkeypatch):
    server = FakeServer(monkeypatch, {})
    MlflowClient(FakeModule(tracking_uri=URI, username="bob", password=PASSWORD)).post(
        "registered-models/create", {"name": "m"})
    request = server.requests[0]
    assert json.loads(request["data"]) == {"name": "m"}
    assert request["headers"]["Content-Type"] == "application/json"
    assert (request["url_username"], request["url_password"], request["force_basic_auth"]) == ("bob", PASSWORD, True)


def test_token_goes_in_a_bearer_header(monkeypatch):
    server = FakeServer(monkeypatch, {})
    MlflowConnection(URI, token="tok").delete("registered-models/delete", {"name": "m"})
    request = server.requests[0]
    assert request["headers"]["Authorization"] == "Bearer tok"
    assert request["method"] == "DELETE" and not request["force_basic_auth"]


def test_empty_answer_is_an_empty_dict(monkeypatch):
    FakeServer(monkeypatch, {})
    assert MlflowConnection(URI).patch("registered-models/update", {"name": "m"}) == {}


# error mapping


def test_401_says_the_credentials_were_refused_without_the_password(monkeypatch):
    FakeServer(monkeypatch, http_error(401, body="You are not authenticated."))
    with pytest.raises(MlflowApiError) as raised:
        MlflowConnection(URI, username="bob", password=PASSWORD).get("experiments/search")
    error = raised.value
    assert "MLflow refused the credentials (username/password) with HTTP 401" in error.message
    assert (error.status, error.error_code) == (401, "UNAUTHENTICATED")
    assert PASSWORD not in error.message


def test_401_without_credentials_says_none_were_given(monkeypatch):
    FakeServer(monkeypatch, http_error(401))
    with pytest.raises(MlflowApiError, match="none were given; set username and password or token"):
        MlflowConnection(URI).get("experiments/search")


def test_401_with_token_names_the_token(monkeypatch):
    FakeServer(monkeypatch, http_error(401))
    with pytest.raises(MlflowApiError, match=r"refused the credentials \(token\)") as raised:
        MlflowConnection(URI, token="tok-secret").get("experiments/search")
    assert "tok-secret" not in raised.value.message


def test_403_is_permission_denied_naming_user_and_call(monkeypatch):
    FakeServer(monkeypatch, http_error(403, body="Permission denied"))
    with pytest.raises(MlflowApiError) as raised:
        MlflowConnection(URI, username="bob", password=PASSWORD).post("registered-models/create", {"name": "m"})
    error = raised.value
    assert error.message.startswith("permission denied: MLflow does not let user 'bob' call POST registered-models/create")
    assert (error.status, error.error_code) == (403, "PERMISSION_DENIED")
    assert PASSWORD not in error.message


def test_404_resource_does_not_exist_is_none_for_exists_and_an_error_for_get(monkeypatch):
    missing = dict(error_code="RESOURCE_DOES_NOT_EXIST", message="Registered Model with name=m not found")
    FakeServer(monkeypatch, http_error(404, **missing), http_error(404, **missing))
    client = MlflowConnection(URI)
    assert client.exists("registered-models/get", {"name": "m"}) is None
    with pytest.raises(MlflowApiError) as raised:
        client.get("registered-models/get", {"name": "m"})
    assert raised.value.error_code == "RESOURCE_DOES_NOT_EXIST" and raised.value.status == 404
    assert "Registered Model with name=m not found" in raised.value.message


def test_exists_raises_other_errors(monkeypatch):
    FakeServer(monkeypatch, http_error(400, "INVALID_PARAMETER_VALUE", "bad name"))
    with pytest.raises(MlflowApiError, match="bad name"):
        MlflowConnection(URI).exists("registered-models/get", {"name": ""})


def test_404_without_mlflow_error_hints_at_a_wrong_tracking_uri(monkeypatch):
    FakeServer(monkeypatch, http_error(404, body="<html>Not Found</html>"))
    with pytest.raises(MlflowApiError, match="is tracking_uri the base address of an MLflow server") as raised:
        MlflowConnection(URI).exists("registered-models/get", {"name": "m"})
    assert raised.value.error_code is None


def test_already_exists_keeps_error_code_and_only_the_first_line(monkeypatch):
    FakeServer(monkeypatch, http_error(400, "RESOURCE_ALREADY_EXISTS", "Experiment(name=e) already exists.\n[SQL: INSERT]"))
    with pytest.raises(MlflowApiError) as raised:
        MlflowConnection(URI).post("experiments/create", {"name": "e"})
    error = raised.value
    assert (error.status, error.error_code) == (400, "RESOURCE_ALREADY_EXISTS")
    assert error.message == ("MLflow answered POST experiments/create with HTTP 400 RESOURCE_ALREADY_EXISTS: "
                             "Experiment(name=e) already exists")


def test_a_non_json_answer_says_the_server_may_not_be_mlflow(monkeypatch):
    server = FakeServer(monkeypatch)
    monkeypatch.setattr(mlflow_api, "_request", lambda url, **kw: io.BytesIO(b"<html></html>"))
    with pytest.raises(MlflowApiError, match="did not answer with JSON"):
        MlflowConnection(URI).get("experiments/search")
    assert server.sleeps == []


def test_unreachable_server_message_hides_userinfo(monkeypatch):
    FakeServer(monkeypatch, *[refused()] * 4)
    with pytest.raises(MlflowApiError) as raised:
        MlflowConnection("http://bob@mlflow.internal:5000/").get("experiments/search")
    assert raised.value.message == "cannot reach the MLflow server at http://mlflow.internal:5000: connection refused"
    assert raised.value.status is None


# retries


def test_get_is_retried_on_503_then_succeeds(monkeypatch):
    server = FakeServer(monkeypatch, http_error(503), http_error(503), {"experiments": []})
    assert MlflowConnection(URI).get("experiments/search") == {"experiments": []}
    assert len(server.requests) == 3
    assert server.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("failure", [URLError(TimeoutError("timed out")), TimeoutError("timed out"),
                                     URLError(OSError(113, "No route to host")), http_error(429), http_error(504)])
def test_get_is_retried_on_connection_failures_and_busy_answers(monkeypatch, failure):
    server = FakeServer(monkeypatch, failure, {})
    assert MlflowConnection(URI).get("experiments/search") == {}
    assert len(server.requests) == 2


def test_get_gives_up_after_retries_with_backoff(monkeypatch):
    server = FakeServer(monkeypatch, *[http_error(503)] * 3)
    with pytest.raises(MlflowApiError, match="HTTP 503") as raised:
        MlflowConnection(URI, retries=2).get("experiments/search")
    assert raised.value.status == 503
    assert server.sleeps == [0.5, 1.0]


def test_get_is_not_retried_on_a_client_error(monkeypatch):
    server = FakeServer(monkeypatch, http_error(400, "INVALID_PARAMETER_VALUE", "bad filter"))
    with pytest.raises(MlflowApiError):
        MlflowConnection(URI).get("registered-models/search", {"filter": "==="})
    assert len(server.requests) == 1


@pytest.mark.parametrize("timeout", [URLError(socket.timeout("timed out")), TimeoutError("timed out")])
def test_post_is_not_retried_on_timeout_and_says_it_may_have_been_applied(monkeypatch, timeout):
    server = FakeServer(monkeypatch, timeout, {})
    with pytest.raises(MlflowApiError) as raised:
        MlflowConnection(URI, timeout=7).post("model-versions/create", {"name": "m", "source": "s3://b/m"})
    assert raised.value.message == ("POST model-versions/create to the MLflow server at %s timed out after 7 s; "
                                    "the request may or may not have been applied, check before running again" % URI)
    assert len(server.requests) == 1 and server.sleeps == []


def test_post_is_not_retried_on_503(monkeypatch):
    server = FakeServer(monkeypatch, http_error(503), {})
    with pytest.raises(MlflowApiError, match="HTTP 503"):
        MlflowConnection(URI).post("registered-models/create", {"name": "m"})
    assert len(server.requests) == 1


def test_post_is_not_retried_when_the_connection_broke_after_sending(monkeypatch):
    server = FakeServer(monkeypatch, ConnectionResetError(104, "Connection reset by peer"), {})
    with pytest.raises(MlflowApiError, match="cannot reach the MLflow server"):
        MlflowConnection(URI).patch("registered-models/update", {"name": "m"})
    assert len(server.requests) == 1


@pytest.mark.parametrize("failure", [refused(), URLError(socket.gaierror(-2, "Name or service not known"))])
def test_post_is_retried_when_nothing_reached_the_server(monkeypatch, failure):
    server = FakeServer(monkeypatch, failure, {"registered_model": {"name": "m"}})
    assert MlflowConnection(URI).post("registered-models/create", {"name": "m"}) == {"registered_model": {"name": "m"}}
    assert len(server.requests) == 2 and server.sleeps == [0.5]


def test_no_retries_means_one_attempt(monkeypatch):
    server = FakeServer(monkeypatch, refused())
    with pytest.raises(MlflowApiError, match="connection refused"):
        MlflowConnection(URI, retries=0).delete("registered-models/delete", {"name": "m"})
    assert len(server.requests) == 1


class PagedServer:
    """Answers client.get with one page per call, recording a copy of each request's params."""

    def __init__(self, *pages):
        self.pages = list(pages)
        self.requests = []

    def get(self, endpoint, params):
        self.requests.append((endpoint, dict(params)))
        return self.pages.pop(0)


def test_search_results_follow_page_tokens_in_server_order():
    server = PagedServer({"model_versions": [1, 2], "next_page_token": "t1"}, {"model_versions": [3]})
    params = {"filter": "name = 'm'", "max_results": 2}
    assert list(search_results(server, "model-versions/search", "model_versions", params)) == [1, 2, 3]
    assert server.requests == [("model-versions/search", {"filter": "name = 'm'", "max_results": 2}),
                               ("model-versions/search", {"filter": "name = 'm'", "max_results": 2,
                                                          "page_token": "t1"})]
    assert params == {"filter": "name = 'm'", "max_results": 2}


def test_search_results_of_an_empty_answer_is_empty():
    server = PagedServer({})
    assert list(search_results(server, "registered-models/search", "registered_models", {})) == []
    assert len(server.requests) == 1


def test_search_pages_sends_no_request_past_the_page_the_caller_stopped_at():
    server = PagedServer({"model_versions": [1], "next_page_token": "t1"}, {"model_versions": [2]})
    for page in search_pages(server, "model-versions/search", {}):
        if page["model_versions"] == [1]:
            break
    assert len(server.requests) == 1


def test_with_aliases_asks_once_per_model(monkeypatch):
    server = FakeServer(
        monkeypatch,
        {"model_version": {"name": "a", "version": "1", "aliases": ["champion"]}},
        {"registered_model": {"name": "b", "aliases": [{"alias": "x", "version": "2"}, {"alias": "y", "version": "2"}]}})
    searched = [dict(name="a", version="1", aliases=[]), dict(name="b", version="2", aliases=[]),
                dict(name="b", version="3", aliases=[])]
    filled = with_aliases(MlflowConnection(URI), searched)
    assert [(mv["name"], mv["version"], mv["aliases"]) for mv in filled] == [
        ("a", "1", ["champion"]), ("b", "2", ["x", "y"]), ("b", "3", [])]
    assert [r["url"].split("/mlflow/")[1].split("?")[0] for r in server.requests] == [
        "model-versions/get", "registered-models/get"]
    assert with_aliases(MlflowConnection(URI), []) == []
