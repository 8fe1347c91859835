"""The sweep's room before each deadline (planning/slack.py) answers as a plain list of rooms does,
whatever its shortcuts (the lower bound, the witness, the pending work) know at the time."""

from __future__ import annotations

import random

import pytest

from diklat_cli.planning.slack import INF, Slack


@pytest.mark.parametrize("n", [1, 7, 40, 300, 1000])
def test_room_answers_as_a_plain_list_does(n: int) -> None:
    rng = random.Random(n)
    values = sorted(rng.randint(0, 20_000) for _ in range(n))
    demand = 0
    for k in range(n):
        demand += rng.randint(0, 300)
        values[k] -= demand
    slack = Slack(values)
    plain = list(values)  # value of each deadline: its room plus the line position w
    w = 0
    for _ in range(4000):
        op = rng.random()
        if op < 0.06 and slack.lo < n:
            missed = rng.choice([0, 0, rng.randint(1, 120)])
            k = slack.lo
            slack.pass_deadline(missed)
            plain[k + 1 :] = [x + missed for x in plain[k + 1 :]]
        elif op < 0.5:
            c, minutes = rng.randint(0, n), rng.randint(1, 90)  # c == n: late work
            slack.take(c, minutes)
            plain[c:] = [x + minutes for x in plain[c:]]
            w += minutes
        elif op < 0.6:
            w += rng.randint(0, 60)  # idle time: the line moves on, every room shrinks
        else:
            lo = slack.lo
            least = min((x - w for x in plain[lo:]), default=INF)
            minutes = rng.randint(0, 400)
            assert slack.at_least(w, minutes) == (least >= minutes)
            c = rng.randint(0, n)
            before = [x - w for x in plain[lo:c]]
            enough = rng.randint(1, 400)
            room, at = slack.room_before(c, w, enough)
            if not before or min(before) >= enough:
                assert room >= enough  # "at least enough": the exact figure is not needed
            else:
                assert room == min(before)
                assert at == lo + before.index(room)
            if slack.short_before(c, w, enough):  # it may say nothing, never something false
                assert before and min(before) < enough
