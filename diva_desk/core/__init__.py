"""The pure domain: no Qt, no Peewee, no disk."""
