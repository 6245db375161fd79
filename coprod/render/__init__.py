"""Renderers, one per output format: terminal (rich), markdown, HTML, JSON."""
