# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The action plugin behind every registry module (plugins/action/<module>.py imports it)."""

from __future__ import annotations

from ansible.plugins.action.normal import ActionModule as NormalAction
from ansible_collections.mlops.mlflow.plugins.plugin_utils import in_process


class RegistryAction(NormalAction):
    """ansible.builtin.normal, which runs any module, except that on a local connection the module
    process is a fork of this worker process instead of a new interpreter (in_process.py says why and
    when). Everything around it, ActionBase.run's checks included, is normal's."""

    def _execute_module(self, module_name=None, module_args=None, *args, task_vars=None, **kwargs):
        if module_name is None and module_args is None and in_process.it_applies(self, task_vars or {}):
            result = in_process.run(self, task_vars or {})
            if result is not None:
                return result
        return super()._execute_module(module_name, module_args, *args, task_vars=task_vars, **kwargs)
