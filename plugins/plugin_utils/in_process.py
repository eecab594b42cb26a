# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run a registry module inside the controller's worker process when the task runs on the controller.

A registry module only talks HTTP to MLflow, so on a local connection a separate Python process
buys nothing, yet it is most of a task's cost: a new interpreter, the AnsiballZ payload and
ansible.module_utils.basic and urls imported afresh for every task (about 0.5 s a task here,
against about 0.05 s in-process; docs/benchmarks.md). The action plugin of each registry module
calls run() when it_applies(); otherwise the module runs as usual. The module's own main() does the
work in both cases: it is handed InProcessModule in place of AnsibleModule.

The modules are imported here, at the top, so that the strategy, which loads the action plugin
once in the main process, also imports them (and ansible.module_utils.urls) once for the whole run:
the worker processes forked for each task inherit them.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os

from ansible.errors import AnsibleActionFail
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.module_utils.errors import UnsupportedError
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.release import __version__ as ansible_version
from ansible.utils.display import Display

# The modules of the action group `mlflow` in meta/runtime.yml, each with plugins/action/<module>.py (a unit test checks).
MODULES = ("mlflow_experiment", "mlflow_model_alias", "mlflow_model_version", "mlflow_model_version_info",
           "mlflow_permission", "mlflow_registered_model", "mlflow_registered_model_info", "mlflow_role",
           "mlflow_user", "mlflow_webhook")
# Set to false (inventory, play or task variable) to run the modules as separate processes always.
SWITCH = "mlops_mlflow_in_process"

_MAINS = {name: importlib.import_module("ansible_collections.mlops.mlflow.plugins.modules." + name).main
          for name in MODULES}
display = Display()
# Before ansible-core 2.19, a module's warnings and deprecations travel in its result (`warnings`,
# `deprecations`), which the controller displays; from 2.19 they are displayed and left out of the
# result. In-process does what the module process does on the running core (no public API says which:
# test_in_process.py compares both ways on every core of tests/ansible-cores.txt).
_RESULT_CARRIES_WARNINGS = tuple(int(part) for part in ansible_version.split(".")[:2]) < (2, 19)


class _Done(BaseException):
    """exit_json / fail_json: the module's result, raised instead of printed and sys.exit()ed
    (a BaseException, like SystemExit, so that no `except Exception` in a module can swallow it)."""

    def __init__(self, result):
        super().__init__("module finished")
        self.result = result


class InProcessModule:
    """The part of AnsibleModule the registry modules use, validating with the same ArgumentSpecValidator."""

    def __init__(self, name, args, check_mode, diff, argument_spec, supports_check_mode=False, **constraints):
        self._name = name
        self._warnings, self._deprecations = [], []
        self.check_mode = check_mode
        self._diff = diff
        self.params = dict(args)
        validation = ArgumentSpecValidator(argument_spec, **constraints).validate(self.params)
        self.no_log_values = validation._no_log_values
        self.params.update(validation.validated_parameters)
        if validation.error_messages:
            msg = validation.errors.msg
            if isinstance(validation.errors[0], UnsupportedError):
                msg = "Unsupported parameters for (%s) module: %s" % (name, msg)
            self.fail_json(msg=msg)
        if check_mode and not supports_check_mode:   # not the case for any registry module today
            self.exit_json(skipped=True, msg="remote module (%s) does not support check mode" % name)

    def exit_json(self, **result):
        result.setdefault("changed", False)
        if _RESULT_CARRIES_WARNINGS:
            for key, found in (("warnings", self._warnings), ("deprecations", self._deprecations)):
                if found:
                    result[key] = found
        result["invocation"] = {"module_args": self.params}
        # As AnsibleModule: mask no_log values everywhere, but keep top-level booleans and None as they are.
        preserved = {key: value for key, value in result.items() if value is None or isinstance(value, bool)}
        result = remove_values(result, self.no_log_values)
        result.update(preserved)
        raise _Done(result)

    def fail_json(self, msg, **result):
        self.exit_json(**dict(result, failed=True, msg=str(msg)))

    def warn(self, warning):
        if _RESULT_CARRIES_WARNINGS:
            self._warnings.append(remove_values(warning, self.no_log_values))
        else:
            display.warning(remove_values(warning, self.no_log_values))

    def deprecate(self, msg, version=None, date=None, collection_name=None):
        msg = remove_values(msg, self.no_log_values)
        if _RESULT_CARRIES_WARNINGS:
            entry = dict(msg=msg, date=date) if date else dict(msg=msg, version=version)
            self._deprecations.append(dict(entry, collection_name=collection_name))
        else:
            display.deprecated(msg, version=version, date=date, collection_name=collection_name)


def it_applies(action, task_vars):
    """True when the module would run on the controller anyway: local connection, no become, no async,
    and the switch not turned off (for a delegated task, as set for the host delegated to)."""
    delegated = (task_vars.get("ansible_delegated_vars") or {}).get(action._task.delegate_to) or {}
    switch = delegated.get(SWITCH, task_vars.get(SWITCH, True))
    if not isinstance(switch, bool):
        value = action._templar.template(switch)
        try:
            switch = boolean(value, strict=True)
        except TypeError:
            raise AnsibleActionFail("%s must be true or false, not %r" % (SWITCH, value)) from None
    return (switch and action._connection.transport == "local" and action._connection.become is None
            and not action._task.async_val)


@contextlib.contextmanager
def _environment(overrides):
    """os.environ with the task's `environment:` on top, as the module process would see it."""
    saved = {key: os.environ.get(key) for key in overrides}
    os.environ.update({key: str(value) for key, value in overrides.items()})
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run(action):
    """The module's result computed in this process, or None when the task's arguments are not plain
    JSON (the module process would get them through Ansible's own serializer: let it)."""
    try:
        # Plain data, as the module process would see it; this also drops Ansible's data tags.
        args = json.loads(json.dumps(action._task.args))
    except (TypeError, ValueError):
        return None
    environment = {}
    action._compute_environment_string(environment)

    def module_class(**spec):
        # Named as the task names it, as Ansible names a module process in its messages.
        return InProcessModule(action._task.action, args, bool(action._task.check_mode), bool(action._task.diff),
                               **spec)

    with _environment(environment):
        try:
            _MAINS[action._task.resolved_action.rpartition(".")[2]](module_class)
        except _Done as done:
            return json.loads(json.dumps(done.result))
    raise AssertionError("%s returned without exit_json or fail_json" % action._task.resolved_action)
