"""The first hour: the guided start after the first-run dialog, and Help's own pages."""
