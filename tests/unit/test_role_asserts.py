"""The roles' input checks (tasks_from: assert) on the controller: bad input
fails with a sentence that names the variable, good input passes the same
check.  Each case runs one check task and reads its outcome from the log."""
import os
import pathlib
import re
import subprocess
import sys

import pytest
import yaml

# The checks are templates of the roles, run here on .venv's ansible-core;
# Molecule runs them on each core the scenarios use.
pytestmark = pytest.mark.pinned_core

ROOT = pathlib.Path(__file__).resolve().parents[2]
# What the checks read before the one under test.
BASE = {
    "postgresql": {"ansible_facts": {"service_mgr": "systemd", "distribution": "Debian", "distribution_major_version": "12"},
                   "postgresql_mlflow_password": "a-long-enough-secret"},
    "mlflow_server": {"ansible_facts": {"service_mgr": "systemd"}, "mlflow_backend_password": "a-long-enough-secret"},
}
PYTHON_3_11, PYTHON_3_13 = ({**BASE["mlflow_server"]["ansible_facts"], "python": {"version": {"major": 3, "minor": minor}}}
                            for minor in (11, 13))

CASES = [
    ("postgresql", "Check the pgBackRest settings",
     {"postgresql_pgbackrest": True, "postgresql_pgbackrest_check_timeout": 0},
     "postgresql_pgbackrest_check_timeout must be 1 second or more (got 0)"),
    ("postgresql", "Check the pgBackRest settings",
     {"postgresql_pgbackrest": True, "postgresql_pgbackrest_check_timeout": 60}, None),
    # MLflow 2.22 is accepted, to be upgraded from; older releases are not.
    ("mlflow_server", "Check the server options", {"mlflow_version": "2.21.3"},
     "Check mlflow_version (a release such as 3.17.2, at least 2.22"),
    ("mlflow_server", "Check the server options", {"mlflow_version": "2.22.5"}, None),
    # mlflow-oidc-auth does not import on Debian 12's Python.
    ("mlflow_server", "Check the node's Python for single sign-on", {"mlflow_auth": "oidc", "ansible_facts": PYTHON_3_11},
     "mlflow_auth oidc needs Python 3.12 or later on the node, and localhost has 3.11"),
    ("mlflow_server", "Check the node's Python for single sign-on", {"mlflow_auth": "oidc", "ansible_facts": PYTHON_3_13}, None),
]


def run_checks(tmp_path, role, variables):
    playbook = tmp_path / "assert.yml"
    playbook.write_text(yaml.safe_dump([{
        "hosts": "localhost", "gather_facts": False,
        "tasks": [{"ansible.builtin.include_role": {"name": f"mlops.mlflow.{role}", "tasks_from": "assert"},
                   "vars": {**BASE[role], **variables}}],
    }]))
    return subprocess.run([sys.executable, "-m", "ansible.cli.playbook", "-i", "localhost,", "-c", "local", str(playbook)],
                          capture_output=True, text=True, check=False, cwd=ROOT,
                          env=dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_PYTHON_INTERPRETER=sys.executable))


@pytest.mark.parametrize("role, task, variables, message", CASES,
                         ids=[f"{c[0]}-{'bad' if c[3] else 'good'}-{'-'.join(c[2])}" for c in CASES])
def test_check(tmp_path, role, task, variables, message):
    proc = run_checks(tmp_path, role, variables)
    outcome = re.search(rf"TASK \[mlops\.mlflow\.{role} : {re.escape(task)}\] \**\n(?:(?!TASK \[).*\n)*?(ok|fatal): \[localhost\]"
                        r"(.*)", proc.stdout)
    assert outcome, proc.stdout[-3000:] + proc.stderr[-2000:]
    if message is None:
        assert outcome.group(1) == "ok", outcome.group(0)
    else:
        assert outcome.group(1) == "fatal" and message in outcome.group(2), outcome.group(0)
