"""Template helpers of the Kreistag phase."""

from django import template

from empfehlungen.selectors_kreistag import UMSETZUNG_STATUS
from empfehlungen.selectors_kreistag import umsetzungsstand as _umsetzungsstand

register = template.Library()


@register.simple_tag
def umsetzungsstand(massnahmen) -> dict:
    return _umsetzungsstand(massnahmen)


@register.simple_tag
def status_je_zeile(empfehlung) -> list[tuple[str, int]]:
    """The annotated counts of a row of /umsetzung/ as (label, count), zeros left out."""
    return [
        (status.label, getattr(empfehlung, f"anzahl_{status}"))
        for status in UMSETZUNG_STATUS
        if getattr(empfehlung, f"anzahl_{status}")
    ]
