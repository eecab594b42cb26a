"""Print the MLflow database's schema revision and the installed MLflow's, as JSON;
with MLFLOW_AUTH_DATABASE_URI, those of the basic-auth database too.

Run with the virtualenv's python; reads MLFLOW_BACKEND_STORE_URI (and libpq's
PGPASSWORD) from the environment.  Read-only.
"""
import json
import os

import sqlalchemy
from mlflow.store.db.utils import _get_latest_schema_revision, _is_empty_database


def tracking(uri):
    engine = sqlalchemy.create_engine(uri)
    try:
        empty = _is_empty_database(engine)
        current = None
        if not empty:
            with engine.connect() as connection:
                current = connection.execute(sqlalchemy.text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    return {"empty": empty, "current": current, "head": _get_latest_schema_revision()}


def auth(uri):
    """The auth app's own Alembic history (table alembic_version_auth)."""
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from mlflow.server.auth.db.utils import _get_alembic_config

    engine = sqlalchemy.create_engine(uri)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"version_table": "alembic_version_auth"})
            current = context.get_current_revision()
    finally:
        engine.dispose()
    head = ScriptDirectory.from_config(_get_alembic_config(uri)).get_current_head()
    return {"auth_current": current, "auth_head": head}


status = tracking(os.environ["MLFLOW_BACKEND_STORE_URI"])
if os.environ.get("MLFLOW_AUTH_DATABASE_URI"):
    status.update(auth(os.environ["MLFLOW_AUTH_DATABASE_URI"]))
print(json.dumps(status))
