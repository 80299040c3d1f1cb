"""Steuerungsgruppe Sozialplanung: Zielvorschläge now, scoring meetings later."""
