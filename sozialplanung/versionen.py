"""Optimistic locking for texts staff write together (``models.VersionierterText``)."""

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext

from sozialplanung.anzeige import person


def veraltet(text) -> ValidationError:
    """The refusal of a save that started from an older version of a text.

    ``text`` has ``geaendert_von`` and ``geaendert_am``; a text without a save time was
    reset since it was opened.
    """
    if text.geaendert_am is None:
        meldung = gettext(
            "Der Text wurde inzwischen an anderer Stelle zurückgesetzt. Ihre Eingaben wurden "
            "nicht gespeichert; bitte prüfen Sie sie und speichern Sie erneut."
        )
    else:
        meldung = gettext(
            "%(wer)s hat diesen Text am %(wann)s gespeichert, nachdem Sie ihn geöffnet haben. "
            "Ihre Eingaben wurden nicht gespeichert; bitte vergleichen Sie sie mit dem neuen "
            "Stand."
        ) % {
            "wer": person(text.geaendert_von) if text.geaendert_von else gettext("Jemand"),
            "wann": formats.date_format(
                timezone.localtime(text.geaendert_am), "SHORT_DATETIME_FORMAT"
            ),
        }
    return ValidationError(meldung, code="veraltet")


def versioniert_speichern(objekt, /, *, version: int, user, **werte) -> None:
    """Write ``werte`` into ``objekt`` (locked by the caller) unless it moved on since
    ``version``; then raise the version and note who saved when."""
    if objekt.version != version:
        raise veraltet(objekt)
    for feld, wert in werte.items():
        setattr(objekt, feld, wert)
    objekt.version += 1
    objekt.geaendert_von = user
    objekt.geaendert_am = timezone.now()
    objekt.full_clean()
    objekt.save()
