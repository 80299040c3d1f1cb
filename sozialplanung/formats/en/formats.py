"""English pages keep the county's formats (12.05.2023, 1.234,56 €) but drop the "Uhr"."""

from sozialplanung.formats.de.formats import *  # noqa: F403

DATETIME_FORMAT = "d.m.Y, H:i"
