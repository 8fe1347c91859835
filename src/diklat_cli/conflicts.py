"""What clashes: busy periods, meetings vs online sessions, overload, deadlines while away. (stub)"""

from __future__ import annotations
