# isGerelateerdAan is a list in the Taken 0.1.0 spec: the single URN becomes a JSON list,
# keeping existing values.
from django.db import migrations, models


def to_list(apps, schema_editor):
    ExterneTaak = apps.get_model("taken", "ExterneTaak")
    for taak in ExterneTaak.objects.exclude(is_gerelateerd_aan_old=""):
        taak.is_gerelateerd_aan = [taak.is_gerelateerd_aan_old]
        taak.save(update_fields=["is_gerelateerd_aan"])


class Migration(migrations.Migration):
    dependencies = [("taken", "0001_initial")]

    operations = [
        migrations.RenameField("externetaak", "is_gerelateerd_aan", "is_gerelateerd_aan_old"),
        migrations.AddField(
            model_name="externetaak",
            name="is_gerelateerd_aan",
            field=models.JSONField(default=list),
        ),
        migrations.RunPython(to_list, migrations.RunPython.noop),
        migrations.RemoveField("externetaak", "is_gerelateerd_aan_old"),
    ]
