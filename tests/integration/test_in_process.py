"""The registry modules give the same results in-process on the controller (the default on a local
connection) as when they run as a separate module process (mlops_mlflow_in_process: false, as on any
other connection): the same tasks, both ways, against the real server, compared field by field."""
import concurrent.futures
import os
import uuid

import pytest
from conftest import ansible_cores, run_playbook

MODES = {"in-process": True, "process": False}
VOLATILE = ("creation_timestamp", "last_updated_timestamp", "creation_time", "last_update_time",
            "experiment_id", "artifact_location", "id")
CORES = ansible_cores()


def normalized(value, name):
    """The result without what legitimately differs between two runs: times, ids, the model's name."""
    if isinstance(value, dict):
        return {k: normalized(v, name) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [normalized(v, name) for v in value]
    return value.replace(name, "NAME") if isinstance(value, str) else value


def sequence(name, password):
    """Create, converge again, read, promote, and fail in the ways a user meets, in one playbook."""
    model = {"name": name, "description": "parity", "tags": {"team": "risk"}}
    version = {"name": name, "source": "s3://parity/%s/model" % name, "tags": {"validation": "passed"}}
    wrong = {"tracking_uri": "{{ mlflow_uri }}", "username": "admin", "password": password}
    tasks = [
        ("model check", "mlflow_registered_model", model, {"check_mode": True, "diff": True}),
        ("model", "mlflow_registered_model", model, {"diff": True}),
        ("model again", "mlflow_registered_model", model, {}),
        ("version check", "mlflow_model_version", version, {"check_mode": True}),
        ("version", "mlflow_model_version", version, {"diff": True}),
        ("version again", "mlflow_model_version", version, {}),
        ("alias", "mlflow_model_alias", {"name": name, "alias": "champion", "version": "latest"}, {"diff": True}),
        ("alias again", "mlflow_model_alias", {"name": name, "alias": "champion", "version": "1"}, {}),
        ("model info", "mlflow_registered_model_info", {"name": name}, {}),
        ("version info", "mlflow_model_version_info", {"name": name, "alias": "champion"}, {}),
        ("experiment", "mlflow_experiment", {"name": name}, {}),
        ("experiment absent", "mlflow_experiment", {"name": name, "state": "absent"}, {}),
        ("wrong password", "mlflow_registered_model", dict(model, **wrong), {}),
        ("unknown option", "mlflow_registered_model", dict(model, colour="red"), {}),
        ("tag not a string", "mlflow_model_version", dict(version, tags={"n": 1}), {}),
        ("reserved alias", "mlflow_model_alias", {"name": name, "alias": "latest", "version": "1"}, {}),
        ("missing version", "mlflow_model_alias", {"name": name, "alias": "x", "version": "99"}, {}),
        ("stage", "mlflow_model_version", {"name": name, "version": 1, "stage": "Staging"}, {}),
        ("aliased version absent", "mlflow_model_version", {"name": name, "version": 1, "state": "absent"}, {}),
        ("version absent", "mlflow_model_version", {"name": name, "version": 1, "state": "absent", "force": True},
         {}),
        ("model absent", "mlflow_registered_model", {"name": name, "state": "absent"}, {}),
        ("user", "mlflow_user", {"name": name, "user_password": password + "-user", "admin": False}, {"diff": True}),
        ("user again", "mlflow_user", {"name": name, "user_password": password + "-user"}, {}),
        ("role", "mlflow_role", {"name": name, "permissions": [{"resource_type": "experiment",
                                                               "permission": "READ"}]}, {}),
        ("user role", "mlflow_user", {"name": name, "roles": [name]}, {}),
        ("grant", "mlflow_permission", {"user": name, "registered_model": name, "permission": "EDIT"}, {}),
        ("grant again", "mlflow_permission", {"user": name, "registered_model": name, "permission": "EDIT"}, {}),
        # A warning: shown by the controller, in the result before ansible-core 2.19.
        ("admin grant", "mlflow_permission", {"user": "admin", "registered_model": name, "permission": "READ"}, {}),
        ("admin grant absent", "mlflow_permission", {"user": "admin", "registered_model": name, "state": "absent"},
         {}),
        ("user absent", "mlflow_user", {"name": name, "state": "absent"}, {}),
        ("role absent", "mlflow_role", {"name": name, "state": "absent"}, {}),
    ]
    return [dict({"name": label, "mlops.mlflow." + module: options, "ignore_errors": True}, **keywords)
            for label, module, options, keywords in tasks]


def run_both_ways(server, password, extra_env=None, core=None):
    found = {}
    for mode, in_process in MODES.items():
        name = "parity-%s-%s" % (mode, uuid.uuid4().hex[:8])
        tasks = sequence(name, password)
        for task in tasks:
            task["vars"] = {"mlops_mlflow_in_process": in_process, "mlflow_uri": server.url}
        rc, results, proc = run_playbook(tasks, server, extra_env=extra_env, core=core)
        assert rc == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        found[mode] = (results, proc, name)
    return found


@pytest.fixture(scope="module")
def parity_runs(mlflow_server):
    """Every core's runs, three cores at a time (each waits on the server for much of its time): started
    with the first test, each test takes its core's.  The cores use their own names and passwords."""
    def run(core):
        password = "not-the-password-%s" % uuid.uuid4().hex[:6]
        return password, run_both_ways(mlflow_server, password, core=CORES[core])

    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        yield {core: pool.submit(run, core) for core in CORES}


@pytest.mark.parametrize("core", CORES)
def test_both_ways_give_the_same_results(parity_runs, core):
    """On every supported ansible-core (tests/ansible-cores.txt)."""
    password, found = parity_runs[core].result()
    results = {mode: {task: normalized(result, name) for task, result in task_results.items()}
               for mode, (task_results, _proc, name) in found.items()}
    assert list(results["in-process"]) == list(results["process"])
    for task in results["process"]:
        mine, theirs = results["in-process"][task], results["process"][task]
        assert mine == theirs, task
    ok = results["in-process"]
    assert [ok[t]["changed"] for t in ("model check", "model", "model again")] == [True, True, False]
    assert [ok[t]["changed"] for t in ("version check", "version", "version again")] == [True, True, False]
    assert ok["alias"]["version"] == "1" and ok["alias again"]["changed"] is False
    assert all(ok[t]["failed"] for t in ("wrong password", "unknown option", "tag not a string",
                                         "reserved alias", "missing version", "aliased version absent"))
    assert ok["version absent"]["deleted_versions"] == ["1"]
    assert [ok[t]["changed"] for t in ("user", "user again", "user role", "grant", "grant again", "user absent")] == \
        [True, False, True, True, False, True]
    assert ok["user"]["user"]["admin"] is False and ok["grant"]["grant"]["permission"] == "EDIT"
    assert "Unsupported parameters" in ok["unknown option"]["msg"]
    for mode, (_results, proc, _name) in found.items():
        assert password not in proc.stdout + proc.stderr, mode
        assert "Traceback" not in proc.stdout, mode
        shown = " ".join((proc.stdout + proc.stderr).split())
        assert "user 'admin' is an administrator: MLflow lets it do everything" in shown, mode


@pytest.mark.parametrize("mode", MODES)
def test_the_switch_picks_the_way(mlflow_server, mode, tmp_path):
    """A module process leaves its AnsiballZ file behind with ANSIBLE_KEEP_REMOTE_FILES; in-process leaves none."""
    task = {"name": "t", "mlops.mlflow.mlflow_registered_model_info": {"name": "none-such"},
            "vars": {"mlops_mlflow_in_process": MODES[mode]}}
    rc, _results, proc = run_playbook([task], mlflow_server, extra_env={
        "ANSIBLE_KEEP_REMOTE_FILES": "1", "ANSIBLE_REMOTE_TEMP": str(tmp_path)})
    assert rc == 0, proc.stdout[-3000:]
    payloads = [f for _dir, _subdirs, files in os.walk(tmp_path) for f in files if f.startswith("AnsiballZ_")]
    assert payloads == ([] if MODES[mode] else ["AnsiballZ_mlflow_registered_model_info.py"])
