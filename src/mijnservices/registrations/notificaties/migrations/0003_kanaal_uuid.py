import uuid

from django.db import migrations, models


def fill(apps, schema_editor):
    Kanaal = apps.get_model("notificaties", "Kanaal")
    for kanaal in Kanaal.objects.filter(uuid__isnull=True):
        kanaal.uuid = uuid.uuid4()
        kanaal.save(update_fields=["uuid"])


class Migration(migrations.Migration):
    dependencies = [("notificaties", "0002_standard_kanalen")]

    operations = [
        migrations.AddField(
            model_name="kanaal", name="uuid", field=models.UUIDField(null=True, editable=False)
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="kanaal",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, unique=True, editable=False),
        ),
    ]
