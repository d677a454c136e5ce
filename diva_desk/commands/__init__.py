"""The commands of the command line, one module per area; each has ``register``."""
