"""Diva Desk: get a solo entrepreneur paid."""

__version__ = "0.1.0"
