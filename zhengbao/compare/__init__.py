"""Year-to-year comparison (issue 6): targets vs outcomes, topic threads, how the work plan changed."""

from .pages import emit_compare

__all__ = ["emit_compare"]
