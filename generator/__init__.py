"""Tooling behind the template: rendering examples, converting data, demos."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def say(message):
    """Prints one progress line of the template's tooling to stderr."""
    print(f">>> {message}", file=sys.stderr, flush=True)
