"""The domain core: models, loading, scoring. No terminal I/O, no typer or rich."""
