"""Sending from the window: the compose dialog, the Outbox view, the background sender."""
