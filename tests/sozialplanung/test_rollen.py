"""The Sozialplanung group holds the permissions of every app after migrate."""

import pytest
from django.contrib.auth.models import Group


@pytest.mark.django_db
def test_after_migrate_staff_may_change_the_models_of_every_app():
    # migrate ran for the test database; the later apps' permissions must be granted too.
    rechte = set(
        Group.objects.get(name="Sozialplanung").permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    for app, codename in [
        ("handlungsfelder", "change_strategischeanalyse"),
        ("empfehlungen", "change_massnahme"),
        ("empfehlungen", "change_wirkungsziel"),
        ("steuerungsgruppe", "change_sitzung"),
        ("dossier", "change_dossier"),
    ]:
        assert (app, codename) in rechte, codename
