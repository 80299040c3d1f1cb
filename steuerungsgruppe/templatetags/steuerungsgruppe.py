"""The Steuerungsgruppe's result sentence for templates of other apps (the public detail)."""

from django import template

from steuerungsgruppe.selectors import ergebnis_satz as _ergebnis_satz

register = template.Library()


@register.simple_tag
def ergebnis_satz(empfehlung) -> str:
    """Built from the stored category, so the detail page needs no extra query."""
    return _ergebnis_satz(empfehlung)


@register.filter
def komma(wert, stellen: int = 2) -> str:
    """A mean or median as 47,53; a dash when there is none."""
    if wert is None:
        return "–"
    from django.utils.formats import number_format

    return number_format(round(float(wert), int(stellen)), int(stellen), use_l10n=True)
