"""On a system the roles do not support, each stops at its first task with one sentence.

The host is a systemd test container whose /etc/os-release is Ubuntu 24.04's,
which is what Ansible reads to tell distributions apart.
"""
import json
import os
import subprocess
import tempfile

import pytest
import yaml

from conftest import ROOT

HOST = "mlops-mlflow-ubuntu"
SENTENCE = "supports Debian 12 (bookworm) and Debian 13 (trixie) only: nothing was changed"
UBUNTU_OS_RELEASE = """PRETTY_NAME="Ubuntu 24.04.3 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.3 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
UBUNTU_CODENAME=noble
"""


@pytest.fixture(scope="module")
def inventory(tmp_path_factory):
    subprocess.run([ROOT / "scripts/test-host", "up", HOST], check=True, cwd=ROOT)
    try:
        subprocess.run(["docker", "exec", "-i", HOST, "sh", "-c", "rm -f /etc/os-release && cat > /etc/os-release"],
                       input=UBUNTU_OS_RELEASE, text=True, check=True)
        groups = ("postgresql", "mlflow", "mlflow_proxy", "etcd")
        path = tmp_path_factory.mktemp("platforms") / "hosts.yml"
        path.write_text(yaml.safe_dump({"all": {
            "children": {group: {"hosts": {HOST: None}} for group in groups},
            "vars": {"ansible_connection": "community.docker.docker", "ansible_python_interpreter": "/usr/bin/python3"},
        }}))
        yield path
    finally:
        subprocess.run([ROOT / "scripts/test-host", "down", HOST], check=True, cwd=ROOT)


def run(inventory, playbook):
    env = dict(os.environ, ANSIBLE_STDOUT_CALLBACK="ansible.posix.json", ANSIBLE_NOCOLOR="1")
    proc = subprocess.run(["ansible-playbook", "-i", str(inventory), str(playbook)],
                          capture_output=True, text=True, env=env, check=False)
    report = json.loads(proc.stdout[proc.stdout.index("{"):])
    failed = [(task["task"]["name"], result.get("msg", ""))
              for play in report["plays"] for task in play["tasks"]
              for result in task["hosts"].values() if result.get("failed")]
    return proc.returncode, failed, report["stats"][HOST]


def assert_refused(inventory, playbook, role):
    rc, failed, stats = run(inventory, playbook)
    assert rc != 0
    assert len(failed) == 1, failed
    name, message = failed[0]
    assert name == f"mlops.mlflow.{role} : Require Debian 12 or 13"
    assert f"{HOST} runs Ubuntu 24.04, and the {role} role {SENTENCE}" in " ".join(message.split())
    assert stats["changed"] == 0


def test_site_stops_at_its_first_check(inventory):
    # site.yml publishes the MLflow nodes' settings first (mlflow_server's node_facts).
    assert_refused(inventory, ROOT / "playbooks/site.yml", "mlflow_server")
    installed = subprocess.run(["docker", "exec", HOST, "dpkg", "-s", "postgresql"], capture_output=True, check=False)
    assert installed.returncode != 0


@pytest.mark.parametrize("role", ["postgresql", "mlflow_server", "mlflow_proxy", "etcd"])
def test_each_role_stops_at_its_first_task(inventory, role):
    play = [{"name": role, "hosts": HOST, "gather_facts": True, "roles": [f"mlops.mlflow.{role}"]}]
    with tempfile.NamedTemporaryFile("w", suffix=".yml", dir=inventory.parent, delete=False) as playbook:
        yaml.safe_dump(play, playbook)
    assert_refused(inventory, playbook.name, role)
