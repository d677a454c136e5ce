"""Commands that mail: mail-settings and send (sending), the outbox (outbox)."""
