from django.db import migrations

# Treebeard's materialised paths: four characters per level, in base 36.
STEP = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
NAME = "Documents publics"


def to_step(number):
    digits = ""
    while number:
        number, digit = divmod(number, len(ALPHABET))
        digits = ALPHABET[digit] + digits
    return digits.rjust(STEP, "0")


def create_public_collection(apps, schema_editor):
    """The collection whose documents anyone may download (settings.PUBLIC_DOCUMENTS_COLLECTION); all others are
    for staff. Historical models know nothing of treebeard, hence the path by hand."""
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    if root is None or Collection.objects.filter(name=NAME).exists():
        return
    last = Collection.objects.filter(depth=2).order_by("-path").first()
    index = int(last.path[-STEP:], len(ALPHABET)) + 1 if last else 1
    Collection.objects.create(name=NAME, depth=2, path=root.path + to_step(index), numchild=0)
    root.numchild += 1
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0010_private_image_originals"),
    ]

    operations = [migrations.RunPython(create_public_collection, migrations.RunPython.noop)]
