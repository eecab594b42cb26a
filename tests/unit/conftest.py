"""Unit tests import the collection as ansible_collections.mlops.mlflow."""
import pathlib
import sys

# build/collections/ansible_collections/mlops/mlflow links to this checkout (make venv).
COLLECTIONS = pathlib.Path(__file__).resolve().parents[2] / "build" / "collections"
sys.path.insert(0, str(COLLECTIONS))
