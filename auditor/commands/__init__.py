"""CLI commands, one module per command group; each module has ``register(app)``."""
