"""`diklat done`: registered on the app when this module is imported. (stub, being written)"""

from __future__ import annotations

from .app import app  # noqa: F401
