"""Quotes in the book: writing, sending, answering and accepting them into invoices."""
