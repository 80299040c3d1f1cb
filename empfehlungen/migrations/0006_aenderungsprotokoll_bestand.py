"""Every existing Vorlage, Beratung and Umsetzungsschritt gets a first history record.

Without it the first change after the upgrade would have nothing to compare with, and
the change log could not say what a field was before.
"""

from django.db import migrations
from django.utils import timezone

MODELLE = ("Vorlage", "Beratung", "MassnahmeStatusAenderung")
GRUND = "Bestand bei Einführung des Änderungsprotokolls"


def bestand_erfassen(apps, schema_editor):
    jetzt = timezone.now()
    for name in MODELLE:
        modell = apps.get_model("empfehlungen", name)
        historie = apps.get_model("empfehlungen", f"Historical{name}")
        felder = [
            f.attname
            for f in historie._meta.fields
            if not f.name.startswith("history_") and f.name != "history_id"
        ]
        vorhanden = set(historie.objects.values_list("id", flat=True))
        historie.objects.bulk_create(
            [
                historie(
                    **{feld: getattr(objekt, feld) for feld in felder},
                    history_date=jetzt,
                    history_type="+",
                    history_change_reason=GRUND,
                )
                for objekt in modell.objects.iterator()
                if objekt.pk not in vorhanden
            ],
            batch_size=500,
        )


class Migration(migrations.Migration):
    dependencies = [("empfehlungen", "0005_aenderungsprotokoll")]

    operations = [migrations.RunPython(bestand_erfassen, migrations.RunPython.noop)]
