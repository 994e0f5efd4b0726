"""Create the staff roles as Wagtail groups, with their permissions (see cohorts/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

from snippets import roles


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, codes in roles.MODEL_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        # roles.py lists today's models; those created by later migrations (consents, contact requests) have no
        # permission yet: their own migration grants it (0006_consent_permissions).
        group.permissions.add(
            *Permission.objects.filter(
                Q(*[Q(content_type__app_label=app, codename=code) for app, code in codes], _connector=Q.OR)
            )
        )
        for code in roles.PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission("wagtailcore", code)
            )
        for app, code in roles.COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(app, code)
            )


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[roles.PROGRAMME_ADMINS, roles.COMMUNICATION, roles.COACHES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0002_initial"),
        ("pages", "0002_pages"),
        ("snippets", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
