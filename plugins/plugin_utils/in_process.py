# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run a registry module inside the controller's worker process when the task runs on the controller.

A registry module only talks HTTP to MLflow, so on a local connection a separate Python process
buys nothing, yet it is most of a task's cost: a new interpreter, the AnsiballZ payload and
ansible.module_utils.basic and urls imported afresh for every task (docs/benchmarks.md). The action
plugin of each registry module (registry_action.py) hands the task to run() when it_applies();
otherwise the module runs as a module process, as any module does.

run() forks the worker process. The child is the module process, minus the new interpreter and the
imports: it runs the module's own main() with the real AnsibleModule, which reads its arguments from
stdin as when a module is run directly (`python module.py < ARGS_JSON`), its stdout and stderr going
to files and its exit status its own. The parent hands what the child printed to the
parser a module process's output goes through (ActionBase._parse_returned_data). Validation, check
and diff mode, no_log, warnings, deprecations and failures are therefore AnsibleModule's and the
running ansible-core's, and whatever the module does to its process (environment, working directory,
module-level state) ends with the child, as it would with a module process.

The modules are imported here, at the top, so that the strategy, which loads the action plugin once
in the main process, also imports them (and ansible.module_utils.basic and urls) once for the whole
run: the worker processes forked for each task, and the children forked from them, inherit them.

Private ansible-core attributes used, for want of a public way (test_in_process.py runs every
module both ways on every ansible-core of tests/ansible-cores.txt and compares the results):
ActionBase._update_module_args (the `_ansible_*` arguments a module process gets: check mode, diff,
no_log, verbosity...), ActionBase._compute_environment_string (the task's `environment:`),
ActionBase._parse_returned_data (with the profile argument from 2.19, returning a task result object
from 2.21) and, in the child, ansible.module_utils._internal.is_controller (from 2.19).
"""

from __future__ import annotations

import importlib
import io
import json
import os
import sys
import tempfile
import traceback

from ansible.errors import AnsibleActionFail
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.release import __version__ as ansible_version

# The modules of the action group `mlflow` in meta/runtime.yml, each with plugins/action/<module>.py (a unit test checks).
MODULES = ("mlflow_experiment", "mlflow_model_alias", "mlflow_model_version", "mlflow_model_version_info",
           "mlflow_permission", "mlflow_registered_model", "mlflow_registered_model_info", "mlflow_role",
           "mlflow_user", "mlflow_webhook")
# Set to false (inventory, play or task variable) to run the modules as separate processes always.
SWITCH = "mlops_mlflow_in_process"

_MODULES = {name: importlib.import_module("ansible_collections.mlops.mlflow.plugins.modules." + name)
            for name in MODULES}
_CORE = tuple(int(part) for part in ansible_version.split(".")[:2])
# The serialization profile of a module that declares none, as every registry module: the one a
# module process of it uses (from 2.19; ActionBase reads it from the module's metadata while it builds
# the AnsiballZ payload, which is what this runner skips).
_PROFILE = "legacy"


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


def _be_a_target():
    """From ansible-core 2.19, module_utils knows whether it runs in the controller and there hands
    warnings and deprecations to the controller's display instead of the module's result: in the child
    it must not know (a private flag, for want of a public way; module process and child give the same
    results and messages on every core, test_in_process.py)."""
    if _CORE >= (2, 19):
        from ansible.module_utils import _internal  # pylint: disable=import-outside-toplevel

        _internal.is_controller = False


def _child(module, arguments, environment, stdout, stderr):
    """In the forked child: be the module process. Never returns."""
    status = 1
    try:
        os.dup2(stdout.fileno(), 1)
        os.dup2(stderr.fileno(), 2)
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", line_buffering=True)
        sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", line_buffering=True)
        # Only in memory: the arguments may hold passwords.
        sys.stdin = io.TextIOWrapper(io.BytesIO(arguments), encoding="utf-8")
        sys.argv = [module.__file__]
        os.environ.update(environment)
        _be_a_target()
        try:
            module.main()
            status = 0
        except SystemExit as done:
            status = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except BaseException:  # pylint: disable=broad-exception-caught
        # As the interpreter of a module process does: the traceback on stderr, status 1.
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # pylint: disable=broad-exception-caught
                pass
        os._exit(status)  # no atexit handlers or finalizers of the worker process


def execute(action, task_vars):
    """Run the task's module in a fork of this process: {rc, stdout, stderr, stdout_lines, stderr_lines}
    as ActionBase._low_level_execute_command gives them for a module process, or None when the task's
    arguments are not plain JSON (a module process gets them through Ansible's own serializer: let it)."""
    try:
        # Plain data, as the module process sees it; this also drops Ansible's data tags.
        args = json.loads(json.dumps(action._task.args))
    except (TypeError, ValueError):
        return None
    action._update_module_args(action._task.action, args, task_vars)
    environment = {}
    action._compute_environment_string(environment)
    module = _MODULES[action._task.resolved_action.rpartition(".")[2]]
    arguments = json.dumps({"ANSIBLE_MODULE_ARGS": args}).encode("utf-8")
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        pid = os.fork()
        if pid == 0:
            _child(module, arguments, {key: str(value) for key, value in environment.items()}, stdout, stderr)
        _pid, status = os.waitpid(pid, 0)
        res = {"rc": os.waitstatus_to_exitcode(status)}
        for name, stream in (("stdout", stdout), ("stderr", stderr)):
            stream.seek(0)
            res[name] = stream.read().decode("utf-8", errors="surrogateescape")
            res[name + "_lines"] = res[name].splitlines()
    return res


def run(action, task_vars):
    """The module's result as ActionBase._execute_module returns it for a module process, or None (see
    execute())."""
    res = execute(action, task_vars)
    if res is None:
        return None
    if _CORE >= (2, 21):
        parsed = action._parse_returned_data(res, _PROFILE)
        parsed.remove_internal_keys()
        return parsed.as_result_dict(for_round_trip=True)
    from ansible.vars.clean import remove_internal_keys  # pylint: disable=import-outside-toplevel  # gone in 2.21

    data = action._parse_returned_data(res, _PROFILE) if _CORE >= (2, 19) else action._parse_returned_data(res)
    remove_internal_keys(data)
    return data
