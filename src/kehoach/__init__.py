"""kehoach: turn Vietnamese administrative plans into structured data.

Library entry points (the CLI uses exactly these)::

    from kehoach import extract_file, extract_bytes
    plan = extract_file("samples/plan.md")      # -> dict in the plan-model order
"""

from __future__ import annotations

__version__ = "0.1.0"
SCHEMA_VERSION = "1"

__all__ = ["__version__", "SCHEMA_VERSION", "extract_file", "extract_bytes"]


def extract_file(path, **options):
    """Read a plan document from ``path`` (or ``"-"`` for stdin) and return the plan dict."""
    from .pipeline import extract_file as _extract_file

    return _extract_file(path, **options)


def extract_bytes(data: bytes, name: str = "-", **options):
    """Extract a plan from raw bytes; ``name`` is used for format sniffing and messages."""
    from .pipeline import extract_bytes as _extract_bytes

    return _extract_bytes(data, name, **options)
