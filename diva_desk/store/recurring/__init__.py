"""Recurring invoices (issue 16): the schedules (schedules.py) and the run that makes
each period's invoice once (run.py)."""
