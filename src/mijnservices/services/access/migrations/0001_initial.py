"""Employee roles and zaaktype settings move here from the kcc app (decision 0025).

State only: the tables stay as they are (``kcc_employeerole``, ``kcc_zaaktypesetting``)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("kcc", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ZaaktypeSetting",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "zaaktype_identificatie",
                            models.CharField(
                                max_length=50, unique=True, verbose_name="zaaktype identificatie"
                            ),
                        ),
                        (
                            "released_for_kcc",
                            models.BooleanField(
                                default=False,
                                help_text="KCC employees may see the status of these zaken.",
                                verbose_name="released for the KCC",
                            ),
                        ),
                        (
                            "social_domain",
                            models.BooleanField(
                                default=False,
                                help_text="KCC employees never see documents of these zaken.",
                                verbose_name="social domain",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "kcc_zaaktypesetting",
                        "verbose_name": "zaaktype setting",
                        "verbose_name_plural": "zaaktype settings",
                    },
                ),
                migrations.CreateModel(
                    name="EmployeeRole",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "role",
                            models.CharField(
                                choices=[
                                    ("kcc", "KCC employee"),
                                    ("behandelaar", "Case handler"),
                                    ("beheerder", "Functional administrator"),
                                    ("auditor", "Auditor"),
                                ],
                                max_length=20,
                                verbose_name="role",
                            ),
                        ),
                        (
                            "zaaktype_identificaties",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Zaaktype identificaties this case handler works on.",
                                verbose_name="zaaktypen",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="employee_roles",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "kcc_employeerole",
                        "verbose_name": "employee role",
                        "verbose_name_plural": "employee roles",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "role"), name="kcc_unique_user_role"
                            )
                        ],
                    },
                ),
            ],
        ),
    ]
