from django.db import migrations

from mijnservices.registrations.notificaties.kanalen import STANDARD_KANALEN


def seed(apps, schema_editor):
    Kanaal = apps.get_model("notificaties", "Kanaal")
    for spec in STANDARD_KANALEN:
        Kanaal.objects.get_or_create(
            naam=spec["naam"],
            defaults={"documentatie_link": spec["documentatie_link"], "filters": spec["filters"]},
        )


class Migration(migrations.Migration):
    dependencies = [("notificaties", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
