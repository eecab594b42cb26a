"""Register a small demo model and point alias `champion` at it.

Usage: demo-model.py TRACKING_URI.  Uses MLflow's own client: trains a
scikit-learn classifier on the iris data set (bundled, no download), logs
and registers it as `demo-iris`, sets `champion`, and loads it back by alias.
Run again, it keeps the existing champion.
"""
import sys

import mlflow
from mlflow import MlflowClient
from mlflow.exceptions import MlflowException
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

NAME = "demo-iris"

mlflow.set_tracking_uri(sys.argv[1])
client = MlflowClient()
features, labels = load_iris(return_X_y=True)
try:
    version = client.get_model_version_by_alias(NAME, "champion").version
except MlflowException:
    mlflow.set_experiment("demo")
    with mlflow.start_run(run_name="iris-logistic-regression"):
        model = LogisticRegression(max_iter=500).fit(features, labels)
        mlflow.log_metric("train_accuracy", model.score(features, labels))
        mlflow.sklearn.log_model(model, name="model", registered_model_name=NAME)
    version = max(int(v.version) for v in client.search_model_versions(f"name = '{NAME}'"))
    client.set_registered_model_alias(NAME, "champion", version)

loaded = mlflow.pyfunc.load_model(f"models:/{NAME}@champion")
print(f"demo: model {NAME} version {version} is 'champion'; "
      f"models:/{NAME}@champion predicts {[int(p) for p in loaded.predict(features[:3])]} for three iris flowers")
