"""bench/snapshot.py covers every training's handover and suggestions, whatever the plan shows."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import snapshot  # noqa: E402


def test_every_training_gets_its_handover_and_suggestions() -> None:
    # the plan of a day shows no training, yet its sheets and suggestions are snapshotted
    for ws, training in ((None, "pkp"), (ROOT / "examples" / "kontrak", "pkp-2027")):
        got = snapshot._extra(ws, "2026-12-07", "en", '{"tasks": [], "days": []}')
        assert {
            f"handover-{training}.markdown",
            f"handover-{training}.html",
            f"handover-{training}-return.markdown",
            f"suggest-{training}.txt",
        } <= set(got)
        assert got[f"suggest-{training}.txt"][-2:] == ["--suggest", training]
