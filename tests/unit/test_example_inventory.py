"""The shipped inventories and the `ha` scenario, which converges inventories/ha
as shipped.  inventories/example is the same layout with one database host
instead of Patroni and one proxy: what the scenario proves of the settings
the two share holds for it (the quickstart runs its one-database-host part)."""
import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "inventories" / "example"
HA = ROOT / "inventories" / "ha"
SCENARIO = ROOT / "molecule" / "ha"
# What only the example sets: its one database host, by name and address,
# and its pipeline user (docs/quickstart.md has the same user).
EXAMPLE_ONLY = {"mlflow_backend_host", "postgresql_listen_addresses", "mlflow_auth_users"}


def inventory_groups(inventory):
    children = yaml.safe_load((inventory / "hosts.yml").read_text())["all"]["children"]

    def hosts(body):
        found = set(body.get("hosts") or {})
        for child in body.get("children") or {}:
            found |= hosts(children[child])
        return found

    return {group: hosts(body) for group, body in children.items()}


def scenario_groups():
    groups = {}
    for platform in yaml.safe_load((SCENARIO / "molecule.yml").read_text())["platforms"]:
        for group in platform["groups"]:
            groups.setdefault(group, set()).add(platform["name"])
    return groups


def group_vars(inventory):
    return {path.stem: yaml.safe_load(path.read_text()) for path in sorted((inventory / "group_vars").glob("*.yml"))}


def test_ha_scenario_has_the_inventorys_hosts_in_its_groups():
    scenario = scenario_groups()
    scenario.pop("s3")  # the test S3 endpoint, the user's own S3 in the inventory
    assert scenario == inventory_groups(HA)


def test_ha_scenario_uses_the_inventorys_group_vars():
    links = yaml.safe_load((SCENARIO / "molecule.yml").read_text())["provisioner"]["inventory"]["links"]
    assert (SCENARIO / links["group_vars"]).resolve() == (HA / "group_vars").resolve()


def test_ha_scenario_overrides_only_the_connection_secrets_endpoints_and_backups():
    overrides = yaml.safe_load((SCENARIO / "vars" / "overrides.yml").read_text())
    # pgBackRest, which the inventory leaves commented out: it needs a shared volume or S3.
    allowed = {"ansible_user", "mlflow_s3_endpoint_url", "mlflow_proxy_virtual_ip", "postgresql_pgbackrest",
               "postgresql_pgbackrest_cipher_pass"}
    assert all(key.startswith("vault_") or key in allowed for key in overrides), overrides


def test_the_example_is_the_ha_layout_with_one_database_host():
    example, ha = inventory_groups(EXAMPLE), inventory_groups(HA)
    assert set(example) == {"postgresql", "mlflow", "mlflow_proxy"}
    assert all(example[group] <= ha[group] for group in example), (example, ha)
    assert len(example["postgresql"]) == 1


def test_the_example_sets_what_the_ha_inventory_sets_but_its_database_host_and_pipeline_user():
    example, ha = group_vars(EXAMPLE), group_vars(HA)
    differing = {(group, key) for group, settings in example.items() for key, value in settings.items()
                 if key not in EXAMPLE_ONLY and ha.get(group, {}).get(key) != value}
    assert differing == set()
