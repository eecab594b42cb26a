"""The example inventory is what the `cluster` scenario converges."""
import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "inventories" / "example"
SCENARIO = ROOT / "molecule" / "cluster"


def example_groups():
    children = yaml.safe_load((EXAMPLE / "hosts.yml").read_text())["all"]["children"]
    return {group: set(body["hosts"]) for group, body in children.items()}


def scenario_groups():
    groups = {}
    for platform in yaml.safe_load((SCENARIO / "molecule.yml").read_text())["platforms"]:
        for group in platform["groups"]:
            groups.setdefault(group, set()).add(platform["name"])
    return groups


def test_cluster_scenario_has_the_examples_hosts_in_the_examples_groups():
    scenario = scenario_groups()
    scenario.pop("s3")  # the test S3 endpoint, the user's own S3 in the example
    assert scenario == example_groups()


def test_cluster_scenario_uses_the_examples_group_vars():
    links = yaml.safe_load((SCENARIO / "molecule.yml").read_text())["provisioner"]["inventory"]["links"]
    assert (SCENARIO / links["group_vars"]).resolve() == (EXAMPLE / "group_vars").resolve()


def test_cluster_scenario_overrides_only_the_connection_secrets_and_s3_endpoint():
    overrides = yaml.safe_load((SCENARIO / "vars" / "overrides.yml").read_text())
    assert all(key.startswith("vault_") for key in overrides if key not in {"ansible_user", "mlflow_s3_endpoint_url"})
