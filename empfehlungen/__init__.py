"""Handlungsempfehlungen: proposals, their sections, Maßnahmen and status."""
