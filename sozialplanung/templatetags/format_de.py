"""Template filters for the German formats the county writes: 1.234,56 € and 12.05.2023."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

from sozialplanung.anzeige import person

register = template.Library()


@register.filter
def euro(value) -> str:
    """Money as 1.234,56 € (with a non-breaking space), empty for None."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    return f"{number_format(amount, 2, use_l10n=True, force_grouping=True)}\u00a0€"


register.filter("person", person)
