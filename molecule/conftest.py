"""Shared by every scenario's testinfra suite."""
import os
import re
import subprocess
import tempfile
import uuid

import pytest
import requests
import testinfra
import yaml


def inventory():
    return os.environ["MOLECULE_INVENTORY_FILE"]


def other_host(name):
    """A testinfra host for another container of the same scenario."""
    return testinfra.get_host(f"ansible://{name}?ansible_inventory={inventory()}")


def mlflow_default_version():
    """The MLflow release the mlflow_server role installs by default."""
    path = os.path.join(os.environ["MOLECULE_PROJECT_DIRECTORY"], "roles/mlflow_server/defaults/main.yml")
    with open(path, encoding="utf-8") as defaults:
        return yaml.safe_load(defaults)["mlflow_version"]


def mlflow_url(host):
    """MLflow on the container's address, as the test controller reaches it."""
    return f"http://{host.interface('eth0').addresses[0]}:5000"


def log_register_and_load(url, experiment):
    """With MLflow's own client: train an iris classifier, log and register it,
    set alias `champion` and load models:/NAME@champion back; the loaded model
    must predict what the trained one does.  Returns (name, logged model info)."""
    import mlflow
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression

    mlflow.set_tracking_uri(url)
    mlflow.set_experiment(experiment)
    features, labels = load_iris(return_X_y=True)
    name = f"iris-{uuid.uuid4().hex[:8]}"
    with mlflow.start_run():
        model = LogisticRegression(max_iter=500).fit(features, labels)
        info = mlflow.sklearn.log_model(model, name="model", registered_model_name=name)
    client = mlflow.MlflowClient(url)
    version = client.search_model_versions(f"name = '{name}'")[0].version
    client.set_registered_model_alias(name, "champion", version)
    loaded = mlflow.pyfunc.load_model(f"models:/{name}@champion")
    assert list(loaded.predict(features[:10])) == list(model.predict(features[:10]))
    return name, info


def postgresql_version(host):
    """Major version of the host's one PostgreSQL cluster."""
    (line,) = host.check_output("pg_lsclusters --no-header").splitlines()
    return line.split()[0]


def converge(*options, playbook=None):
    """Run the scenario's converge playbook again from the controller, or
    `playbook` (a path, or a collection playbook such as mlops.mlflow.backup)."""
    playbook = playbook or os.path.join(os.environ["MOLECULE_SCENARIO_DIRECTORY"], "converge.yml")
    return subprocess.run(
        ["ansible-playbook", "-i", inventory(), *options, playbook],
        capture_output=True, text=True, check=False,
        env=dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_FORCE_COLOR="0"),
    )


def recap(proc):
    """`changed` per host, from the PLAY RECAP of a run (empty if it printed none)."""
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^(\S+)\s+: ok=\d+\s+changed=(\d+)", proc.stdout, re.M)}


@pytest.fixture(scope="session")
def check_mode_recap():
    """`changed` per host after converging once more in check mode."""
    proc = converge("--check")
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    return recap(proc)


def said(proc):
    """Everything a run printed, whitespace folded: messages may wrap."""
    return " ".join((proc.stdout + proc.stderr).split())


def run_with_overrides(playbook, *options, inventory_file=None):
    """A collection playbook after the scenario's overrides, as converge.yml runs site."""
    scenario = os.environ["MOLECULE_SCENARIO_DIRECTORY"]
    with tempfile.NamedTemporaryFile("w", suffix=".yml", dir=scenario, delete=False) as wrapper:
        wrapper.write(yaml.safe_dump([
            {"name": "Overrides", "hosts": "all", "gather_facts": False,
             "tasks": [{"ansible.builtin.include_vars": {"file": os.path.join(scenario, "vars", "overrides.yml")}}]},
            {"name": "Playbook", "ansible.builtin.import_playbook": playbook}]))
    try:
        return subprocess.run(["ansible-playbook", "-i", inventory_file or inventory(), *options, wrapper.name],
                              capture_output=True, text=True, check=False,
                              env=dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_FORCE_COLOR="0"))
    finally:
        os.unlink(wrapper.name)


def verified_session(ca_path, auth):
    """HTTPS to the proxies, verified with `ca_path` (not REQUESTS_CA_BUNDLE from
    the environment, which requests would prefer), logged in as `auth`."""
    http = requests.Session()
    http.trust_env = False
    http.verify = ca_path
    http.auth = auth
    return http
