"""The sweep's deadline index and the urgency sum give what the plain ways give."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest

from diklat_cli.planning.prioritise import rank
from diklat_cli.planning.slack import INF, _SuffixMin


@pytest.mark.parametrize("n", [1, 7, 300, 2000])
def test_the_deadline_index_answers_as_a_plain_list_does(n: int) -> None:
    # the sweep's use: queries start at `lo`, which only moves on; minutes are taken from a
    # range (everything up, then back off below an index) or step by step
    rng = random.Random(n)
    plain = [rng.randint(-500, 5000) for _ in range(n)]
    tree = _SuffixMin(plain)
    base = 0
    lo = 0
    for _ in range(3000):
        op = rng.random()
        if op < 0.05 and lo < n:
            lo = min(n, lo + rng.randint(0, 3))
        elif op < 0.65:
            k, v = rng.randint(lo, n), rng.randint(0, 60)
            base += v  # everything up by v, then v back from lo .. k-1
            tree.take_range(lo, k, v)
            plain[k:] = [x + v for x in plain[k:]]
        elif op < 0.8 and lo < n:
            a = rng.randint(lo, n - 1)
            steps = [rng.randint(0, 40) for _ in range(rng.randint(1, min(200, n - a)))]
            tree.take_each(a, steps)
            for i, v in enumerate(steps):
                plain[a + i] -= v
        else:
            least, at = tree.suffix(lo)
            if lo >= n:
                assert (least, at) == (INF, n)
            else:
                want = min(plain[lo:])
                assert least + base == want
                assert at == plain.index(want, lo)
            hi = rng.randint(lo, n)
            got = tree.min(lo, hi)
            assert (got + base if got < INF else INF) == min(plain[lo:hi], default=INF)
            if lo < hi:
                got, at = tree.min_at(lo, hi)
                assert got + base == min(plain[lo:hi])
                assert at == plain.index(got + base, lo, hi)


def test_urgency_is_the_sum_of_its_terms_and_a_plain_zero_without_any() -> None:
    now = datetime(2027, 1, 4, tzinfo=timezone(timedelta(hours=7)))
    due = now + timedelta(days=3)
    common = {"now": now, "available": None, "working_days_to_due": 3, "urgent_within_days": 2}
    r = rank(due=due, important=True, forced=False, **common)  # type: ignore[arg-type]
    assert r.urgency == round(sum(t.score for t in r.terms), 4)
    r = rank(due=None, important=False, forced=None, **common)  # type: ignore[arg-type]
    assert r.terms == () and repr(r.urgency) == "0"  # as JSON has written it: 0, not 0.0
