"""Bank statements in: read (OFX/QFX, Canadian banks' CSV, CAMT.053), match credits to
open invoices, record them as payments. Qt-free; below the window and the command line."""
