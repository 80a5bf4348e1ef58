"""The fast path (digiday.cli.fast) against the full command line: the same stdout, stderr and
exit status, byte for byte, for every command line it takes; and it takes the forms it is
for, without importing Typer or click."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from digiday.cli import fast
from tests.environment import invoke

DATES = st.sampled_from(
    ["2026-10-10", "2026-10-09", "10/10/2027", "9/10/2027", "2021-01-01", "2026-02-30",
     "9999-10-11", "tomorrow", "", "2026-13-01", "31/12/2030"]
)  # fmt: skip
ZONES = st.sampled_from(
    ["Asia/Ho_Chi_Minh", "Asia/Tokyo", "America/Los_Angeles", "local", "Nope/Zone", "", "UTC"]
)
LANGS = st.sampled_from(["vi", "en", "VI", "fr", ""])


def option(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """`--name VALUE` or `--name=VALUE`, as click takes both."""
    return values.flatmap(lambda v: st.sampled_from([[name, v], [f"{name}={v}"]]))


FORMAT = st.sampled_from([["--format", "line"], ["--format=line"], ["-f", "line"], ["-fline"],
                          ["--format", "LINE"], ["--format", "json"], ["--days"]])  # fmt: skip
NOISE = st.sampled_from([["--dats"], ["--json"], ["--help"], ["-h"], ["--watch"], ["x"], ["--"]])


@st.composite
def lines(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(["is-today", "countdown", "themes"]))
    parts = draw(
        st.lists(
            st.one_of(option("--date", DATES), option("--tz", ZONES), option("--lang", LANGS),
                      FORMAT, NOISE),
            max_size=4,
        )
    )  # fmt: skip
    rest = [word for part in parts for word in part]
    root = draw(st.sampled_from([[], ["--lang", "vi"], ["--lang=en"]]))
    return [*root, command, *rest]


@st.composite
def likely_lines(draw: st.DrawFn) -> list[str]:
    """Lines the fast path should take, mostly: valid values, in any order and form."""
    command = draw(st.sampled_from(["is-today", "countdown"]))
    parts = draw(
        st.permutations(
            [
                *draw(st.lists(st.sampled_from(["date", "tz", "lang"]), unique=True)),
                *(["format"] if command == "countdown" else []),
            ]
        )
    )
    chosen = {
        "date": option("--date", st.sampled_from(["2026-10-10", "9/10/2027", "2030-01-01"])),
        "tz": option("--tz", st.sampled_from(["Asia/Tokyo", "local", "Asia/Ho_Chi_Minh"])),
        "lang": option("--lang", st.sampled_from(["vi", "en"])),
        "format": st.sampled_from([["--days"], ["-fline"], ["--format=line"], ["-f", "line"]]),
    }
    return [command, *(word for part in parts for word in draw(chosen[part]))]


ENVIRONMENTS = st.fixed_dictionaries(
    {},
    optional={
        "DIGIDAY_LANG": st.sampled_from(["vi", "en", "fr", ""]),
        "LANG": st.sampled_from(["vi_VN.UTF-8", "C.UTF-8", "en_US.UTF-8"]),
        "LANGUAGE": st.sampled_from(["vi:en", "en", "fr"]),
        "TZ": st.sampled_from(["Asia/Tokyo", "EST5EDT,M3.2.0,M11.1.0", "UTC"]),
        "DIGIDAY_DATA": st.sampled_from(["/nonexistent.yaml", ""]),
    },
)
MOMENTS = st.sampled_from(
    [dt.datetime(2026, 10, 9, 16, 59), dt.datetime(2026, 10, 9, 17, 0),
     dt.datetime(2026, 11, 28, 12, 0), dt.datetime(2027, 10, 10, 3, 0),
     dt.datetime(2021, 5, 1, 0, 0)]
).map(lambda moment: moment.replace(tzinfo=dt.timezone.utc))  # fmt: skip


@pytest.mark.locale
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argv=st.one_of(lines(), likely_lines()), extra=ENVIRONMENTS, moment=MOMENTS)
def test_the_fast_path_answers_as_the_full_command_line_or_declines(
    argv: list[str], extra: dict[str, str], moment: dt.datetime
) -> None:
    environ = {**os.environ, **extra}
    buffer = io.BytesIO()
    stdout = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    status = fast.answer(argv, environ, stdout=stdout, now=lambda: moment)
    stdout.flush()
    event("declined" if status is None else "taken")
    if status is None:
        assert buffer.getvalue() == b"", "it declined after writing"
        return
    full = invoke(argv, extra, moment)
    assert (status, buffer.getvalue().decode(), "") == (full.exit_code, full.stdout, full.stderr)


@pytest.mark.parametrize(
    "argv",
    [
        ["is-today"],
        ["is-today", "--date", "2026-10-10"],
        ["is-today", "--tz=Asia/Tokyo", "--lang", "vi"],
        ["countdown", "--days"],
        ["countdown", "--days", "--tz", "local", "--date=10/10/2030"],
        ["countdown", "--format", "line"],
        ["countdown", "-fline", "--lang=vi"],
        ["--lang", "vi", "countdown", "-f", "line", "--tz", "America/Los_Angeles"],
    ],
)
def test_the_forms_it_is_for_are_taken(argv: list[str]) -> None:
    buffer = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert fast.answer(argv, dict(os.environ), stdout=buffer) is not None


def test_a_data_file_in_use_is_left_to_the_full_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "share" / "digiday"
    folder.mkdir(parents=True)
    (folder / "2027.yaml").write_text("themes: []\n", encoding="utf-8")
    environ = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    assert fast.answer(["is-today"], environ) is None
    assert fast.answer(["countdown", "--days"], {**os.environ, "DIGIDAY_DATA": "x.yaml"}) is None
