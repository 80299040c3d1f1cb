"""Handlungsfelder, Fokusgruppen and (later) the Sozialmonitoring behind them."""
