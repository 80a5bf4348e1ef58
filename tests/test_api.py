"""The Python API gives what `--json` gives, for the same arguments, and nothing heavy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import digiday
from tests.conftest import Invoke


@pytest.fixture
def real_now(now: Callable[[dt.datetime], None]) -> None:
    # The API reads the clock; the command line, in the tests, the fixed instant: the same.
    now(dt.datetime.now(dt.timezone.utc))


@pytest.mark.usefixtures("real_now")
@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    ("call", "args"),
    [
        (lambda lang: digiday.themes(lang=lang), ["themes"]),
        (lambda lang: digiday.themes(2024, lang=lang), ["themes", "2024"]),
        (lambda lang: digiday.editions(lang=lang), ["editions"]),
        (lambda lang: digiday.editions(2025, lang=lang), ["editions", "2025"]),
        (lambda lang: digiday.agencies(lang=lang), ["agencies"]),
        (lambda lang: digiday.agencies("media", lang=lang), ["agencies", "--role", "media"]),
        (lambda lang: digiday.info(lang=lang), ["info"]),
        (lambda lang: digiday.info("purposes", lang=lang), ["info", "purposes"]),
        (
            lambda lang: digiday.search("chuyen doi so", lang=lang),
            ["search", "chuyen", "doi", "so"],
        ),
        (lambda lang: digiday.sources(lang=lang), ["sources"]),
        (
            lambda lang: digiday.sources("omicall-article", lang=lang),
            ["sources", "omicall-article"],
        ),
        (
            lambda lang: digiday.countdown(dt.date(2026, 11, 28), lang=lang),
            ["countdown", "--date", "2026-11-28"],
        ),
        (
            lambda lang: digiday.countdown(dt.date(2027, 3, 1), tz="Asia/Tokyo", lang=lang),
            ["countdown", "--date", "2027-03-01", "--tz", "Asia/Tokyo"],
        ),
    ],
)
def test_the_api_answers_as_json_does(
    run: Invoke, call: Callable[[str], Any], args: list[str], lang: str
) -> None:
    expected = run(*args, "--json", "--lang", lang).json()[args[0]]
    assert call(lang) == expected


def test_a_datetime_is_taken_as_its_date() -> None:
    moment = dt.datetime(2026, 10, 10, 12)
    assert digiday.countdown(today=moment)["is_today"] is True
    assert digiday.next_day(moment) == dt.date(2026, 10, 10)


def test_the_dates() -> None:
    assert digiday.is_day(dt.date(2030, 10, 10)) and not digiday.is_day(dt.date(2021, 10, 10))
    assert digiday.next_day(dt.date(2026, 10, 11)) == dt.date(2027, 10, 10)
    assert digiday.next_day(dt.date(2026, 10, 10)) == dt.date(2026, 10, 10)
    assert digiday.data_as_of() == "2026-12-07"  # data/meta.yaml's


def test_bad_arguments_are_value_errors() -> None:
    for call in (
        lambda: digiday.themes(2021),
        lambda: digiday.countdown(lang="fr"),
        lambda: digiday.countdown(tz="Nowhere/Land"),
        lambda: digiday.agencies("boss"),
        lambda: digiday.info("nothing"),
        lambda: digiday.sources("no-such-source"),
        lambda: digiday.search(""),
        # Wrong types are bad arguments too, never an AttributeError or a TypeError.
        lambda: digiday.countdown(today="2026-01-01"),  # type: ignore[arg-type]
        lambda: digiday.countdown(today=dt.date(9999, 12, 31)),
        lambda: digiday.next_day(dt.date(9999, 12, 31)),
        lambda: digiday.is_day("2026-10-10"),  # type: ignore[arg-type]
        lambda: digiday.countdown(lang=None),  # type: ignore[arg-type]
        lambda: digiday.countdown(tz=None),  # type: ignore[arg-type]
        lambda: digiday.agencies(role=1),  # type: ignore[arg-type]
        lambda: digiday.info(section=3),  # type: ignore[arg-type]
        lambda: digiday.search(None),  # type: ignore[arg-type]
        lambda: digiday.sources(["an-id"]),  # type: ignore[arg-type]
        lambda: digiday.data_as_of(data=None),  # type: ignore[arg-type]
        lambda: digiday.themes(data=b"/x"),  # type: ignore[arg-type]
        lambda: digiday.themes(True),
    ):
        with pytest.raises(ValueError):  # noqa: PT011 - the message is the command line's
            call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: digiday.themes(2021),
        lambda: digiday.editions(1999),
        lambda: digiday.targets(1999),
        lambda: digiday.agencies("boss"),
        lambda: digiday.info("nothing"),
        lambda: digiday.sources(lang="fr"),
        lambda: digiday.countdown(tz="Nowhere/Land"),
    ],
)
def test_every_argument_is_checked_before_the_data_is_looked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: Callable[[], object]
) -> None:
    (tmp_path / "digiday").write_text("a file where the data folder should be\n")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with pytest.raises(digiday.DataError):  # the data is broken: this test can fail
        digiday.themes()
    with pytest.raises(ValueError):  # noqa: PT011 - the message is the command line's
        call()


def test_a_bad_data_file_is_a_data_error_with_its_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("themes:\n  - year: twenty\n", encoding="utf-8")
    with pytest.raises(digiday.DataError) as raised:
        digiday.themes(data=[str(bad)])
    assert [problem.line for problem in raised.value.problems] == [2, 2, 2]
    good = tmp_path / "good.yaml"
    good.write_text(
        'data_as_of: "2027-01-02"\nthemes:\n  - year: 2027\n    theme: {vi: a, en: b}\n'
        "    sources: [omicall-article]\n",
        encoding="utf-8",
    )
    assert digiday.themes(2027, data=[str(good)])[0]["theme"] == "b"
    assert digiday.data_as_of([str(good)]) == "2027-01-02"
