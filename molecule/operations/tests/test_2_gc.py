"""`mlflow gc` from its timer's service: runs deleted longer ago than the
window are gone with their artifacts; runs deleted within it stay."""
import time
import uuid

import pytest
from platform_state import client  # noqa: F401 (a fixture)


def artifact_files(host, run_id):
    return int(host.check_output(f"find /var/lib/mlflow/artifacts -path '*/{run_id}/*' -type f | wc -l"))


def test_gc_deletes_runs_deleted_before_the_window_with_their_artifacts(host, client):
    import mlflow
    from mlflow.exceptions import MlflowException

    experiment = client.create_experiment(f"gc-test-{uuid.uuid4().hex[:8]}")
    runs = []
    for index in range(2):
        with mlflow.start_run(experiment_id=experiment) as run:
            mlflow.log_metric("x", index)
            mlflow.log_text("to be collected\n", "out/file.txt")
            runs.append(run.info.run_id)
    old, recent = runs
    assert artifact_files(host, old) == 1 and artifact_files(host, recent) == 1

    client.delete_run(old)
    # The scenario's window is one minute.
    time.sleep(65)
    client.delete_run(recent)
    assert host.run("systemctl start mlops-mlflow-gc.service").rc == 0

    with pytest.raises(MlflowException, match="RESOURCE_DOES_NOT_EXIST|not found"):
        client.get_run(old)
    assert artifact_files(host, old) == 0
    assert client.get_run(recent).info.lifecycle_stage == "deleted"
    assert artifact_files(host, recent) == 1
    assert host.service("mlops-mlflow-gc.timer").is_enabled
