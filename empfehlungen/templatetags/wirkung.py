"""Template helpers of the Wirkungsorientierung: German numbers and the traffic light."""

from django import template
from django.utils import timezone

from empfehlungen.wirkung import AMPEL_REGEL, AMPEL_REGEL_KURZ, AMPEL_SYMBOL, Ampel
from handlungsfelder.charts import zahl as _zahl

register = template.Library()


@register.filter
def zahl(wert) -> str:
    """1.234 or 59,1 as the Sozialmonitoring prints values; "–" for none."""
    return _zahl(wert)


@register.simple_tag
def ampel_regel() -> str:
    return str(AMPEL_REGEL)


@register.simple_tag
def ampel_regel_kurz() -> str:
    return str(AMPEL_REGEL_KURZ)


@register.simple_tag
def ampel_legende() -> list[Ampel]:
    return list(Ampel)


@register.filter
def ampel_symbol(wert) -> str:
    return AMPEL_SYMBOL[Ampel(wert)]


@register.simple_tag
def ohne_endwert(stand) -> bool:
    """Whether ``stand``'s target date passed without a value from then (see ZielStand)."""
    return stand.ohne_endwert(timezone.localdate())


@register.simple_tag
def ziele_von(staende: dict, empfehlung) -> list:
    """One recommendation's goals from ``wirkungsziele_fuer``'s dict, for templates:
    ``{% ziele_von staende empfehlung as ziele %}``."""
    return staende.get(getattr(empfehlung, "pk", empfehlung), [])
