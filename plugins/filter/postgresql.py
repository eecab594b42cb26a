# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filters behind the postgresql role: tuning from host facts, pg_hba checks."""

from __future__ import annotations

import ipaddress

from ansible.errors import AnsibleFilterError

HBA_TYPES = ("local", "host", "hostssl", "hostnossl")
HBA_METHODS = ("scram-sha-256", "peer", "cert", "reject")
# Refused with a reason: each one weakens what the role promises.
HBA_REFUSED = {
    "trust": "it lets anyone in without a password",
    "md5": "it stores and checks weaker MD5 hashes; use scram-sha-256",
    "password": "it sends the password in clear text; use scram-sha-256",
    "ident": "it trusts the client host's ident server; use peer or scram-sha-256",
}
STORAGE_TYPES = ("ssd", "hdd", "san")


def _mb(value):
    """A memory setting in PostgreSQL's units, from megabytes."""
    value = int(value)
    if value >= 1024 and value % 1024 == 0:
        return "%dGB" % (value // 1024)
    return "%dMB" % value


def pgtune(memory_mb, max_connections, storage="ssd"):
    """pgtune's "web application" formulas, for an MLflow backend store.

    memory_mb is the RAM PostgreSQL may use (the host's RAM minus what
    co-located MLflow workers need); max_connections comes from MLflow's
    connection budget.  Returns settings as PostgreSQL accepts them.
    """
    try:
        memory_mb = int(memory_mb)
        max_connections = int(max_connections)
    except (TypeError, ValueError) as exc:
        raise AnsibleFilterError("pgtune: memory_mb and max_connections must be integers: %s" % exc)
    if memory_mb < 256:
        raise AnsibleFilterError(
            "pgtune: %d MB of memory is left for PostgreSQL; it needs at least 256 MB. "
            "Give the host more RAM, or set postgresql_memory_mb." % memory_mb)
    if max_connections < 10:
        raise AnsibleFilterError("pgtune: max_connections must be at least 10, got %d" % max_connections)
    if storage not in STORAGE_TYPES:
        raise AnsibleFilterError(
            "pgtune: storage must be one of %s, got %r" % (", ".join(STORAGE_TYPES), storage))

    shared_buffers = memory_mb // 4
    # 3% of shared_buffers, at most 16 MB (pgtune); in kB for small hosts.
    wal_buffers_kb = min(shared_buffers * 1024 * 3 // 100, 16 * 1024)
    work_mem_kb = max((memory_mb - shared_buffers) * 1024 // (max_connections * 3), 64)
    return {
        "max_connections": max_connections,
        "shared_buffers": _mb(shared_buffers),
        "effective_cache_size": _mb(memory_mb * 3 // 4),
        "maintenance_work_mem": _mb(min(memory_mb // 16, 2048)),
        "work_mem": "%dkB" % work_mem_kb,
        "wal_buffers": "%dkB" % wal_buffers_kb,
        "checkpoint_completion_target": "0.9",
        "min_wal_size": "1GB",
        "max_wal_size": "4GB",
        "default_statistics_target": 100,
        "random_page_cost": "4" if storage == "hdd" else "1.1",
        "effective_io_concurrency": {"ssd": 200, "hdd": 2, "san": 300}[storage],
    }


# PostgreSQL's own default, for a database host that knows of no MLflow node.
UNKNOWN_CLIENTS_BUDGET = 100
CLIENT_KEYS = ("workers", "engines", "pool_size", "max_overflow")


def pg_connection_budget(clients, reserve):
    """MLflow's worst case: every engine of every worker of every node with a
    full pool, plus `reserve`.  `clients` are the nodes' published settings
    (the mlflow_server role's `mlflow_node` fact); with none known, PostgreSQL's
    default of 100."""
    if not isinstance(clients, list):
        raise AnsibleFilterError("pg_connection_budget: expected a list of MLflow nodes, got %s"
                                 % type(clients).__name__)
    if not clients:
        return UNKNOWN_CLIENTS_BUDGET
    total = int(reserve)
    for index, client in enumerate(clients):
        try:
            workers, engines, pool_size, max_overflow = (int(client[key]) for key in CLIENT_KEYS)
        except (KeyError, TypeError, ValueError) as exc:
            raise AnsibleFilterError(
                "pg_connection_budget: MLflow node %d (%s) needs integer %s: %s"
                % (index, client.get("name", "?") if isinstance(client, dict) else client,
                   ", ".join(CLIENT_KEYS), exc))
        total += workers * engines * (pool_size + max_overflow)
    return total


def _entry_problems(where, entry):
    if not isinstance(entry, dict):
        return ["%s must be a mapping with type, database, user, address and method, got %r" % (where, entry)]
    problems = []
    unknown = sorted(set(entry) - {"type", "database", "user", "address", "method", "options", "comment"})
    if unknown:
        problems.append("%s has unknown keys %s; allowed: type, database, user, address, method, options, comment"
                        % (where, ", ".join(unknown)))
    kind = entry.get("type")
    if kind not in HBA_TYPES:
        problems.append("%s.type is %r; use one of %s" % (where, kind, ", ".join(HBA_TYPES)))
    method = entry.get("method")
    if method in HBA_REFUSED:
        problems.append("%s.method %r is refused: %s" % (where, method, HBA_REFUSED[method]))
    elif method not in HBA_METHODS:
        problems.append("%s.method is %r; use one of %s" % (where, method, ", ".join(HBA_METHODS)))
    for key in ("database", "user"):
        value = entry.get(key)
        if not isinstance(value, str) or not value or any(c.isspace() for c in value):
            problems.append("%s.%s must be a name without spaces (or 'all'), got %r" % (where, key, value))
    address = entry.get("address")
    if kind == "local":
        if address is not None:
            problems.append("%s: a 'local' entry takes no address (it is a Unix socket); remove address" % where)
    elif kind in HBA_TYPES:
        try:
            ipaddress.ip_network(str(address), strict=True)
        except ValueError as exc:
            problems.append("%s.address %r is not a CIDR network such as 10.0.0.5/32 or 10.0.0.0/24 (%s)"
                            % (where, address, exc))
    return problems


def pg_hba_problems(entries, variable="postgresql_hba_entries"):
    """Every reason a list of pg_hba entries cannot be written, as sentences
    naming the variable (and item) they came from."""
    if not isinstance(entries, list):
        return ["%s must be a list of mappings, got %s" % (variable, type(entries).__name__)]
    problems = []
    for index, entry in enumerate(entries):
        problems.extend(_entry_problems("%s[%d]" % (variable, index), entry))
    return problems


def _host_network(address):
    """10.0.0.5 -> 10.0.0.5/32; networks and non-addresses pass unchanged."""
    text = str(address)
    if "/" in text:
        return text
    try:
        return str(ipaddress.ip_network(text))
    except ValueError:
        return text


def pg_client_entries(addresses, database, user, tls=True):
    """pg_hba entries letting `user` reach `database` from each address only.

    Single addresses become /32 (or /128) networks; anything else is passed
    on as given, for pg_hba_problems to accept or explain.
    """
    if not isinstance(addresses, list):
        raise AnsibleFilterError("the MLflow client addresses must be a list, got %s" % type(addresses).__name__)
    return [
        {"type": "hostssl" if tls else "host", "database": database, "user": user,
         "address": _host_network(address), "method": "scram-sha-256"}
        for address in addresses
    ]


def pg_password_problems(passwords):
    """What PostgreSQL's passwordcheck module would say of each password.

    `passwords` is a list of {name, user, value}: the variable that holds the
    password, the role it is for, and the password.  The sentences name the
    variable, never the value; an empty value is left to the checks that
    require one.
    """
    problems = []
    for entry in passwords:
        value, user, name = str(entry.get("value") or ""), str(entry.get("user") or ""), entry.get("name")
        if not value:
            continue
        if len(value) < 8:
            problems.append("%s is shorter than 8 characters" % name)
        if user and user in value:
            problems.append("%s contains the role's name '%s'" % (name, user))
        if not (any(c.isalpha() for c in value) and any(not c.isalpha() for c in value)):
            problems.append("%s must contain both letters and other characters" % name)
    return problems


class FilterModule:
    def filters(self):
        return {
            "pgtune": pgtune,
            "pg_connection_budget": pg_connection_budget,
            "pg_hba_problems": pg_hba_problems,
            "pg_client_entries": pg_client_entries,
            "pg_password_problems": pg_password_problems,
        }
