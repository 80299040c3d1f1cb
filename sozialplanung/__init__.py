"""Sozialplanung: the project package and the app of the annual planning cycle."""
