"""A database-level guard: UPDATE on the verwerkingen tables fails whatever the client (the
application's guards stop it earlier; this stops a script or a shell). Deleting stays possible
for the retention purge."""

from django.db import migrations

TABLES = ("verwerkingen_verwerkingsactie", "verwerkingen_verwerktobject")


def create(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE OR REPLACE FUNCTION verwerkingen_append_only() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION 'verwerkingen are append-only'; END; $$ LANGUAGE plpgsql"
            )
            for table in TABLES:
                cursor.execute(
                    f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION verwerkingen_append_only()"
                )
        elif connection.vendor == "sqlite":
            for table in TABLES:
                cursor.execute(
                    f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                    "BEGIN SELECT RAISE(ABORT, 'verwerkingen are append-only'); END"
                )


def drop(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table in TABLES:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update ON {table}")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS verwerkingen_append_only()")


class Migration(migrations.Migration):
    dependencies = [("verwerkingen", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
