"""Print the MLflow database's schema revision and the installed MLflow's, as JSON.

Run with the virtualenv's python; reads MLFLOW_BACKEND_STORE_URI (and libpq's
PGPASSWORD) from the environment.  Read-only.
"""
import json
import os

import sqlalchemy
from mlflow.store.db.utils import _get_latest_schema_revision, _is_empty_database

engine = sqlalchemy.create_engine(os.environ["MLFLOW_BACKEND_STORE_URI"])
try:
    empty = _is_empty_database(engine)
    current = None
    if not empty:
        with engine.connect() as connection:
            current = connection.execute(sqlalchemy.text("SELECT version_num FROM alembic_version")).scalar()
finally:
    engine.dispose()
print(json.dumps({"empty": empty, "current": current, "head": _get_latest_schema_revision()}))
