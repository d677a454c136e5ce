"""The Quotes tab: write quotes, send them, and turn an accepted one into an invoice."""
