"""The demo's ML engineer, with MLflow's own client.

Usage: demo-model.py train|load TRACKING_URI
  train  trains a scikit-learn classifier on the iris data set (bundled, no
         download), logs it and registers it as `demo-iris`, unless the model
         already has a version.
  load   loads models:/demo-iris@champion (the alias scripts/demo-promote.yml
         set with mlops.mlflow.mlflow_model_alias) and predicts.
"""
import sys

import mlflow
from mlflow import MlflowClient
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

NAME = "demo-iris"
action, uri = sys.argv[1], sys.argv[2]
mlflow.set_tracking_uri(uri)
features, labels = load_iris(return_X_y=True)

if action == "train":
    if MlflowClient().search_model_versions(f"name = '{NAME}'"):
        print(f"demo: model {NAME} already has a version; not training again")
    else:
        mlflow.set_experiment("demo")
        with mlflow.start_run(run_name="iris-logistic-regression"):
            model = LogisticRegression(max_iter=500).fit(features, labels)
            mlflow.log_metric("train_accuracy", model.score(features, labels))
            mlflow.sklearn.log_model(model, name="model", registered_model_name=NAME)
        print(f"demo: trained, logged and registered {NAME}")
elif action == "load":
    version = MlflowClient().get_model_version_by_alias(NAME, "champion").version
    loaded = mlflow.pyfunc.load_model(f"models:/{NAME}@champion")
    print(f"demo: models:/{NAME}@champion is version {version}; "
          f"it predicts {[int(p) for p in loaded.predict(features[:3])]} for three iris flowers")
else:
    sys.exit(__doc__)
