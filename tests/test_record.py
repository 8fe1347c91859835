"""Records behave as the frozen dataclasses they replace, for every caller that relies on it."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import field

import pytest

from diklat_cli.record import Record
from diklat_cli.workspace.models import Task


class Point(Record):
    """A positional record with a default and a factory."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    note: str = field(default="", compare=False, repr=False)


class Named(Record, kw_only=True):
    """A keyword-only record that checks itself."""

    name: str
    size: int = 1

    def __post_init__(self) -> None:
        if self.size < 0:
            raise ValueError("size below zero")


def test_init_takes_positions_keywords_defaults_and_factories() -> None:
    p = Point(1, tags=("a",))
    assert (p.x, p.y, p.tags, p.note) == (1, 0, ("a",), "")
    assert Point(1, 2) == Point(x=1, y=2)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Point(), "Point() missing required argument: 'x'"),
        (lambda: Point(1, 2, (), "", 5), "Point() takes 4 positional arguments but 5 were given"),
        (lambda: Point(1, x=2), "Point() got multiple values for argument 'x'"),
        (lambda: Point(1, z=2), "Point() got an unexpected keyword argument 'z'"),
        (lambda: Named("a"), "Named() takes 0 positional arguments but 1 were given"),
    ],
)
def test_init_refuses_what_a_dataclass_refuses(make: object, message: str) -> None:
    with pytest.raises(TypeError) as err:
        make()  # type: ignore[operator]
    assert str(err.value) == message


def test_post_init_runs_on_construction_and_replace() -> None:
    with pytest.raises(ValueError, match="size below zero"):
        Named(name="a", size=-1)
    n = Named(name="a")
    with pytest.raises(ValueError, match="size below zero"):
        dataclasses.replace(n, size=-1)
    assert dataclasses.replace(n, size=3) == Named(name="a", size=3)


def test_frozen() -> None:
    p = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del p.x  # type: ignore[misc]
    assert p.x == 1


def test_eq_hash_and_repr_follow_the_field_options() -> None:
    assert Point(1, note="a") == Point(1, note="b")
    assert hash(Point(1, note="a")) == hash(Point(1, note="b"))
    assert Point(1) != Point(2)
    assert Point(1) != Named(name="x")
    assert len({Point(1), Point(1), Point(2)}) == 2
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=())"


def test_still_a_dataclass_to_the_standard_library() -> None:
    assert dataclasses.is_dataclass(Point)
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "tags", "note"]
    assert dataclasses.asdict(Point(1, 2)) == {"x": 1, "y": 2, "tags": (), "note": ""}


def test_models_survive_the_workspace_cache() -> None:
    task = Task(id="lap-tw4", title="Laporan TW IV", estimate=240, tags=("spj",))
    again = pickle.loads(pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == task
    assert again.tags == ("spj",)
