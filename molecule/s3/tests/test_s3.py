"""A direct S3 artifact store on moto_server, the preflight, an offline install."""
import json
import os
import subprocess
import sys

import boto3
import pytest
import requests
from conftest import converge, log_register_and_load, mlflow_default_version, mlflow_url

testinfra_hosts = ["s3-direct"]

ENDPOINT = "http://172.30.78.10:9000"
BUCKET = "mlflow-artifacts"


def s3_key():
    path = os.path.join(os.environ["MOLECULE_EPHEMERAL_DIRECTORY"], "s3-credentials.json")
    with open(path, encoding="utf-8") as stored:
        return json.load(stored)


def bucket_keys(prefix):
    key = s3_key()
    s3 = boto3.client("s3", endpoint_url=ENDPOINT, region_name="us-east-1",
                      aws_access_key_id=key["access_key_id"], aws_secret_access_key=key["secret_access_key"])
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
    return [item["Key"] for page in pages for item in page.get("Contents", [])]


@pytest.fixture
def clean_client_env(monkeypatch):
    for variable in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "MLFLOW_S3_ENDPOINT_URL",
                     "MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD"):
        monkeypatch.delenv(variable, raising=False)
    return monkeypatch


def test_serves_the_pinned_version(host):
    assert host.service("mlflow").is_running
    assert requests.get(mlflow_url(host) + "/version", timeout=10).text.strip() == mlflow_default_version()


def test_preflight_leaves_no_probe_object(host):
    assert not [key for key in bucket_keys("") if ".mlops-preflight" in key]


def test_no_secret_in_argv_unit_or_systemctl_show(host):
    secrets = [s3_key()["secret_access_key"]]
    shown = host.check_output("ps -eo args") + host.check_output("systemctl show mlflow") \
        + host.file("/etc/systemd/system/mlflow.service").content_string
    assert not [secret for secret in secrets if secret in shown]
    env = host.file("/etc/mlflow/mlflow.env")
    assert (env.user, env.mode) == ("root", 0o600)


def test_direct_clients_write_the_bucket_and_load_back(host, clean_client_env):
    key = s3_key()
    clean_client_env.setenv("AWS_ACCESS_KEY_ID", key["access_key_id"])
    clean_client_env.setenv("AWS_SECRET_ACCESS_KEY", key["secret_access_key"])
    clean_client_env.setenv("MLFLOW_S3_ENDPOINT_URL", ENDPOINT)
    _name, info = log_register_and_load(mlflow_url(host), "molecule-s3-direct")
    assert info.artifact_path.startswith(f"s3://{BUCKET}/direct/"), info.artifact_path
    assert [key for key in bucket_keys("direct/") if info.model_id in key and key.endswith("MLmodel")]


def test_direct_clients_without_s3_credentials_cannot_log(host):
    # A fresh process: MLflow caches its boto3 client, credentials included.
    script = ("import mlflow\n"
              f"mlflow.set_tracking_uri({mlflow_url(host)!r})\n"
              "mlflow.set_experiment('molecule-s3-direct')\n"
              "with mlflow.start_run():\n"
              "    mlflow.log_text('hello', 'hello.txt')\n")
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("AWS_ACCESS", "AWS_SECRET", "MLFLOW_TRACKING_"))}
    env["MLFLOW_S3_ENDPOINT_URL"] = ENDPOINT
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode != 0
    assert "NoCredentialsError: Unable to locate credentials" in result.stderr, result.stderr[-2000:]


def test_wheelhouse_install_never_needed_the_index(host):
    # The only index pip knows on this host does not answer ...
    assert "192.0.2.1" in host.file("/etc/pip.conf").content_string
    assert host.run("pip3 download --no-cache-dir --dest /tmp/probe six 2>&1 || /opt/mlflow/current/bin/pip "
                    "download --no-cache-dir --dest /tmp/probe six").rc != 0
    # ... yet MLflow is installed and serving.
    assert host.check_output("/opt/mlflow/current/bin/mlflow --version").endswith(mlflow_default_version())


def test_wrong_s3_secret_fails_the_preflight_and_changes_nothing(host):
    before = (host.file("/etc/mlflow/mlflow.env").sha256sum, host.check_output("systemctl show -P MainPID mlflow"))
    result = converge("--limit", "s3-direct", "-e", "mlflow_s3_secret_access_key=wrong-secret-value")
    assert result.returncode != 0
    # Where the failed task's message lands (stdout or stderr) depends on Ansible's callback settings.
    assert "S3 refused the secret key for this access key id; check mlflow_s3_secret_access_key." \
        in result.stdout + result.stderr
    assert "wrong-secret-value" not in result.stdout + result.stderr
    assert (host.file("/etc/mlflow/mlflow.env").sha256sum, host.check_output("systemctl show -P MainPID mlflow")) \
        == before
    assert requests.get(mlflow_url(host) + "/health", timeout=10).status_code == 200
