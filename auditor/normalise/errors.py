"""The one error every normaliser raises for a value it cannot read."""


class NormaliseError(ValueError):
    """A raw value that could not be normalised; the message says why, briefly."""
