"""Print the MLflow database's schema revision and the installed MLflow's, as JSON;
with MLFLOW_AUTH_DATABASE_URI, those of the auth app's database too: MLflow's
basic-auth app, or mlflow-oidc-auth with MLOPS_AUTH_APP=oidc.

Run with the virtualenv's python; reads MLFLOW_BACKEND_STORE_URI (and libpq's
PGPASSWORD) from the environment.  Read-only on the database; with
MLOPS_SCHEMA_STATUS_READ_ONLY set (check mode), read-only everywhere.

The installed MLflow's head revisions depend only on its release: they are
computed once (importing mlflow takes seconds) and kept in the virtualenv,
beside the release they were read from, so a converge that changes nothing
reads only the database's revisions.
"""
import json
import os
import sys
import tempfile
from importlib.metadata import version

import sqlalchemy
from alembic.migration import MigrationContext

HEADS = os.path.join(sys.prefix, "mlops-schema-heads.json")


def installed_heads(auth):
    """{"mlflow": release, "head": ..., "auth_head": ...} of this virtualenv's MLflow;
    the auth app's head only with `auth` ("basic" or "oidc"; without it the app
    may not be installed)."""
    release = version("mlflow")
    heads = {}
    try:
        with open(HEADS, encoding="utf-8") as cached:
            heads = json.load(cached)
    except (OSError, ValueError):
        pass
    if heads.get("mlflow") != release:
        heads = {"mlflow": release}
    if auth == "oidc" and heads.get("oidc") != version("mlflow-oidc-auth"):
        heads.pop("oidc_head", None)
    kept = dict(heads)
    if "head" not in heads:
        from mlflow.store.db.utils import _get_latest_schema_revision
        heads["head"] = _get_latest_schema_revision()
    key = "oidc_head" if auth == "oidc" else "auth_head"
    if auth and key not in heads:
        from alembic.script import ScriptDirectory
        if auth == "oidc":
            from mlflow_oidc_auth.db.utils import _get_alembic_config
            heads["oidc"] = version("mlflow-oidc-auth")
        else:
            from mlflow.server.auth.db.utils import _get_alembic_config
        heads[key] = ScriptDirectory.from_config(_get_alembic_config("sqlite://")).get_current_head()
    if heads == kept or os.environ.get("MLOPS_SCHEMA_STATUS_READ_ONLY"):
        return heads
    try:
        with tempfile.NamedTemporaryFile("w", dir=sys.prefix, delete=False, encoding="utf-8") as target:
            json.dump(heads, target)
        os.chmod(target.name, 0o644)
        os.replace(target.name, HEADS)
    except OSError:
        pass  # not the virtualenv's owner: read again next time
    return heads


def current(uri, version_table, legacy_table=None):
    """(empty, revision) of the database at `uri`, revision from Alembic's
    `version_table`, or from `legacy_table` when only that one exists."""
    engine = sqlalchemy.create_engine(uri)
    try:
        with engine.connect() as connection:
            tables = sqlalchemy.inspect(connection).get_table_names()
            if legacy_table and version_table not in tables and legacy_table in tables:
                version_table = legacy_table
            context = MigrationContext.configure(connection, opts={"version_table": version_table})
            return not tables, context.get_current_revision()
    finally:
        engine.dispose()


auth_uri = os.environ.get("MLFLOW_AUTH_DATABASE_URI")
auth_app = (os.environ.get("MLOPS_AUTH_APP") or "basic") if auth_uri else None
heads = installed_heads(auth_app)
empty, revision = current(os.environ["MLFLOW_BACKEND_STORE_URI"], "alembic_version")
status = {"empty": empty, "current": revision, "head": heads["head"]}
if auth_app == "oidc":
    # Alembic's default table, in a database of its own.
    status.update(auth_current=current(auth_uri, "alembic_version")[1], auth_head=heads["oidc_head"])
elif auth_app:
    # The basic-auth app's own table since MLflow 3.6; before, Alembic's default.
    status.update(auth_current=current(auth_uri, "alembic_version_auth", "alembic_version")[1],
                  auth_head=heads["auth_head"])
print(json.dumps(status))
