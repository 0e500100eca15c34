from django.db import migrations, models

import explainer.models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("url", models.CharField(max_length=300, unique=True)),
                ("kind", models.CharField(max_length=20)),
                ("label", models.CharField(max_length=200)),
                ("title", models.TextField()),
                ("summary", models.TextField()),
                ("headings", models.TextField()),
                ("body", models.TextField()),
                ("boost", models.FloatField(default=1.0)),
                ("vector", explainer.models.TextSearchVector(null=True)),
            ],
        ),
        migrations.CreateModel(
            name="SearchIndexState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("fingerprint", models.CharField(max_length=64)),
                ("documents", models.PositiveIntegerField()),
                ("built_at", models.DateTimeField()),
            ],
        ),
    ]
