"""Programme admins import cohorts and offers from spreadsheets (see cohorts/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from snippets import roles


def grant(apps, schema_editor):
    app_config = apps.get_app_config("cohorts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    programme_admins = Group.objects.filter(name=roles.PROGRAMME_ADMINS).first()
    if programme_admins:
        programme_admins.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="cohorts", codename__in=["import_cohort", "import_offers"]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0007_imports"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
