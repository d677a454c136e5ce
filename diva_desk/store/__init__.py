"""The book: one SQLite file through Peewee."""
