# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The action plugin behind every registry module (plugins/action/<module>.py imports it)."""

from __future__ import annotations

from ansible.plugins.action.normal import ActionModule as NormalAction
from ansible.utils.vars import merge_hash
from ansible_collections.mlops.mlflow.plugins.plugin_utils import in_process


class RegistryAction(NormalAction):
    """On a local connection, run the module in this process (in_process.py says why and when);
    otherwise exactly as ansible.builtin.normal runs any module."""

    def run(self, tmp=None, task_vars=None):
        if in_process.it_applies(self, task_vars or {}):
            result = super(NormalAction, self).run(tmp, task_vars)   # ActionBase's checks, no module transfer
            module_result = in_process.run(self)
            if module_result is not None:
                return merge_hash(result, module_result)
        return super().run(tmp, task_vars)
