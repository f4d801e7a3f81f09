from django.db import migrations

from mijnservices.registrations.notificaties.kanalen import OTHER_KANALEN


def seed(apps, schema_editor):
    Kanaal = apps.get_model("notificaties", "Kanaal")
    for spec in OTHER_KANALEN:
        Kanaal.objects.get_or_create(
            naam=spec["naam"],
            defaults={"documentatie_link": spec["documentatie_link"], "filters": spec["filters"]},
        )


class Migration(migrations.Migration):
    dependencies = [("notificaties", "0003_kanaal_uuid")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
