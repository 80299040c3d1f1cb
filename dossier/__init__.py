"""Planungsdossier „Sozialplanung Fokus <Jahr>“ as web report and PDF."""
