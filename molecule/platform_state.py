"""What the day-2 tests (restores in `default`, the upgrade in `ha`)
share: the platform's state read object by object with MLflow's client, and
the figures they measure."""
import hashlib
import json
import os
import tempfile

FIGURES = os.path.join(os.environ["MOLECULE_PROJECT_DIRECTORY"], "build", "operations-figures.json")


def artifact_checksums(client, run_id, path=None):
    """sha256 of every artifact of a run, downloaded through the server."""
    sums = {}
    for entry in client.list_artifacts(run_id, path):
        if entry.is_dir:
            sums.update(artifact_checksums(client, run_id, entry.path))
        else:
            with tempfile.TemporaryDirectory() as scratch:
                local = client.download_artifacts(run_id, entry.path, scratch)
                with open(local, "rb") as data:
                    sums[entry.path] = hashlib.sha256(data.read()).hexdigest()
    return sums


def platform_state(client, skip_experiments=(), artifacts=None):
    """Experiments (but `skip_experiments`), runs (metrics with their history, params, tags,
    artifacts by checksum) and the registry (models, versions, aliases, tags),
    as plain data that compares with ==.  `artifacts(run_id)` reads a run's
    artifact checksums, by default with MLflow's client."""
    from mlflow.entities import ViewType

    artifacts = artifacts or (lambda run_id: artifact_checksums(client, run_id))

    experiments = {}
    for experiment in client.search_experiments(view_type=ViewType.ALL):
        if experiment.name in skip_experiments:
            continue
        runs = {}
        for run in client.search_runs([experiment.experiment_id], run_view_type=ViewType.ALL):
            runs[run.info.run_id] = {
                "name": run.info.run_name,
                "status": run.info.status,
                "stage": run.info.lifecycle_stage,
                "params": run.data.params,
                "tags": {k: v for k, v in run.data.tags.items() if not k.startswith("mlflow.")},
                "metrics": {key: sorted((m.step, m.timestamp, m.value) for m in client.get_metric_history(run.info.run_id, key))
                            for key in run.data.metrics},
                "artifacts": artifacts(run.info.run_id) if run.info.lifecycle_stage == "active" else None,
            }
        experiments[experiment.name] = {"stage": experiment.lifecycle_stage, "tags": experiment.tags, "runs": runs}
    models = {}
    for model in client.search_registered_models():
        versions = {}
        for version in client.search_model_versions(f"name = '{model.name}'"):
            full = client.get_model_version(model.name, version.version)
            versions[full.version] = {"source": full.source, "run_id": full.run_id, "tags": full.tags,
                                      "aliases": sorted(full.aliases), "status": full.status}
        models[model.name] = {"tags": model.tags, "description": model.description,
                              "aliases": dict(client.get_registered_model(model.name).aliases), "versions": versions}
    return {"experiments": experiments, "models": models}


def record_figure(key, value):
    """Keep a measured figure in build/operations-figures.json for the docs."""
    figures = {}
    if os.path.exists(FIGURES):
        with open(FIGURES, encoding="utf-8") as existing:
            figures = json.load(existing)
    figures[key] = value
    os.makedirs(os.path.dirname(FIGURES), exist_ok=True)
    with open(FIGURES, "w", encoding="utf-8") as out:
        json.dump(figures, out, indent=2, sort_keys=True)
