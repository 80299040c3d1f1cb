"""How the portal names people, in pages, messages and __str__ alike."""

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext


def person(user) -> str:
    """A user as staff know them: the full name, else the login; "System" for no user."""
    if user is None:
        return gettext("System")
    return user.get_full_name() or user.get_username()


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
