"""Programme admins manage contract types, now that they are data (see cohorts/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from snippets import roles


def grant(apps, schema_editor):
    app_config = apps.get_app_config("snippets")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=roles.PROGRAMME_ADMINS).first()
    if group:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="snippets", content_type__model="contracttype")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0003_roles"),
        ("snippets", "0002_contract_types"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
