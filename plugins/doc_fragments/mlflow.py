# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Connection options shared by every mlops.mlflow registry module."""

from __future__ import annotations


class ModuleDocFragment:
    DOCUMENTATION = r'''
options:
  tracking_uri:
    description:
      - Base address of the MLflow tracking server, for example V(https://mlflow.example.com) or
        V(http://127.0.0.1:5000); the REST API is reached under C(/api/2.0/mlflow/).
      - Must be an C(http://) or C(https://) URL.
      - If not set, the E(MLFLOW_TRACKING_URI) environment variable is used; one of them is required.
    type: str
  username:
    description:
      - User name for MLflow's basic authentication, sent with every request.
      - If not set, the E(MLFLOW_TRACKING_USERNAME) environment variable is used.
      - Requires O(password); mutually exclusive with O(token).
    type: str
  password:
    description:
      - Password for MLflow's basic authentication.
      - If not set, the E(MLFLOW_TRACKING_PASSWORD) environment variable is used.
    type: str
  token:
    description:
      - Bearer token, sent in the C(Authorization) header, for servers behind a token-checking proxy.
      - If not set, the E(MLFLOW_TRACKING_TOKEN) environment variable is used.
      - Mutually exclusive with O(username) and O(password).
    type: str
  ca_path:
    description:
      - PEM file with the CA certificate(s) that signed the server's certificate, for a private CA.
      - If not set, the E(MLFLOW_TRACKING_SERVER_CERT_PATH) environment variable is used.
    type: path
  validate_certs:
    description:
      - Whether to validate the server's TLS certificate. Only set V(false) on a test server.
      - If not set, E(MLFLOW_TRACKING_INSECURE_TLS=true) turns validation off, as it does for MLflow's own client.
    type: bool
    default: true
  timeout:
    description:
      - Seconds to wait for each HTTP request.
    type: float
    default: 30
  retries:
    description:
      - How many times to retry a request, waiting 0.5, 1, 2, ... seconds in between.
      - Reads are retried when the connection fails, times out, or the server answers 429, 502, 503 or 504.
      - Writes are retried only when the connection was refused or the host name did not resolve, that is
        when the request cannot have reached the server. A write that times out is not retried, because it
        may have been applied; the error says so.
    type: int
    default: 3
attributes:
  action:
    description:
      - Has an action plugin. On a C(local) connection (a task on or delegated to C(localhost)) without
        C(become) or C(async), it runs the module inside Ansible's own process instead of starting a new one,
        with the same code and the same result, in a tenth of the time.
      - Set the variable C(mlops_mlflow_in_process=false) to always run the module as a separate process.
    support: full
  action_group:
    description: Use C(group/mlops.mlflow.mlflow) in C(module_defaults) to set the connection options once.
    support: full
    membership:
      - mlops.mlflow.mlflow
notes:
  - Talks to MLflow's REST API only; the C(mlflow) Python package is not needed where the module runs.
'''
