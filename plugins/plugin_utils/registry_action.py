# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The action plugin behind every registry module (plugins/action/<module>.py imports it)."""

from __future__ import annotations

from ansible.plugins.action.normal import ActionModule as NormalAction
from ansible_collections.mlops.mlflow.plugins.plugin_utils import in_process


class RegistryAction(NormalAction):
    """On a local connection, run the module in this process (in_process.py says why and when);
    otherwise exactly as ansible.builtin.normal runs any module."""

    def run(self, tmp=None, task_vars=None):
        # ActionBase.run's checks need not run first: async never runs in-process, every module has check mode.
        result = in_process.run(self) if in_process.it_applies(self, task_vars or {}) else None
        return super().run(tmp, task_vars) if result is None else result
