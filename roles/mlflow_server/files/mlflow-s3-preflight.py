"""Check that the S3 artifact store works with the credentials MLflow will use.

Writes, reads, lists and deletes one probe object under the store's prefix.
Reads MLFLOW_S3_PREFLIGHT_URI (s3://bucket/prefix) and boto3's usual variables
(AWS_*, MLFLOW_S3_ENDPOINT_URL).  On failure prints one sentence naming what is
missing and the variable that fixes it, and exits 1.  Never prints a secret.
"""
import os
import socket
import sys
import uuid

import boto3
from botocore.exceptions import BotoCoreError, ClientError, EndpointConnectionError, NoCredentialsError

URI = os.environ["MLFLOW_S3_PREFLIGHT_URI"]
BUCKET, _slash, PREFIX = URI[len("s3://"):].partition("/")
KEY = "/".join(p for p in (PREFIX, ".mlops-preflight", "%s-%s" % (socket.gethostname(), uuid.uuid4().hex)) if p)
BODY = b"mlops.mlflow preflight\n"
ENDPOINT = os.environ.get("MLFLOW_S3_ENDPOINT_URL") or None

ACTIONS = {"put": "s3:PutObject", "get": "s3:GetObject", "list": "s3:ListBucket", "delete": "s3:DeleteObject"}


def explain(step, error):
    """One sentence for a failed step, naming the variable to fix."""
    if isinstance(error, NoCredentialsError):
        return ("no S3 credentials were found; set mlflow_s3_access_key_id and mlflow_s3_secret_access_key "
                "(or give the node an instance role).")
    if isinstance(error, EndpointConnectionError):
        return "cannot connect to the S3 endpoint %s; check mlflow_s3_endpoint_url." % (ENDPOINT or "of AWS")
    if isinstance(error, ClientError):
        code = error.response.get("Error", {}).get("Code", "")
        if code in ("NoSuchBucket",):
            return "bucket %r does not exist; create it or fix mlflow_s3_bucket." % BUCKET
        if code in ("InvalidAccessKeyId",):
            return "S3 does not know the access key id; check mlflow_s3_access_key_id."
        if code in ("SignatureDoesNotMatch",):
            return "S3 refused the secret key for this access key id; check mlflow_s3_secret_access_key."
        if code in ("AccessDenied", "403", "Forbidden"):
            return "the credentials lack the %s permission on %s; grant it to the key's user or role." % (
                ACTIONS[step], URI)
        return "%s of the probe object %s failed with %s: %s." % (
            step, KEY, code or "an error", error.response.get("Error", {}).get("Message", ""))
    return "%s of the probe object failed: %s." % (step, error)


def main():
    s3 = boto3.client("s3", endpoint_url=ENDPOINT)
    step = "put"
    try:
        s3.put_object(Bucket=BUCKET, Key=KEY, Body=BODY)
        step = "get"
        if s3.get_object(Bucket=BUCKET, Key=KEY)["Body"].read() != BODY:
            print("the probe object %s read back different bytes than were written." % KEY)
            return 1
        step = "list"
        listed = s3.list_objects_v2(Bucket=BUCKET, Prefix=KEY).get("Contents", [])
        if KEY not in [item["Key"] for item in listed]:
            print("the probe object %s was written but listing %s does not show it." % (KEY, URI))
            return 1
        step = "delete"
        s3.delete_object(Bucket=BUCKET, Key=KEY)
    except (BotoCoreError, ClientError) as error:
        print(explain(step, error))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
