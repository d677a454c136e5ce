"""Quotes (estimates): their states and moves, and what accepting one asks for."""
