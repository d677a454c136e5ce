"""Recurring invoices in the window: setting one up (from an invoice or anew), the list
of schedules, and the run at start-up with its notice (docs/recurring.md)."""
