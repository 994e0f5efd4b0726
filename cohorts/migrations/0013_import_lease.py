from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("cohorts", "0012_retention"),
    ]

    operations = [
        migrations.AddField(
            model_name="importjob",
            name="runs",
            field=models.PositiveIntegerField(default=0, verbose_name="runs"),
        ),
        migrations.AddField(
            model_name="importjob",
            name="heartbeat_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="last sign of life"),
        ),
    ]
