"""The controller-side runner of the registry modules: when it applies, and that it returns what the
module process would (validation messages, no_log values masked, check and diff mode passed on)."""

import os
import pathlib
from types import SimpleNamespace

import pytest
import yaml
from ansible.errors import AnsibleActionFail

from ansible_collections.mlops.mlflow.plugins.plugin_utils import in_process
from ansible_collections.mlops.mlflow.plugins.plugin_utils.in_process import InProcessModule, it_applies


class FakeTemplar:
    def template(self, value):
        return value


def fake_action(transport="local", become=False, async_val=0, args=None, check_mode=False, diff=False,
                action="mlops.mlflow.mlflow_model_alias", environment=None, delegate_to=None):
    def compute_environment(out):
        out.update(environment or {})

    return SimpleNamespace(
        _connection=SimpleNamespace(transport=transport, become=object() if become else None),
        _task=SimpleNamespace(async_val=async_val, args=args or {}, check_mode=check_mode, diff=diff,
                              action=action, resolved_action=action, delegate_to=delegate_to),
        _templar=FakeTemplar(), _compute_environment_string=compute_environment)


@pytest.mark.parametrize("action, task_vars, expected", [
    (fake_action(), {}, True),
    (fake_action(), {"mlops_mlflow_in_process": True}, True),
    (fake_action(), {"mlops_mlflow_in_process": False}, False),
    (fake_action(), {"mlops_mlflow_in_process": "no"}, False),
    (fake_action(transport="ssh"), {}, False),
    (fake_action(transport="community.docker.docker"), {}, False),
    (fake_action(become=True), {}, False),
    (fake_action(async_val=30), {}, False),
    # delegate_to: the switch as set for the host delegated to wins over the delegating host's
    (fake_action(delegate_to="localhost"), {"ansible_delegated_vars": {"localhost": {"mlops_mlflow_in_process": False}}},
     False),
    (fake_action(delegate_to="localhost"), {"mlops_mlflow_in_process": False,
                                            "ansible_delegated_vars": {"localhost": {"mlops_mlflow_in_process": True}}},
     True),
    (fake_action(delegate_to="localhost"), {"mlops_mlflow_in_process": False, "ansible_delegated_vars": {}}, False),
])
def test_in_process_only_where_the_module_would_run_as_this_user_here(action, task_vars, expected):
    assert it_applies(action, task_vars) is expected


SPEC = dict(argument_spec=dict(name=dict(type="str", required=True), password=dict(type="str", no_log=True),
                               count=dict(type="int", default=3)),
            supports_check_mode=True)


def outcome(call):
    with pytest.raises(in_process._Done) as done:
        call()
    return done.value.result


def test_validation_failure_names_the_module_and_option():
    result = outcome(lambda: InProcessModule("mlops.mlflow.x", {"name": "a", "colour": 1}, False, False, **SPEC))
    assert result["failed"] is True and result["changed"] is False
    assert result["msg"].startswith("Unsupported parameters for (mlops.mlflow.x) module: colour.")
    result = outcome(lambda: InProcessModule("mlops.mlflow.x", {}, False, False, **SPEC))
    assert result["msg"] == "missing required arguments: name"
    result = outcome(lambda: InProcessModule("mlops.mlflow.x", {"name": "a", "count": "many"}, False, False, **SPEC))
    assert "count" in result["msg"] and "int" in result["msg"]


def test_params_defaults_modes_and_masked_secrets():
    module = InProcessModule("mlops.mlflow.x", {"name": "a", "password": "s3cr3t-pw"}, True, True, **SPEC)
    assert module.params == {"name": "a", "password": "s3cr3t-pw", "count": 3}
    assert module.check_mode is True and module._diff is True
    result = outcome(lambda: module.exit_json(note="the password s3cr3t-pw", changed=True))
    assert "s3cr3t-pw" not in repr(result)
    assert result["changed"] is True
    assert result["invocation"]["module_args"]["password"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    failed = outcome(lambda: module.fail_json(msg="rejected s3cr3t-pw", status=401))
    assert failed["failed"] is True and failed["status"] == 401 and "s3cr3t-pw" not in repr(failed)


def test_run_gives_the_module_the_task_environment_and_restores_it(monkeypatch):
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    action = fake_action(args={"name": "m", "alias": "latest", "version": "1"},
                         environment={"MLFLOW_TRACKING_URI": "http://127.0.0.1:9"})
    result = in_process.run(action)
    # alias_error refuses 'latest' before any request; the URI from the environment passed validation.
    assert result["failed"] is True and "reserved by MLflow" in result["msg"]
    assert "MLFLOW_TRACKING_URI" not in os.environ
    unreachable = in_process.run(fake_action(args={"name": "m", "alias": "champion", "version": "1", "retries": 0},
                                             environment={"MLFLOW_TRACKING_URI": "http://127.0.0.1:9"}))
    assert unreachable["failed"] is True
    assert unreachable["msg"] == "cannot reach the MLflow server at http://127.0.0.1:9: connection refused"


def test_run_leaves_arguments_that_are_not_plain_json_to_the_module_process():
    assert in_process.run(fake_action(args={"name": "m", "alias": "c", "version": b"1"})) is None


def test_check_mode_is_skipped_by_a_module_without_support():
    result = outcome(lambda: InProcessModule("mlops.mlflow.x", {"name": "a"}, True, False,
                                             argument_spec=SPEC["argument_spec"], supports_check_mode=False))
    assert result["skipped"] is True and result["changed"] is False


@pytest.mark.parametrize("value", ["maybe", ["no"]])
def test_a_switch_that_is_not_a_boolean_is_refused_by_name(value):
    with pytest.raises(AnsibleActionFail, match="mlops_mlflow_in_process must be true or false"):
        it_applies(fake_action(), {"mlops_mlflow_in_process": value})


def test_warnings_are_masked_and_booleans_kept(monkeypatch):
    shown = []
    monkeypatch.setattr(in_process.display, "warning", shown.append)
    module = InProcessModule("mlops.mlflow.x", {"name": "a", "password": "True"}, False, False, **SPEC)
    module.warn("the password True was refused")
    result = outcome(lambda: module.exit_json(changed=True, note="True"))
    # Where the running ansible-core's module process puts it: in the result before 2.19, displayed from 2.19.
    if in_process._RESULT_CARRIES_WARNINGS:
        assert shown == [] and result["warnings"] == ["the password ******** was refused"]
    else:
        assert shown == ["the password ******** was refused"] and "warnings" not in result
    assert result["changed"] is True and result["note"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"


def test_the_environment_is_restored_key_by_key(monkeypatch):
    monkeypatch.setenv("MLFLOW_TRACKING_USERNAME", "before")
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    with in_process._environment({"MLFLOW_TRACKING_USERNAME": "during", "MLFLOW_TRACKING_URI": "http://x"}):
        assert (os.environ["MLFLOW_TRACKING_USERNAME"], os.environ["MLFLOW_TRACKING_URI"]) == ("during", "http://x")
        os.environ["SET_BY_SOMETHING_ELSE"] = "kept"
    assert os.environ["MLFLOW_TRACKING_USERNAME"] == "before" and "MLFLOW_TRACKING_URI" not in os.environ
    assert os.environ.pop("SET_BY_SOMETHING_ELSE") == "kept"


def test_every_module_of_the_action_group_has_the_action_plugin():
    root = pathlib.Path(in_process.__file__).resolve().parents[2]
    group = yaml.safe_load((root / "meta/runtime.yml").read_text())["action_groups"]["mlflow"]
    assert sorted(in_process.MODULES) == sorted(group)
    assert sorted(p.stem for p in (root / "plugins/action").glob("mlflow_*.py")) == sorted(group)
