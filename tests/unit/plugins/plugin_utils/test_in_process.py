"""The controller-side runner of the registry modules: when it applies, and that its fork is the module
process (AnsibleModule's own validation, no_log and exit status; the task's environment; crashes and
large outputs). That the parsed results equal a module process's, on every ansible-core, is
tests/integration/test_in_process.py's."""

import json
import os
import pathlib
from types import SimpleNamespace

import pytest
import yaml
from ansible.errors import AnsibleActionFail

from ansible_collections.mlops.mlflow.plugins.plugin_utils import in_process
from ansible_collections.mlops.mlflow.plugins.plugin_utils.in_process import it_applies


class FakeTemplar:
    def template(self, value):
        return value


def fake_action(transport="local", become=False, async_val=0, args=None, check_mode=False, diff=False,
                action="mlops.mlflow.mlflow_model_alias", environment=None, delegate_to=None):
    def compute_environment(out):
        out.update(environment or {})

    def update_module_args(module_name, module_args, _task_vars):
        # The part of ActionBase._update_module_args that these tests look at.
        module_args.update(_ansible_check_mode=check_mode, _ansible_diff=diff, _ansible_no_log=False,
                           _ansible_module_name=module_name)

    return SimpleNamespace(
        _connection=SimpleNamespace(transport=transport, become=object() if become else None),
        _task=SimpleNamespace(async_val=async_val, args=args or {}, check_mode=check_mode, diff=diff,
                              action=action, resolved_action=action, delegate_to=delegate_to),
        _templar=FakeTemplar(), _compute_environment_string=compute_environment,
        _update_module_args=update_module_args)


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


def execute(action):
    """in_process.execute() on the fake action, with the JSON the child printed parsed."""
    res = in_process.execute(action, {})
    res["result"] = json.loads(res["stdout"]) if res["stdout"].strip().startswith("{") else None
    return res


def test_the_child_is_the_module_process_with_its_own_validation_and_exit_status():
    res = execute(fake_action(args={"name": "m", "alias": "champion", "version": "1", "colour": "red"}))
    assert res["rc"] == 1
    assert res["result"]["failed"] is True
    assert res["result"]["msg"].startswith("Unsupported parameters for (mlops.mlflow.mlflow_model_alias) module: colour.")


def test_the_task_environment_reaches_the_module_and_stays_in_the_child(monkeypatch):
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    res = execute(fake_action(args={"name": "m", "alias": "champion", "version": "1", "retries": 0},
                              environment={"MLFLOW_TRACKING_URI": "http://127.0.0.1:9"}))
    assert res["result"]["msg"] == "cannot reach the MLflow server at http://127.0.0.1:9: connection refused"
    assert "MLFLOW_TRACKING_URI" not in os.environ


def test_no_log_values_are_masked_by_ansible_module_itself():
    res = execute(fake_action(args={"name": "m", "alias": "latest", "version": "1", "password": "s3cr3t-pw-1",
                                    "tracking_uri": "http://127.0.0.1:9"}, check_mode=True, diff=True))
    assert "reserved by MLflow" in res["result"]["msg"]
    # ansible-core 2.21 returns no `invocation`; where there is one, the password is masked in it.
    if "invocation" in res["result"]:
        assert res["result"]["invocation"]["module_args"]["password"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    assert "s3cr3t-pw-1" not in res["stdout"] + res["stderr"]


def test_a_crash_is_a_traceback_and_status_1_as_from_an_interpreter(monkeypatch):
    def crash():
        raise RuntimeError("boom")

    monkeypatch.setitem(in_process._MODULES, "mlflow_model_alias", SimpleNamespace(main=crash, __file__="x.py"))
    res = execute(fake_action(args={"name": "m"}))
    assert res["rc"] == 1 and res["result"] is None
    assert "RuntimeError: boom" in res["stderr"] and "Traceback" in res["stderr_lines"][0]


def test_output_larger_than_a_pipe_comes_back_whole(monkeypatch):
    def chatty():
        print("x" * 300000)
        raise SystemExit(3)

    monkeypatch.setitem(in_process._MODULES, "mlflow_model_alias", SimpleNamespace(main=chatty, __file__="x.py"))
    res = execute(fake_action(args={"name": "m"}))
    assert res["rc"] == 3 and res["stdout"] == "x" * 300000 + "\n"


def test_warnings_travel_in_the_result_as_from_a_module_process(monkeypatch):
    from ansible.module_utils.basic import AnsibleModule

    def warns():
        module = AnsibleModule(argument_spec={"name": {"type": "str"}})
        module.warn("careful with %s" % module.params["name"])
        module.exit_json(changed=False)

    monkeypatch.setitem(in_process._MODULES, "mlflow_model_alias", SimpleNamespace(main=warns, __file__="x.py"))
    res = execute(fake_action(args={"name": "m"}))
    assert res["rc"] == 0 and res["result"]["changed"] is False
    assert "careful with m" in json.dumps(res["result"]["warnings"])


def test_arguments_that_are_not_plain_json_are_left_to_the_module_process():
    assert in_process.run(fake_action(args={"name": "m", "alias": "c", "version": b"1"}), {}) is None


@pytest.mark.parametrize("value", ["maybe", ["no"]])
def test_a_switch_that_is_not_a_boolean_is_refused_by_name(value):
    with pytest.raises(AnsibleActionFail, match="mlops_mlflow_in_process must be true or false"):
        it_applies(fake_action(), {"mlops_mlflow_in_process": value})


def test_every_module_of_the_action_group_has_the_action_plugin():
    root = pathlib.Path(in_process.__file__).resolve().parents[2]
    group = yaml.safe_load((root / "meta/runtime.yml").read_text())["action_groups"]["mlflow"]
    assert sorted(in_process.MODULES) == sorted(group)
    assert sorted(p.stem for p in (root / "plugins/action").glob("mlflow_*.py")) == sorted(group)
