"""coprod: reflect on co-production practice with the Jam and Justice findings."""

__version__ = "0.1.0"
