"""How the portal names people, in pages, messages and __str__ alike, and in which
language its official documents appear."""

from django.utils import translation
from django.utils.translation import gettext


def person(user) -> str:
    """A user as staff know them: the full name, else the login; "System" for no user."""
    if user is None:
        return gettext("System")
    return user.get_full_name() or user.get_username()


def zeilen(text: str, zeichen: str = " ") -> list[str]:
    """The non-empty lines of a text that staff type one item per line, trimmed of
    ``zeichen`` (e.g. bullet marks they paste along)."""
    return [zeile.strip(zeichen) for zeile in text.splitlines() if zeile.strip(zeichen)]


class DeutschesDokumentMixin:
    """For the county's official documents (the PDFs): German from the first query to the
    last byte, also when an English page links to them."""

    def dispatch(self, request, *args, **kwargs):
        with translation.override("de"):
            return super().dispatch(request, *args, **kwargs)
