"""Day 2 on the all-in-one host, after test_default.py: backups you have
restored (the platform goes back to a point in time, object by object and
artifact by artifact, with playbooks/restore.yml), `mlflow gc` from its
timer's service, and a WAL archive that breaks."""
import json
import os
import re
import time

import pytest
import requests
from conftest import converge, mlflow_url, said
from platform_state import platform_state, record_figure

HOST = "debian13-default"
ADMIN = ("admin", "molecule-admin-secret-1")
# mlflow_gc_older_than in molecule.yml, in seconds.
GC_WINDOW = 15


@pytest.fixture(scope="module")
def client(host):
    """MLflow's client, logged in as the administrator."""
    import mlflow

    os.environ["MLFLOW_TRACKING_USERNAME"], os.environ["MLFLOW_TRACKING_PASSWORD"] = ADMIN
    mlflow.set_tracking_uri(mlflow_url(host))
    return mlflow.MlflowClient(mlflow_url(host))


def host_time(host):
    """The host's clock, in the form restore.yml takes."""
    return host.check_output("date -u '+%Y-%m-%d %H:%M:%S+00'")


def mlflow_started_at(host):
    return host.check_output("systemctl show -p ActiveEnterTimestampMonotonic --value mlflow.service")


def restore(target=None, confirm=False):
    """Run playbooks/restore.yml; the result and how long it took."""
    extra = {"mlflow_restore_target": target} if target else {}
    if confirm:
        extra["mlflow_restore_confirm"] = True
    start = time.monotonic()
    result = converge("-e", json.dumps(extra), playbook="mlops.mlflow.restore")
    return result, time.monotonic() - start


def pgbackrest_labels(host):
    out = host.check_output("runuser -u postgres -- pgbackrest --stanza=mlflow --output=json info")
    return re.findall(r'"label":"([^"]+)"', out)


def write_state_a(client):
    import mlflow

    experiment = client.create_experiment("ops-a", tags={"team": "platform"})
    runs = []
    for index in range(2):
        with mlflow.start_run(experiment_id=experiment, run_name=f"run-{index}") as run:
            mlflow.log_params({"alpha": index, "kind": "restore-test"})
            for step in range(5):
                mlflow.log_metric("loss", 1.0 / (step + 1 + index), step=step)
            mlflow.set_tag("stage", "a")
            mlflow.log_text(f"notes of run {index}\n", "notes/readme.txt")
            mlflow.log_dict({"weights": list(range(100 * (index + 1)))}, "model/weights.json")
            runs.append(run.info.run_id)
    for name in ("ops-model", "ops-doomed"):
        client.create_registered_model(name, tags={"owner": "ml"}, description=f"{name} for the restore test")
    for run_id in runs:
        client.create_model_version("ops-model", f"runs:/{run_id}/model", run_id=run_id, tags={"from": run_id[:8]})
    client.create_model_version("ops-doomed", f"runs:/{runs[0]}/model", run_id=runs[0])
    client.set_registered_model_alias("ops-model", "champion", "1")
    client.set_registered_model_alias("ops-model", "challenger", "2")
    client.set_model_version_tag("ops-model", "1", "validated", "yes")
    return runs


def write_state_b(client, runs):
    import mlflow

    client.delete_registered_model("ops-doomed")
    client.set_registered_model_alias("ops-model", "champion", "2")
    client.create_model_version("ops-model", f"runs:/{runs[0]}/model", run_id=runs[0])
    client.delete_run(runs[1])
    client.log_metric(runs[0], "loss", 0.01, step=99)
    with mlflow.start_run(experiment_id=client.get_experiment_by_name("ops-a").experiment_id):
        mlflow.log_text("written after the restore point\n", "late.txt")


def test_backups_are_set_up(host):
    assert len(pgbackrest_labels(host)) >= 1
    config = host.file("/etc/pgbackrest/pgbackrest.conf")
    assert (config.user, config.mode) == ("postgres", 0o600)
    assert host.file("/etc/mlflow/restic.env").mode == 0o600
    assert host.check_output("runuser -u postgres -- psql -XAt -c 'show archive_mode'") == "on"


def test_restore_without_confirmation_is_refused_and_stops_nothing(host):
    before = mlflow_started_at(host)
    result = restore()[0]
    assert result.returncode != 0
    message = said(result)
    assert "Nothing was stopped or changed" in message
    assert "overwrites the whole PostgreSQL cluster" in message and HOST in message
    assert "/var/lib/mlflow/artifacts" in message
    assert "-e mlflow_restore_confirm=true" in message
    assert host.service("mlflow").is_running and mlflow_started_at(host) == before


def test_restore_to_a_point_the_repository_cannot_reach_stops_nothing(host):
    before = mlflow_started_at(host)
    for target, expected in (("yesterday", "is neither `latest`, a backup label"),
                             ("2001-01-01 00:00:00+00", "is earlier than the end of the oldest backup"),
                             ("2999-01-01 00:00:00", "is in the future"),
                             ("20010101-000000F", "no backup is labelled 20010101-000000F")):
        result = restore(target, confirm=True)[0]
        assert result.returncode != 0
        assert expected in said(result), said(result)[-1500:]
    assert host.service("mlflow").is_running and mlflow_started_at(host) == before


def test_restore_to_a_time_brings_back_runs_registry_and_artifacts_exactly(host, client):
    runs = write_state_a(client)
    state_a = platform_state(client)
    time.sleep(1.5)
    point_a = host_time(host)
    time.sleep(1.5)

    backup = converge(playbook="mlops.mlflow.backup")
    assert backup.returncode == 0, backup.stdout[-3000:]

    write_state_b(client, runs)
    state_b = platform_state(client)
    assert state_b != state_a
    assert "ops-doomed" not in state_b["models"]

    result, seconds = restore(point_a, confirm=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    record_figure("restore_to_time_seconds", round(seconds, 1))

    assert requests.get(mlflow_url(host) + "/health", timeout=10).status_code == 200
    restored = platform_state(client)
    assert restored["models"] == state_a["models"]
    assert restored["experiments"] == state_a["experiments"]
    assert restored == state_a
    # The store being replaced is kept beside it, holding what state B wrote.
    kept = host.check_output("ls -d /var/lib/mlflow/artifacts.before-restore-*").split()
    assert len(kept) == 1
    assert host.check_output(f"find {kept[0]} -name late.txt | wc -l") == "1"
    assert host.check_output("find /var/lib/mlflow/artifacts -name late.txt | wc -l") == "0"


def artifact_files(host, run_id):
    return int(host.check_output(f"find /var/lib/mlflow/artifacts -path '*/{run_id}/*' -type f | wc -l"))


def test_gc_then_restore_to_a_moment_between_two_changes(host, client):
    """Two changes more than gc's window apart, each deleting a run: `mlflow
    gc` (mlflow_gc_older_than: 15s) removes the run deleted before the window
    with its artifacts and keeps the other; then a restore to a moment between
    the changes keeps the first change and not the second."""
    import mlflow
    from mlflow.exceptions import MlflowException

    experiment = client.create_experiment("gc-and-pitr")
    runs = []
    for index in range(2):
        with mlflow.start_run(experiment_id=experiment) as run:
            mlflow.log_metric("x", index)
            mlflow.log_text("to be collected\n", "out/file.txt")
            runs.append(run.info.run_id)
    old, recent = runs
    assert artifact_files(host, old) == 1 and artifact_files(host, recent) == 1

    client.create_registered_model("pitr-first")
    client.delete_run(old)
    time.sleep(1.5)
    between = host_time(host)
    time.sleep(GC_WINDOW + 2)
    client.create_registered_model("pitr-second")
    client.delete_run(recent)

    assert host.run("systemctl start mlops-mlflow-gc.service").rc == 0
    with pytest.raises(MlflowException, match="RESOURCE_DOES_NOT_EXIST|not found"):
        client.get_run(old)
    assert artifact_files(host, old) == 0
    assert client.get_run(recent).info.lifecycle_stage == "deleted"
    assert artifact_files(host, recent) == 1

    result, seconds = restore(between, confirm=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    record_figure("restore_between_changes_seconds", round(seconds, 1))
    names = {model.name for model in client.search_registered_models()}
    assert "pitr-first" in names
    assert "pitr-second" not in names
    assert client.get_run(recent).info.lifecycle_stage == "active"
    # No artifact snapshot was taken after that point: the store stayed as it was.
    assert host.check_output("ls -d /var/lib/mlflow/artifacts.before-restore-* | wc -l") == "1"


def test_a_broken_archive_fails_the_role_in_one_sentence_and_leaves_mlflow_serving(host):
    before = mlflow_started_at(host)
    # The backup volume turns read-only under the cluster: WAL no longer reaches it.
    host.check_output("mount --bind /var/lib/pgbackrest /var/lib/pgbackrest"
                      " && mount -o remount,ro,bind /var/lib/pgbackrest")
    try:
        result = converge("--tags", "pgbackrest")
    finally:
        host.check_output("umount /var/lib/pgbackrest")
    assert result.returncode != 0
    message = said(result)
    assert f"pgBackRest cannot archive WAL of {HOST} to its repository (posix: /var/lib/pgbackrest)" in message
    assert "PostgreSQL keeps running" in message
    assert host.service("mlflow").is_running and mlflow_started_at(host) == before
    assert requests.get(mlflow_url(host) + "/health", timeout=10).status_code == 200
    # Once the repository is back the archive catches up.
    assert host.run("runuser -u postgres -- pgbackrest --stanza=mlflow check").rc == 0
