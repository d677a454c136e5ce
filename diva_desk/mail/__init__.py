"""Sending invoices, statements and reminders by email through an offline outbox.

The window and the command line call ``sending`` (compose and queue), ``outbox``
(list, count, retry, edit, cancel), ``sender`` (deliver, test message), ``settings``
and ``credentials``; docs/mail.md tells the whole story. Submodules are imported by
name, so that importing the package loads neither keyring, smtplib nor ReportLab.
"""
