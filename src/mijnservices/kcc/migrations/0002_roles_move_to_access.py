"""EmployeeRole and ZaaktypeSetting now belong to the access app (decision 0025); their tables
stay where they are, so this only changes Django's state."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("kcc", "0001_initial"),
        ("access", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="EmployeeRole"),
                migrations.DeleteModel(name="ZaaktypeSetting"),
            ],
        ),
    ]
