import pytest

from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import MlflowApiError
from ansible_collections.mlops.mlflow.plugins.modules.mlflow_registered_model import (
    ensure_absent,
    ensure_present,
    model_changes,
    new_model,
)


class FakeRegistry:
    """The registered-models endpoints over a dict, recording every write."""

    def __init__(self, **models):
        self.models = {name: dict(name=name, **model) for name, model in models.items()}
        self.writes = []
        self.appears_on_create = None  # a model a concurrent run creates just before ours

    def exists(self, endpoint, params):
        assert endpoint == "registered-models/get"
        model = self.models.get(params["name"])
        return {"registered_model": dict(model, tags=[dict(key=k, value=v) for k, v in model.get("tags", {}).items()])} \
            if model else None

    def post(self, endpoint, body):
        self.writes.append((endpoint, body))
        if endpoint == "registered-models/create":
            if self.appears_on_create:
                self.models[body["name"]] = self.appears_on_create
                raise MlflowApiError("exists", 400, "RESOURCE_ALREADY_EXISTS")
            self.models[body["name"]] = dict(name=body["name"], description=body.get("description", ""),
                                             tags={t["key"]: t["value"] for t in body.get("tags", [])})
        elif endpoint == "registered-models/rename":
            self.models[body["new_name"]] = dict(self.models.pop(body["name"]), name=body["new_name"])
            return self.exists("registered-models/get", {"name": body["new_name"]})
        elif endpoint == "registered-models/set-tag":
            self.models[body["name"]].setdefault("tags", {})[body["key"]] = body["value"]
        return {}

    def patch(self, endpoint, body):
        self.writes.append((endpoint, body))
        self.models[body["name"]]["description"] = body["description"]
        return {}

    def delete(self, endpoint, body):
        self.writes.append((endpoint, body))
        if endpoint == "registered-models/delete-tag":
            del self.models[body["name"]]["tags"][body["key"]]
        else:
            del self.models[body["name"]]
        return {}


def params(**overrides):
    return dict(dict(name="churn", description=None, tags=None, purge_tags=False, rename_from=None, force=False),
                **overrides)


def test_model_changes_ignores_options_that_are_not_set():
    current = new_model("churn", "first", {"a": "1"})
    assert model_changes(current, None, None, purge_tags=True) == (None, {}, [])


def test_model_changes_sets_description_and_tags_that_differ():
    current = new_model("churn", "first", {"a": "1", "b": "2"})
    assert model_changes(current, "second", {"a": "1", "c": "3"}, purge_tags=True) == ("second", {"c": "3"}, ["b"])
    assert model_changes(current, "", None, purge_tags=False) == ("", {}, [])


def test_new_model_looks_like_a_server_answer():
    assert new_model("churn", None, {"a": "1"}) == dict(
        name="churn", description="", tags={"a": "1"}, aliases={}, latest_versions=[],
        creation_timestamp=None, last_updated_timestamp=None)


def test_check_mode_create_writes_nothing_and_predicts_the_model():
    registry = FakeRegistry()
    changed, before, after = ensure_present(registry, params(description="d", tags={"a": "1"}), check_mode=True)
    assert (changed, before, registry.writes) == (True, None, [])
    assert (after["name"], after["description"], after["tags"]) == ("churn", "d", {"a": "1"})


def test_create_sends_description_and_tags_in_one_call_then_nothing_on_the_second_run():
    registry = FakeRegistry()
    wanted = params(description="d", tags={"a": "1"})
    changed, _diff, after = ensure_present(registry, wanted, check_mode=False)
    assert changed and after["tags"] == {"a": "1"}
    assert registry.writes == [("registered-models/create",
                                {"name": "churn", "description": "d", "tags": [{"key": "a", "value": "1"}]})]
    registry.writes.clear()
    assert ensure_present(registry, wanted, check_mode=False)[0] is False
    assert registry.writes == []


def test_update_patches_description_sets_and_purges_tags():
    registry = FakeRegistry(churn=dict(description="old", tags={"a": "1", "b": "2"}))
    changed, before, after = ensure_present(
        registry, params(description="new", tags={"a": "10"}, purge_tags=True), check_mode=False)
    assert changed and before["tags"] == {"a": "1", "b": "2"}
    assert (after["description"], after["tags"]) == ("new", {"a": "10"})
    assert [endpoint for endpoint, _body in registry.writes] == [
        "registered-models/update", "registered-models/set-tag", "registered-models/delete-tag"]


def test_check_mode_update_predicts_without_writing():
    registry = FakeRegistry(churn=dict(description="old", tags={"a": "1", "b": "2"}))
    changed, _diff, after = ensure_present(registry, params(tags={"c": "3"}, purge_tags=True), check_mode=True)
    assert changed and registry.writes == []
    assert (after["description"], after["tags"]) == ("old", {"c": "3"})


def test_rename_moves_the_old_model_then_is_idempotent():
    registry = FakeRegistry(old=dict(description="d", tags={"a": "1"}))
    changed, before, after = ensure_present(registry, params(rename_from="old"), check_mode=False)
    assert changed and before["name"] == "old" and after["name"] == "churn" and after["tags"] == {"a": "1"}
    registry.writes.clear()
    assert ensure_present(registry, params(rename_from="old"), check_mode=False)[0] is False
    assert registry.writes == []


def test_check_mode_rename_writes_nothing():
    registry = FakeRegistry(old=dict(description="d"))
    changed, before, after = ensure_present(registry, params(rename_from="old"), check_mode=True)
    assert changed and registry.writes == [] and (before["name"], after["name"]) == ("old", "churn")


def test_rename_fails_when_both_models_exist():
    registry = FakeRegistry(old={}, churn={})
    with pytest.raises(MlflowApiError, match="both registered models 'churn' and 'old' exist"):
        ensure_present(registry, params(rename_from="old"), check_mode=False)
    assert registry.writes == []


def test_rename_from_itself_is_no_rename():
    registry = FakeRegistry(churn={})
    assert ensure_present(registry, params(rename_from="churn"), check_mode=False)[0] is False


def test_model_created_concurrently_is_converged_instead_of_failing():
    registry = FakeRegistry()
    registry.appears_on_create = dict(name="churn", description="", tags={"a": "1"})
    changed, before, after = ensure_present(registry, params(tags={"a": "1"}), check_mode=False)
    assert changed is False and before == after


def test_absent_deletes_an_existing_model_and_skips_a_missing_one():
    registry = FakeRegistry(churn={})
    assert ensure_absent(registry, params(), check_mode=True)[0] is True and registry.writes == []
    changed, before, after = ensure_absent(registry, params(), check_mode=False)
    assert changed and before["name"] == "churn" and after is None
    assert registry.writes == [("registered-models/delete", {"name": "churn"})]
    assert ensure_absent(registry, params(), check_mode=False)[0] is False


def test_absent_refuses_a_model_with_aliases_unless_forced():
    aliased = dict(aliases=[dict(alias="champion", version="3"), dict(alias="shadow", version="4")])
    registry = FakeRegistry(churn=aliased)
    for check_mode in (True, False):
        with pytest.raises(MlflowApiError) as refused:
            ensure_absent(registry, params(), check_mode=check_mode)
        assert "champion -> version 3, shadow -> version 4" in refused.value.message
        assert "force: true" in refused.value.message
    assert registry.writes == []
    assert ensure_absent(registry, params(force=True), check_mode=False)[0] is True
    assert registry.writes == [("registered-models/delete", {"name": "churn"})]
