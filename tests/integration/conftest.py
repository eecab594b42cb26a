"""A real MLflow on a real PostgreSQL for the integration tests.

The session starts a systemd container with scripts/test-host and converges
mlops.mlflow.site into it (basic auth on), then removes it.  Set
MLOPS_KEEP_TEST_HOST=1 to keep it between runs while iterating.
"""
import json
import os
import pathlib
import subprocess
import sys
import sysconfig
import tempfile
import uuid

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
INVENTORY = ROOT / "tests/integration/inventory"
HOST = "mlops-mlflow-it"
SETTINGS = yaml.safe_load((INVENTORY / "group_vars/all.yml").read_text())
ADMIN = ("admin", SETTINGS["mlflow_auth_admin_password"])


class Server:
    def __init__(self, url):
        self.url = url
        self.username, self.password = ADMIN

    def client(self):
        """MLflow's own client, as the admin: how the tests check what modules did."""
        os.environ["MLFLOW_TRACKING_USERNAME"], os.environ["MLFLOW_TRACKING_PASSWORD"] = ADMIN
        from mlflow import MlflowClient
        return MlflowClient(self.url)

    def auth(self):
        """MLflow's own client of its auth app, as the admin."""
        os.environ["MLFLOW_TRACKING_USERNAME"], os.environ["MLFLOW_TRACKING_PASSWORD"] = ADMIN
        from mlflow.server.auth.client import AuthServiceClient
        return AuthServiceClient(self.url)

    def as_user(self, username, password):
        """module_defaults connecting as another user."""
        return {"tracking_uri": self.url, "username": username, "password": password}


def start_test_host():
    """The converged test host's MLflow URL; keeps an existing one."""
    subprocess.run([ROOT / "scripts/test-host", "up", HOST], check=True, cwd=ROOT)
    subprocess.run(["ansible-playbook", "-i", str(INVENTORY), str(ROOT / "playbooks/site.yml")],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL if os.environ.get("MLOPS_QUIET") else None)
    address = subprocess.run([ROOT / "scripts/test-host", "address", HOST],
                             check=True, capture_output=True, text=True).stdout.strip()
    return f"http://{address}:5000"


def stop_test_host():
    if not os.environ.get("MLOPS_KEEP_TEST_HOST"):
        subprocess.run([ROOT / "scripts/test-host", "down", HOST], check=True, cwd=ROOT)


@pytest.fixture(scope="session")
def mlflow_server():
    server = Server(start_test_host())
    yield server
    stop_test_host()


def ansible_cores():
    """{version: virtualenv} of every ansible-core of tests/ansible-cores.txt (scripts/ansible-cores)."""
    listing = subprocess.run([sys.executable, ROOT / "scripts/ansible-cores", "venvs"], check=True, capture_output=True, text=True)
    return {line.split()[1].rstrip(":"): pathlib.Path(line.split()[2]) for line in listing.stdout.splitlines()}


def run_playbook(tasks, server=None, check=False, diff=False, extra_env=None, connection=None, core=None):
    """Run `tasks` (a list of task dicts) on localhost with ansible-playbook, that of the virtualenv
    `core` of ansible_cores() if given.

    Connection options come from module_defaults for group/mlops.mlflow.mlflow,
    as a user would write them.  Returns (returncode, task results by name, raw).
    """
    play = {"name": "integration", "hosts": "localhost", "gather_facts": False, "tasks": tasks}
    if server is not None:
        play["module_defaults"] = {"group/mlops.mlflow.mlflow": connection or {
            "tracking_uri": server.url, "username": server.username, "password": server.password}}
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as playbook:
        yaml.safe_dump([play], playbook)
    command = [str(core / "bin/ansible-playbook") if core else "ansible-playbook",
               "-i", "localhost,", "-c", "local", playbook.name]
    command += ["--check"] if check else []
    command += ["--diff"] if diff else []
    env = dict(os.environ, ANSIBLE_STDOUT_CALLBACK="ansible.posix.json", ANSIBLE_NOCOLOR="1",
               ANSIBLE_PYTHON_INTERPRETER=str(core / "bin/python") if core else sys.executable)
    if core:
        # ansible.posix (the json callback) from the ansible package of .venv.
        env["ANSIBLE_COLLECTIONS_PATH"] = os.pathsep.join([os.environ["ANSIBLE_COLLECTIONS_PATH"],
                                                           sysconfig.get_paths()["purelib"]])
    for variable in ("MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD"):
        env.pop(variable, None)
    env.update(extra_env or {})
    proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    os.unlink(playbook.name)
    try:
        report = json.loads(proc.stdout[proc.stdout.index("{"):])
    except ValueError:
        pytest.fail(f"ansible-playbook printed no JSON report:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    results = {task["task"]["name"]: task["hosts"]["localhost"]
               for play_report in report["plays"] for task in play_report["tasks"]}
    return proc.returncode, results, proc


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def converge_three_times(server, task, unchanged, changed):
    """Check mode, real run, second run; `unchanged`/`changed` read the server."""
    name = next(iter(task))
    rc, results, proc = run_playbook([{"name": "task", name: task[name]}], server, check=True, diff=True)
    assert rc == 0, proc.stdout[-3000:]
    assert results["task"]["changed"] is True
    assert "diff" in results["task"]
    unchanged()
    rc, results, proc = run_playbook([{"name": "task", name: task[name]}], server)
    assert rc == 0, proc.stdout[-3000:]
    assert results["task"]["changed"] is True
    changed()
    rc, again, proc = run_playbook([{"name": "task", name: task[name]}], server)
    assert rc == 0, proc.stdout[-3000:]
    assert again["task"]["changed"] is False
    return results["task"]
