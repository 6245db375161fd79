"""``python -m coprod``."""

from coprod.cli import main

main()
