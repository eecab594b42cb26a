import pytest

try:
    from mlflow.utils.search_utils import SearchModelVersionUtils
except ImportError:  # a virtualenv of scripts/ansible-cores on another Python than .venv's
    SearchModelVersionUtils = None
needs_mlflow = pytest.mark.skipif(SearchModelVersionUtils is None, reason="MLflow is not installed here")

from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import filter_clause, model_version_facts
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import MlflowApiError
from ansible_collections.mlops.mlflow.plugins.modules.mlflow_model_version import (
    canonical_source,
    ensure_absent,
    ensure_present,
    has_key,
    key_filter,
    run_id_of,
    survivor,
    wait_until_ready,
)


def mv(version, status="READY", source="s3://b/m", run_id="", **extra):
    return dict(name="m", version=str(version), status=status, source=source, run_id=run_id, **extra)


@needs_mlflow
@pytest.mark.parametrize("value", [
    "s3://bucket/model", "s3://bucket/it's", 'say "hi"', "it's \"both\"", "C:\\models\\", "a\\'b", "50%_off",
])
def test_filter_clause_parses_back_to_the_value_or_a_like_that_matches_it(value):
    parsed = SearchModelVersionUtils.parse_search_filter(filter_clause("source_path", value))
    assert len(parsed) == 1
    clause = parsed[0]
    if clause["comparator"] == "=":
        assert clause["value"] == value
    else:
        # Both quote kinds: a LIKE whose _ wildcards stand in for quotes and backslashes.
        assert clause["comparator"] == "LIKE"
        assert "'" in value and '"' in value
        assert len(clause["value"]) == len(value)
        assert all(p == c or p == "_" for p, c in zip(clause["value"], value))


def test_filter_clause_uses_double_quotes_when_the_value_has_a_single_quote():
    assert filter_clause("name", "o'brien") == 'name = "o\'brien"'
    assert filter_clause("name", "plain") == "name = 'plain'"


@needs_mlflow
def test_key_filter_adds_run_id_only_when_given():
    assert key_filter("m", "s3://b/m") == "name = 'm' AND source_path = 's3://b/m'"
    assert key_filter("m", "runs:/r1/model", "r1") == (
        "name = 'm' AND source_path = 'runs:/r1/model' AND run_id = 'r1'")
    parsed = SearchModelVersionUtils.parse_search_filter(key_filter("it's", "s3://b/it's", "r1"))
    assert [(c["key"], c["value"]) for c in parsed] == [("name", "it's"), ("source_path", "s3://b/it's"),
                                                        ("run_id", "r1")]


def test_has_key_compares_exactly_and_model_id_client_side():
    version = mv(1, model_id="m-1")
    assert has_key(version, "m", "s3://b/m")
    assert has_key(version, "m", "s3://b/m", None, "m-1")
    assert not has_key(version, "m", "s3://b/m", None, "m-2")
    # MLflow's own registry does not return model_id: the source identifies the version.
    assert has_key(mv(1), "m", "s3://b/m", None, "m-2")
    assert not has_key(version, "m", "S3://B/M")
    assert not has_key(version, "m", "s3://b/m", "r9")


def test_survivor_is_the_lowest_version_whatever_the_order():
    assert survivor([mv(9), mv(4), mv(12)])["version"] == "4"


def test_survivor_skips_failed_registrations():
    assert survivor([mv(3, "FAILED_REGISTRATION"), mv(5), mv(7)])["version"] == "5"
    assert survivor([mv(3, "FAILED_REGISTRATION")]) is None
    assert survivor([]) is None


def test_survivor_adopts_a_lower_pending_version():
    assert survivor([mv(8), mv(6, "PENDING_REGISTRATION")])["version"] == "6"


def test_eight_racing_runs_agree_on_one_survivor():
    # Each run sees at least every version lower than its own (a version number is only given out
    # after the lower ones were committed); every run must keep the same one.
    created = [mv(v) for v in range(11, 19)]
    keep = {survivor(created[:i + 1] + [ours])["version"] for i, ours in enumerate(created)}
    assert keep == {"11"}


def test_canonical_source_resolves_aliases_stages_and_latest_like_the_server():
    calls = []

    def lookup(name, alias, suffix):
        calls.append((name, alias, suffix))
        return 4

    assert canonical_source("models:/m/7", lookup) == "models:/m/7"
    assert canonical_source("models:/m/007", lookup) == "models:/m/7"
    assert canonical_source("models:/m-abc123", lookup) == "models:/m-abc123"
    assert canonical_source("s3://b/models:/x", lookup) == "s3://b/models:/x"
    assert not calls
    assert canonical_source("models:/m@champion", lookup) == "models:/m/4"
    assert canonical_source("models:/m/latest", lookup) == "models:/m/4"
    assert canonical_source("models:/m/Production", lookup) == "models:/m/4"
    assert calls == [("m", "champion", None), ("m", None, "latest"), ("m", None, "Production")]


def test_run_id_of_reads_runs_uris_only():
    assert run_id_of("runs:/abc123/model") == "abc123"
    assert run_id_of("runs:/abc123") == "abc123"
    assert run_id_of("s3://b/runs:/x") is None
    assert run_id_of("runs:/") is None


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def sleep(self, seconds):
        self.now += seconds

    def __call__(self):
        return self.now


def test_wait_returns_at_once_for_a_ready_version():
    assert wait_until_ready(None, mv(1), 10) == (mv(1), None)


def test_wait_polls_until_ready_with_growing_delays():
    clock, answers = FakeClock(), iter([mv(1, "PENDING_REGISTRATION"), mv(1)])
    result, error = wait_until_ready(lambda: next(answers), mv(1, "PENDING_REGISTRATION"), 60, clock.sleep, clock)
    assert (result["status"], error) == ("READY", None)
    assert clock.now == 1.5  # 0.5 then 1


def test_wait_reports_a_failed_registration_with_the_servers_reason():
    clock = FakeClock()
    failed = mv(2, "FAILED_REGISTRATION", status_message="artifact not found")
    _mv, error = wait_until_ready(lambda: failed, mv(2, "PENDING_REGISTRATION"), 60, clock.sleep, clock)
    assert error == "registration of model version m/2 failed: artifact not found"


def test_wait_gives_up_after_the_timeout_in_one_sentence():
    clock, pending = FakeClock(), mv(3, "PENDING_REGISTRATION")
    _mv, error = wait_until_ready(lambda: pending, pending, 20, clock.sleep, clock)
    assert error == ("model version m/3 is still PENDING_REGISTRATION after 20 seconds; "
                     "raise wait_timeout or set wait: false")
    assert clock.now == 20


def test_facts_normalize_what_mlflow_leaves_out():
    facts = model_version_facts({"name": "m", "version": "2", "source": "s3://b/m", "run_id": "", "status": "READY",
                                 "tags": [{"key": "k", "value": "v"}], "aliases": ["b", "a"]})
    assert facts["version"] == "2"
    assert facts["run_id"] is None
    assert facts["tags"] == {"k": "v"}
    assert facts["aliases"] == ["a", "b"]
    assert facts["description"] == ""
    assert facts["current_stage"] == "None"


class FakeVersions:
    """model-versions/search (aliases left out, as MLflow's SQL store does) and model-versions/get over a list."""

    def __init__(self, *versions):
        self.versions = list(versions)
        self.requests = []

    def get(self, endpoint, params):
        self.requests.append(endpoint)
        assert endpoint == "model-versions/search"
        return {"model_versions": [dict(v, aliases=[]) for v in self.versions]}

    def exists(self, endpoint, params):
        self.requests.append(endpoint)
        assert endpoint == "model-versions/get"
        found = [v for v in self.versions if v["version"] == params["version"]]
        return {"model_version": found[0]} if found else None

    def delete(self, endpoint, body):
        self.requests.append(endpoint)
        self.versions = [v for v in self.versions if v["version"] != body["version"]]


def version_params(**overrides):
    return dict(dict(name="m", source="s3://b/m", run_id=None, model_id=None, version=None, description=None,
                     tags=None, purge_tags=False, stage=None, archive_existing_versions=False, wait=True,
                     wait_timeout=300, force=False), **overrides)


def test_a_version_found_by_search_reports_its_aliases():
    registry = FakeVersions(mv(3, aliases=["champion"]))
    result = ensure_present(registry, version_params(), check_mode=False)
    assert result["changed"] is False
    assert result["model_version"]["aliases"] == ["champion"]
    assert registry.requests == ["model-versions/search", "model-versions/get"]


@pytest.mark.parametrize("by", [{"version": 3}, {}])
def test_absent_refuses_a_version_an_alias_points_at_unless_forced(by):
    registry = FakeVersions(mv(3, aliases=["champion"]))
    for check_mode in (True, False):
        with pytest.raises(MlflowApiError) as refused:
            ensure_absent(registry, version_params(**by), check_mode=check_mode)
        assert "not deleting version 3, aliases point at it (champion -> version 3)" in refused.value.message
    assert "model-versions/delete" not in registry.requests
    result = ensure_absent(registry, version_params(force=True, **by), check_mode=False)
    assert result["deleted_versions"] == ["3"] and registry.versions == []
