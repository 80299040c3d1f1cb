"""The Steuerungsgruppe's result sentence for templates of other apps (the public detail)."""

from django import template

from steuerungsgruppe.selectors import ergebnis_satz as _ergebnis_satz

register = template.Library()


@register.simple_tag
def ergebnis_satz(empfehlung) -> str:
    """Built from the stored category, so the detail page needs no extra query."""
    return _ergebnis_satz(empfehlung)
