import re

import pytest

try:
    from mlflow.exceptions import MlflowException
    from mlflow.utils.search_utils import SearchModelVersionUtils
    from mlflow.utils.validation import _validate_model_alias_name, _validate_model_alias_name_reserved
except ImportError:  # a virtualenv of scripts/ansible-cores on another Python than .venv's
    SearchModelVersionUtils = None
needs_mlflow = pytest.mark.skipif(SearchModelVersionUtils is None, reason="MLflow is not installed here")

from ansible_collections.mlops.mlflow.plugins.modules.mlflow_model_alias import (
    alias_error,
    latest_filter,
    params_error,
    pick_latest,
)


def mlflow_accepts(alias):
    try:
        _validate_model_alias_name(alias)
        _validate_model_alias_name_reserved(alias)
    except MlflowException:
        return False
    return True


@needs_mlflow
@pytest.mark.parametrize("alias", [
    "champion", "challenger-2", "prod_eu", "Champion", "v", "v1a", "version3", "latest2", "élu", "a" * 255,
    "latest", "LATEST", "Latest", "v1", "V12", "v007", "my alias", "a/b", "a.b", "a@b", "", "a" * 256, "café!",
])
def test_alias_rules_match_mlflows_own(alias):
    assert (alias_error(alias) is None) == mlflow_accepts(alias)


@pytest.mark.parametrize("alias, message", [
    ("latest", "'latest' is reserved by MLflow"),
    ("Latest", "'Latest' is reserved by MLflow"),
    ("v3", "'v3' is reserved by MLflow for version numbers"),
    ("V42", "reserved by MLflow for version numbers"),
    ("my alias", "may only contain letters, digits, underscores (_) and hyphens (-)"),
    ("a" * 256, "at most 255"),
])
def test_alias_errors_name_the_problem_and_the_option(alias, message):
    error = alias_error(alias)
    assert message in error
    assert "alias" in error


@pytest.mark.parametrize("version, tags, message", [
    ("latest", None, None),
    ("12", None, None),
    (None, None, None),
    ("latest", {"validation": "passed"}, None),
    ("newest", None, "version must be a version number or 'latest'"),
    ("1.0", None, "version must be a version number or 'latest'"),
    ("3", {"validation": "passed"}, "latest_with_tag only applies with version: latest"),
    ("latest", {"a`b": "x"}, "backtick"),
])
def test_version_options_are_checked_before_any_request(version, tags, message):
    error = params_error({"version": version, "latest_with_tag": tags})
    assert (error is None) if message is None else (message in error)


def mv(version, status="READY", name="m", **tags):
    return dict(name=name, version=str(version), status=status,
                tags=[dict(key=k, value=v) for k, v in tags.items()])


def test_latest_is_the_highest_ready_version_by_number_not_by_text():
    assert pick_latest([mv(9), mv(10), mv(2)], "m", None)["version"] == "10"


def test_latest_skips_pending_and_failed_versions():
    versions = [mv(12, "PENDING_REGISTRATION"), mv(11, "FAILED_REGISTRATION"), mv(10)]
    assert pick_latest(versions, "m", None)["version"] == "10"
    assert pick_latest(versions[:2], "m", None) is None


def test_latest_with_tag_needs_every_tag_with_its_value():
    versions = [mv(5, validation="passed", region="eu"), mv(7, validation="failed"), mv(6, validation="passed")]
    assert pick_latest(versions, "m", {"validation": "passed"})["version"] == "6"
    assert pick_latest(versions, "m", {"validation": "passed", "region": "eu"})["version"] == "5"
    assert pick_latest(versions, "m", {"validation": "unknown"}) is None


def test_latest_ignores_other_models_a_like_filter_let_through():
    assert pick_latest([mv(9, name="m2"), mv(3)], "m", None)["version"] == "3"


@needs_mlflow
def test_latest_filter_is_one_server_side_search():
    text = latest_filter("fraud", {"validation": "passed", "team name": "it's"})
    assert text == "name = 'fraud' AND tags.`team name` = \"it's\" AND tags.`validation` = 'passed'"
    parsed = SearchModelVersionUtils.parse_search_filter(text)
    assert [(c["type"], c["key"], c["value"]) for c in parsed] == [
        ("attribute", "name", "fraud"), ("tag", "team name", "it's"), ("tag", "validation", "passed")]
    assert re.fullmatch(r"name = 'm'", latest_filter("m", None))
