"""The registry modules through ansible-playbook, against MLflow on PostgreSQL.

Every change is checked with MLflow's own client, not with the module under
test: check mode reports the change and changes nothing, the real run
changes, the second run reports no change.
"""
import concurrent.futures
import os
import subprocess
import tempfile
import uuid

import pytest
import yaml
from conftest import converge_three_times, run_playbook, unique
from mlflow.exceptions import MlflowException


def new_run(client, artifact="model/MLmodel"):
    experiment = client.get_experiment_by_name("integration") or None
    experiment_id = experiment.experiment_id if experiment else client.create_experiment("integration")
    run = client.create_run(experiment_id)
    client.log_text(run.info.run_id, "artifact_path: model\nflavors: {}\n", artifact)
    client.set_terminated(run.info.run_id)
    return run


# --- mlflow_registered_model ---------------------------------------------------------------

def test_registered_model_create_update_rename_delete(mlflow_server):
    client = mlflow_server.client()
    name, renamed = unique("model"), unique("renamed")

    def missing(model_name):
        return lambda: pytest.raises(MlflowException, client.get_registered_model, model_name)

    def has(model_name, description, tags):
        def check():
            model = client.get_registered_model(model_name)
            assert (model.description, model.tags) == (description, tags)
        return check

    created = has(name, "churn", {"team": "growth", "tier": "1"})
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_registered_model": {
        "name": name, "description": "churn", "tags": {"team": "growth", "tier": "1"}}}, missing(name), created)
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_registered_model": {
        "name": name, "tags": {"team": "ml"}, "purge_tags": True}}, created, has(name, "churn", {"team": "ml"}))
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_registered_model": {
        "name": renamed, "rename_from": name}}, has(name, "churn", {"team": "ml"}), has(renamed, "churn", {"team": "ml"}))
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_registered_model": {
        "name": renamed, "state": "absent"}}, has(renamed, "churn", {"team": "ml"}), missing(renamed))


# --- mlflow_experiment ---------------------------------------------------------------------

def test_experiment_present_absent_restored(mlflow_server):
    client = mlflow_server.client()
    name = unique("experiment")

    def missing():
        assert client.get_experiment_by_name(name) is None

    def in_stage(stage):
        def check():
            experiment = client.get_experiment_by_name(name)
            assert (experiment.lifecycle_stage, experiment.tags.get("owner")) == (stage, "ml-platform")
        return check

    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_experiment": {
        "name": name, "tags": {"owner": "ml-platform"}}}, missing, in_stage("active"))
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_experiment": {"name": name, "state": "absent"}},
                         in_stage("active"), in_stage("deleted"))
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_experiment": {"name": name, "state": "restored"}},
                         in_stage("deleted"), in_stage("active"))


# --- mlflow_model_version ------------------------------------------------------------------

@pytest.fixture
def model(mlflow_server):
    client = mlflow_server.client()
    name = unique("versions")
    client.create_registered_model(name)
    return client, name


@pytest.mark.parametrize("kind", ["runs", "mlflow-artifacts", "s3", "models"])
def test_model_version_find_or_create(mlflow_server, model, kind):
    client, name = model
    run = new_run(client)
    options = {"name": name, "run_id": run.info.run_id, "description": "first", "tags": {"stage": "ci"}}
    if kind == "runs":
        options["source"] = f"runs:/{run.info.run_id}/model"
    elif kind == "mlflow-artifacts":
        options["source"] = f"{run.info.artifact_uri}/model"
    elif kind == "s3":
        options["source"] = f"s3://models-bucket/{uuid.uuid4().hex}/model"
    else:
        logged = client.create_logged_model(run.info.experiment_id, source_run_id=run.info.run_id)
        options.update(source=f"models:/{logged.model_id}", model_id=logged.model_id)

    def none():
        assert client.search_model_versions(f"name = '{name}'") == []

    def one():
        (version,) = client.search_model_versions(f"name = '{name}'")
        assert (version.status, version.description, version.tags) == ("READY", "first", {"stage": "ci"})
        assert version.run_id == run.info.run_id

    result = converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_model_version": options}, none, one)
    assert result["model_version"]["version"] == "1"
    assert result["model_version"]["status"] == "READY"


def test_model_version_tags_description_and_delete(mlflow_server, model):
    client, name = model
    source = f"s3://models-bucket/{uuid.uuid4().hex}/model"
    version = client.create_model_version(name, source, tags={"old": "x"}).version

    def has(description, tags):
        def check():
            found = client.get_model_version(name, version)
            assert (found.description, found.tags) == (description, tags)
        return check

    def none_left():
        assert client.search_model_versions(f"name = '{name}'") == []

    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_model_version": {
        "name": name, "version": int(version), "description": "checked", "tags": {"new": "y"}, "purge_tags": True}},
        has("", {"old": "x"}), has("checked", {"new": "y"}))
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_model_version": {
        "name": name, "source": source, "state": "absent"}}, has("checked", {"new": "y"}), none_left)


def register_in_parallel(server, name, sources):
    tasks = [[{"name": "register", "mlops.mlflow.mlflow_model_version": {"name": name, "source": source}}]
             for source in sources]
    with concurrent.futures.ThreadPoolExecutor(len(tasks)) as pool:
        return list(pool.map(lambda task: run_playbook(task, server), tasks))


def test_eight_playbooks_registering_the_same_source_make_one_version(mlflow_server, model):
    client, name = model
    source = f"s3://models-bucket/{uuid.uuid4().hex}/model"
    outcomes = register_in_parallel(mlflow_server, name, [source] * 8)
    assert [rc for rc, _results, _proc in outcomes] == [0] * 8, [p.stdout[-1500:] for _r, _s, p in outcomes]
    versions = client.search_model_versions(f"name = '{name}'")
    assert len(versions) == 1, [(v.version, v.source) for v in versions]
    assert {results["register"]["model_version"]["version"] for _rc, results, _p in outcomes} == {versions[0].version}
    assert sum(results["register"]["changed"] for _rc, results, _p in outcomes) == 1


def test_eight_playbooks_registering_different_sources_make_eight_versions(mlflow_server, model):
    client, name = model
    sources = [f"s3://models-bucket/{uuid.uuid4().hex}/model" for _index in range(8)]
    outcomes = register_in_parallel(mlflow_server, name, sources)
    assert [rc for rc, _results, _proc in outcomes] == [0] * 8
    versions = client.search_model_versions(f"name = '{name}'")
    assert sorted(v.source for v in versions) == sorted(sources)


# --- mlflow_model_alias --------------------------------------------------------------------

def test_alias_set_move_latest_with_tag_and_delete(mlflow_server, model):
    client, name = model
    for tags in ({"validated": "true"}, {"validated": "true"}, {}):
        client.create_model_version(name, f"s3://models-bucket/{uuid.uuid4().hex}/model", tags=tags)

    def alias_on(version):
        def check():
            assert client.get_model_version_by_alias(name, "champion").version == version
        return check

    def no_alias():
        assert "champion" not in client.get_registered_model(name).aliases

    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_model_alias": {
        "name": name, "alias": "champion", "version": "1"}}, no_alias, alias_on("1"))
    result = converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_model_alias": {
        "name": name, "alias": "champion", "version": "latest", "latest_with_tag": {"validated": "true"}}},
        alias_on("1"), alias_on("2"))
    assert result["previous_version"] == "1"
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_model_alias": {
        "name": name, "alias": "champion", "version": "latest"}}, alias_on("2"), alias_on("3"))
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_model_alias": {
        "name": name, "alias": "champion", "state": "absent"}}, alias_on("3"), no_alias)


def test_deletes_of_what_an_alias_points_at_are_refused_unless_forced(mlflow_server, model):
    client, name = model
    source = f"s3://models-bucket/{uuid.uuid4().hex}/model"
    version = client.create_model_version(name, source).version
    client.set_registered_model_alias(name, "champion", version)
    for module, options in (("mlflow_model_version", {"name": name, "source": source, "state": "absent"}),
                            ("mlflow_model_version", {"name": name, "version": int(version), "state": "absent"}),
                            ("mlflow_registered_model", {"name": name, "state": "absent"})):
        for check in (True, False):
            rc, results, _proc = run_playbook([{"name": "t", f"mlops.mlflow.{module}": options}], mlflow_server,
                                              check=check)
            assert rc != 0
            assert f"champion -> version {version}" in results["t"]["msg"], results["t"]["msg"]
            assert "force: true" in results["t"]["msg"]
    assert client.get_model_version_by_alias(name, "champion").version == version

    def version_there():
        assert client.get_model_version(name, version).version == version

    def version_gone():
        assert client.search_model_versions(f"name = '{name}'") == []

    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_model_version": {
        "name": name, "source": source, "state": "absent", "force": True}}, version_there, version_gone)
    client.set_registered_model_alias(name, "champion", client.create_model_version(name, source).version)
    converge_three_times(mlflow_server, {"mlops.mlflow.mlflow_registered_model": {
        "name": name, "state": "absent", "force": True}}, lambda: client.get_model_version_by_alias(name, "champion"),
        lambda: pytest.raises(MlflowException, client.get_registered_model, name))


def test_a_password_in_tracking_uri_is_refused_and_never_printed(mlflow_server):
    """Even at -vvv, where Ansible prints each task's arguments and result."""
    secret_uri = mlflow_server.url.replace("://", f"://{mlflow_server.username}:{mlflow_server.password}@", 1)
    play = [{"name": "uri", "hosts": "localhost", "gather_facts": False, "tasks": [
        {"name": "t", "mlops.mlflow.mlflow_registered_model_info": {"tracking_uri": secret_uri, "name": "x"}}]}]
    with tempfile.NamedTemporaryFile("w", suffix=".yml") as playbook:
        yaml.safe_dump(play, playbook)
        playbook.flush()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MLFLOW_TRACKING_")}
        proc = subprocess.run(["ansible-playbook", "-vvv", "-i", "localhost,", "-c", "local", playbook.name],
                              capture_output=True, text=True, env=dict(env, ANSIBLE_NOCOLOR="1"), check=False)
    assert proc.returncode != 0
    assert "carries a password" in proc.stdout + proc.stderr
    assert "in username and password" in proc.stdout + proc.stderr
    assert mlflow_server.password not in proc.stdout + proc.stderr


@pytest.mark.parametrize("alias", ["latest", "v12", "V3", "has space", "semi;colon"])
def test_reserved_or_invalid_alias_is_refused_before_any_request(alias):
    # Port 9 answers nothing: the sentence must be about the alias, not the server.
    rc, results, _proc = run_playbook([{"name": "alias", "mlops.mlflow.mlflow_model_alias": {
        "tracking_uri": "http://127.0.0.1:9", "name": "m", "alias": alias, "version": "1"}}])
    assert rc != 0
    assert "alias" in results["alias"]["msg"] and "127.0.0.1" not in results["alias"]["msg"]


# --- info modules and the lookup ------------------------------------------------------------

def test_info_modules_and_lookup(mlflow_server, model):
    client, name = model
    run = new_run(client)
    version = client.create_model_version(name, f"runs:/{run.info.run_id}/model", run_id=run.info.run_id).version
    client.set_registered_model_alias(name, "champion", version)
    client.set_registered_model_tag(name, "team", "growth")
    rc, results, proc = run_playbook([
        {"name": "model", "mlops.mlflow.mlflow_registered_model_info": {"name": name}},
        {"name": "models", "mlops.mlflow.mlflow_registered_model_info": {"filter": f"name = '{name}'"}},
        {"name": "missing", "mlops.mlflow.mlflow_registered_model_info": {"name": unique("missing")}},
        {"name": "by_alias", "mlops.mlflow.mlflow_model_version_info": {"name": name, "alias": "champion"}},
        {"name": "by_filter", "mlops.mlflow.mlflow_model_version_info": {"filter": f"run_id = '{run.info.run_id}'"}},
        {"name": "lookup", "ansible.builtin.debug": {"msg": "{{ lookup('mlops.mlflow.mlflow_model', '%s@champion', "
         "tracking_uri='%s', username='%s', password='%s') }}" % (
             name, mlflow_server.url, mlflow_server.username, mlflow_server.password)}},
    ], mlflow_server, check=True)
    assert rc == 0, proc.stdout[-3000:]
    # MLflow's SQL store leaves aliases out of model-versions/search: every module fills them in.
    assert [v["aliases"] for v in results["by_filter"]["model_versions"]] == [["champion"]]
    assert [v["aliases"] for v in results["by_alias"]["model_versions"]] == [["champion"]]
    rc, found_by_source, proc = run_playbook([{"name": "v", "mlops.mlflow.mlflow_model_version": {
        "name": name, "source": f"runs:/{run.info.run_id}/model"}}], mlflow_server)
    assert rc == 0, proc.stdout[-3000:]
    assert found_by_source["v"]["changed"] is False
    assert found_by_source["v"]["model_version"]["aliases"] == ["champion"]
    (found,) = results["model"]["registered_models"]
    assert (found["name"], found["tags"], found["aliases"]) == (name, {"team": "growth"}, {"champion": version})
    assert [m["name"] for m in results["models"]["registered_models"]] == [name]
    assert results["missing"]["registered_models"] == []
    assert [v["version"] for v in results["by_alias"]["model_versions"]] == [version]
    assert [v["version"] for v in results["by_filter"]["model_versions"]] == [version]
    looked_up = results["lookup"]["msg"]
    assert (looked_up["version"], looked_up["run_id"]) == (version, run.info.run_id)
    assert looked_up["source"].endswith("/model")


# --- failures: one sentence, nothing changed, no secret ----------------------------------------

def test_wrong_password_is_one_sentence_without_the_secret(mlflow_server):
    name = unique("never")
    rc, results, proc = run_playbook(
        [{"name": "t", "mlops.mlflow.mlflow_registered_model": {"name": name}}], mlflow_server,
        connection={"tracking_uri": mlflow_server.url, "username": "admin", "password": "wrong-password-value"})
    assert rc != 0
    assert "401" in results["t"]["msg"] and "Traceback" not in proc.stdout
    assert "wrong-password-value" not in proc.stdout + proc.stderr
    with pytest.raises(MlflowException):
        mlflow_server.client().get_registered_model(name)


def test_anonymous_requests_are_refused(mlflow_server):
    rc, results, _proc = run_playbook(
        [{"name": "t", "mlops.mlflow.mlflow_registered_model_info": {"name": "x"}}], mlflow_server,
        connection={"tracking_uri": mlflow_server.url})
    assert rc != 0 and "401" in results["t"]["msg"]


def test_unreachable_server_is_one_sentence():
    rc, results, proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_registered_model": {
        "tracking_uri": "http://127.0.0.1:9", "name": "m", "retries": 0}}])
    assert rc != 0
    assert "cannot reach the MLflow server at http://127.0.0.1:9" in results["t"]["msg"]
    assert "Traceback" not in proc.stdout


@pytest.mark.parametrize("module, options, words", [
    ("mlflow_model_version", {"name": "does-not-exist", "source": "s3://b/m"}, "does not exist"),
    ("mlflow_model_alias", {"name": "does-not-exist", "alias": "champion", "version": "1"}, "does-not-exist"),
    ("mlflow_registered_model", {"name": "tags-not-strings", "tags": {"tier": 1}}, "tags.tier"),
])
def test_bad_input_is_one_sentence_and_changes_nothing(mlflow_server, module, options, words):
    rc, results, proc = run_playbook([{"name": "t", f"mlops.mlflow.{module}": options}], mlflow_server)
    assert rc != 0 and words in results["t"]["msg"], results["t"]["msg"]
    assert "Traceback" not in proc.stdout
    with pytest.raises(MlflowException):
        mlflow_server.client().get_registered_model(options["name"])


def test_missing_version_and_rejected_source(mlflow_server, model):
    _client, name = model
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_model_alias": {
        "name": name, "alias": "champion", "version": "7"}}], mlflow_server)
    assert rc != 0 and "7" in results["t"]["msg"]
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_model_version": {
        "name": name, "source": "/etc/passwd/../model"}}], mlflow_server)
    assert rc != 0 and "source" in results["t"]["msg"].lower(), results["t"]["msg"]
    assert _client.search_model_versions(f"name = '{name}'") == []


def test_timeout_is_one_sentence(mlflow_server):
    rc, results, _proc = run_playbook([{"name": "t", "mlops.mlflow.mlflow_registered_model_info": {
        "timeout": 0.001, "retries": 0}}], mlflow_server)
    assert rc != 0 and "timed out" in results["t"]["msg"], results["t"]["msg"]
