# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Action plugin for mlops.mlflow.mlflow_webhook: in-process on the controller, see plugin_utils/in_process.py."""

from __future__ import annotations

from ansible_collections.mlops.mlflow.plugins.plugin_utils.registry_action import RegistryAction as ActionModule

__all__ = ["ActionModule"]
