import re

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.mlops.mlflow.plugins.filter.postgresql import (
    pg_client_entries,
    pg_connection_budget,
    pg_hba_problems,
    pg_password_problems,
    pgtune,
)


def test_pgtune_follows_the_documented_formulas_for_8_gb():
    settings = pgtune(8192, 130, "ssd")
    assert settings["shared_buffers"] == "2GB"
    assert settings["effective_cache_size"] == "6GB"
    assert settings["maintenance_work_mem"] == "512MB"
    # (8192 - 2048) MB in kB over 3 x 130 connections
    assert settings["work_mem"] == "%dkB" % ((8192 - 2048) * 1024 // 390)
    assert settings["wal_buffers"] == "16384kB"
    assert settings["random_page_cost"] == "1.1"
    assert settings["max_connections"] == 130


def test_pgtune_caps_maintenance_work_mem_at_2_gb():
    assert pgtune(65536, 100)["maintenance_work_mem"] == "2GB"


def test_pgtune_small_host_gets_proportional_wal_buffers():
    settings = pgtune(1024, 70)
    assert settings["shared_buffers"] == "256MB"
    assert settings["wal_buffers"] == "%dkB" % (256 * 1024 * 3 // 100)


def test_pgtune_spinning_disks_get_higher_random_page_cost():
    assert pgtune(4096, 70, "hdd")["random_page_cost"] == "4"
    assert pgtune(4096, 70, "hdd")["effective_io_concurrency"] == 2


@pytest.mark.parametrize("args, message", [
    ((100, 70), "at least 256 MB"),
    ((4096, 5), "at least 10"),
    ((4096, 70, "nvme"), "storage must be one of ssd, hdd, san"),
    (("lots", 70), "must be integers"),
])
def test_pgtune_rejects_bad_input_with_a_reason(args, message):
    with pytest.raises(AnsibleFilterError, match=message):
        pgtune(*args)


NODE = {"name": "mlflow1", "workers": 4, "engines": 2, "pool_size": 5, "max_overflow": 10}


def test_connection_budget_sums_every_engine_of_every_worker_plus_reserve():
    assert pg_connection_budget([NODE], 10) == 130
    with_auth = dict(NODE, name="mlflow2", engines=3)
    assert pg_connection_budget([NODE, with_auth], 10) == 10 + 120 + 180


def test_connection_budget_without_known_nodes_is_postgresqls_default():
    assert pg_connection_budget([], 10) == 100


def test_connection_budget_names_the_node_with_bad_input():
    with pytest.raises(AnsibleFilterError, match=r"node 0 \(mlflow1\) needs integer workers"):
        pg_connection_budget([dict(NODE, workers="many")], 10)


GOOD = {"type": "hostssl", "database": "mlflow", "user": "mlflow", "address": "10.0.0.0/24", "method": "scram-sha-256"}


def test_valid_entries_have_no_problems():
    local = {"type": "local", "database": "all", "user": "postgres", "method": "peer"}
    assert pg_hba_problems([GOOD, local]) == []


@pytest.mark.parametrize("change, message", [
    ({"address": "10.0.0.300/32"}, r"postgresql_hba_entries\[0\].address '10.0.0.300/32' is not a CIDR"),
    ({"address": "10.0.0.5/24"}, "has host bits set"),
    ({"address": None}, "is not a CIDR"),
    ({"method": "md5"}, "method 'md5' is refused: .*scram-sha-256"),
    ({"method": "trust"}, "method 'trust' is refused"),
    ({"method": "kerberos"}, "method is 'kerberos'; use one of"),
    ({"type": "hostgss"}, "type is 'hostgss'; use one of local, host, hostssl, hostnossl"),
    ({"user": "two words"}, "user must be a name without spaces"),
    ({"adress": "10.0.0.1/32"}, "unknown keys adress"),
])
def test_each_bad_entry_is_explained(change, message):
    problems = pg_hba_problems([dict(GOOD, **change)])
    assert len(problems) == 1, problems
    assert re.search(message, problems[0]), problems[0]


def test_local_entries_take_no_address():
    entry = {"type": "local", "database": "all", "user": "all", "method": "peer", "address": "127.0.0.1/32"}
    assert "takes no address" in pg_hba_problems([entry])[0]


def test_not_a_list_is_explained():
    assert "must be a list" in pg_hba_problems({"type": "host"})[0]


@pytest.mark.parametrize("given, expected", [
    ("10.0.0.5", "10.0.0.5/32"),
    ("fd00::5", "fd00::5/128"),
    ("10.0.0.0/24", "10.0.0.0/24"),
    ("db.example", "db.example"),
])
def test_client_entries_turn_addresses_into_host_networks(given, expected):
    (entry,) = pg_client_entries([given], "mlflow", "mlflow", True)
    assert entry == {"type": "hostssl", "database": "mlflow", "user": "mlflow",
                     "address": expected, "method": "scram-sha-256"}


def test_client_entries_without_tls_use_host_and_bad_addresses_are_then_explained():
    entries = pg_client_entries(["10.0.0.1", "10.0.0.999"], "mlflow", "mlflow", False)
    assert [e["type"] for e in entries] == ["host", "host"]
    (problem,) = pg_hba_problems(entries, "postgresql_mlflow_client_addresses")
    assert "postgresql_mlflow_client_addresses[1].address '10.0.0.999' is not a CIDR" in problem


@pytest.mark.parametrize("value, expected", [
    ("molecule-db-secret-2", []),
    ("short-1", ["postgresql_mlflow_password is shorter than 8 characters"]),
    ("my-mlflow-password", ["postgresql_mlflow_password contains the role's name 'mlflow'"]),
    ("onlyletterswithoutanything", ["postgresql_mlflow_password must contain both letters and other characters"]),
    ("123456789012", ["postgresql_mlflow_password must contain both letters and other characters"]),
    ("", []),
])
def test_pg_password_problems_follows_passwordcheck(value, expected):
    entry = {"name": "postgresql_mlflow_password", "user": "mlflow", "value": value}
    assert pg_password_problems([entry]) == expected


def test_pg_password_problems_never_repeats_the_password():
    problems = pg_password_problems([{"name": "postgresql_rewind_password", "user": "rewind", "value": "Xy7"},
                                     {"name": "postgresql_replication_password", "user": "replicator",
                                      "value": "LettersOnlyHere"}])
    assert len(problems) == 2
    assert not any("Xy7" in p or "LettersOnlyHere" in p for p in problems)
