"""Contract types become data staff can edit; offers point at them instead of a fixed list."""

import django.db.models.deletion
from django.db import migrations, models

# The French contract kinds every programme uses. Codes stay stable; labels can be changed in the admin.
DEFAULT_CONTRACT_TYPES = [
    ("cdi", "CDI"),
    ("cdd", "CDD"),
    ("temp", "Intérim"),
    ("work_study", "Alternance"),
    ("cddi", "CDDI"),
    ("internship", "Stage"),
    ("pmsmp", "PMSMP (immersion)"),
    ("other", "Autre"),
]


def seed_and_link(apps, schema_editor):
    ContractType = apps.get_model("snippets", "ContractType")
    Offer = apps.get_model("snippets", "Offer")
    by_slug = {}
    for order, (slug, label) in enumerate(DEFAULT_CONTRACT_TYPES):
        by_slug[slug], _created = ContractType.objects.get_or_create(
            slug=slug, defaults={"label": label, "sort_order": order}
        )
    for offer in Offer.objects.all():
        offer.contract_type_ref = by_slug.get(offer.contract_type, by_slug["other"])
        offer.save(update_fields=["contract_type_ref"])


class Migration(migrations.Migration):
    dependencies = [
        ("snippets", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContractType",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("label", models.CharField(max_length=100, verbose_name="label")),
                ("slug", models.SlugField(max_length=40, unique=True, verbose_name="code")),
            ],
            options={
                "verbose_name": "contract type",
                "verbose_name_plural": "contract types",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="offer",
            name="contract_type_ref",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="snippets.contracttype"
            ),
        ),
        migrations.RunPython(seed_and_link, migrations.RunPython.noop),
        migrations.RemoveField(model_name="offer", name="contract_type"),
        migrations.RenameField(model_name="offer", old_name="contract_type_ref", new_name="contract_type"),
        migrations.AlterField(
            model_name="offer",
            name="contract_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="offers",
                to="snippets.contracttype",
                verbose_name="contract type",
            ),
        ),
    ]
