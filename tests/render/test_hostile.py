"""Hostile text: nothing unsafe reaches a terminal, a calendar file or a message, and no record
is ever dropped silently (broken outputs, as real processes: tests/process/test_hostile.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digiday.answers.today import local_zone
from digiday.errors import UNSAFE
from digiday.store import loader as data
from digiday.store.loader import Data
from tests.conftest import Invoke
from tests.environment import invoke

# What must never be printed: every C0/C1 control but newline and TAB, DEL, the bidi
# overrides and isolates.
FORBIDDEN = re.compile("[" + "".join(sorted(UNSAFE - {"\n", "\t"})) + "]")


def theme_file(text: str, key: str = "theme") -> str:
    document = {
        "themes": [{"year": 2027, key: {"vi": text, "en": text}, "sources": ["omicall-article"]}]
    }
    return yaml.safe_dump(document, allow_unicode=True)


HOSTILE_TEXTS = {
    "ESC": "red \x1b[31mtext",
    "BEL": "ring \x07 bell",
    "NUL": "nul \x00 byte",
    "RLO": "\u202eevil",
    "isolate": "left \u2066 isolate",
    "C1 CSI": "csi \x9b31m",
    "DEL": "del \x7f",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_a_control_character_in_any_text_is_refused(run: Invoke, tmp_path: Path, name: str) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(theme_file(HOSTILE_TEXTS[name]), encoding="utf-8")
    bad = next(char for char in HOSTILE_TEXTS[name] if char in UNSAFE)
    for args in (("validate", str(path)), ("themes", "--data", str(path))):
        result = run(*args)
        assert result.exit_code == 3, result
        assert result.stdout == ""
        stderr = result.stderr
        assert not FORBIDDEN.search(stderr)
        assert f"themes[0].theme.vi: holds the control character U+{ord(bad):04X}" in stderr


def test_a_hostile_key_and_file_name_are_shown_escaped(
    run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "name\x1b]0;pwned\x07.yaml"
    path.write_text('themes:\n  - "\\e]0;pwned\\a": 1\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("validate", path.name)
    stderr = result.stderr
    assert result.exit_code == 3
    assert not FORBIDDEN.search(stderr)
    assert "\\x1b]0;pwned\\x07" in stderr  # the key, escaped
    assert "name\\x1b]0;pwned\\x07.yaml" in stderr  # the file name, escaped


def test_an_address_with_a_control_character_is_refused(run: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "url.yaml"
    path.write_text(
        'sources:\n  - id: x\n    title: "t"\n    url: "https://e.org/\\e[2J"\n', encoding="utf-8"
    )
    result = run("validate", str(path))
    assert result.exit_code == 3 and "U+001B" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("info", "x" * 100_000),
        ("x" * 100_000,),
        ("countdown", "--tz", "\x1b[31m" + "y" * 500),
        ("sources", "\u202e" + "z" * 300),
        ("countdown", "--date", "\x07" * 200),
    ],
)
def test_an_echoed_argument_is_escaped_and_cut(run: Invoke, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    stderr = result.stderr
    assert stderr.startswith("digiday: ") and stderr.count("\n") == 1
    assert not FORBIDDEN.search(stderr)
    assert len(stderr) < 300, len(stderr)
    assert "…" in stderr


@given(
    text=st.text(alphabet=st.sampled_from(sorted(UNSAFE) + list("ab đ\n\t[]")), min_size=1),
    argument=st.text(alphabet=st.sampled_from(sorted(UNSAFE) + list("ab-/")), min_size=1),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_nothing_printed_holds_a_control_character(
    tmp_path_factory: pytest.TempPathFactory, text: str, argument: str
) -> None:
    path = tmp_path_factory.mktemp("hostile") / "file.yaml"
    path.write_text(theme_file(text) + f"x{argument!r}: 1\n", encoding="utf-8")
    for args in (
        ["validate", str(path)],
        ["themes", "--data", str(path)],
        ["ics", "--data", str(path)],
        ["search", argument],
        ["info", argument],
        ["countdown", "--tz", argument],
        [argument],
    ):
        result = invoke(args)
        assert result.exit_code in (0, 1, 2, 3), (args, result.stderr)
        assert not FORBIDDEN.search(result.stderr), (args, result.stderr)
        assert not FORBIDDEN.search(result.stdout), (args, result.stdout)


# Values of any length or depth: a number of thousands of digits (Python refuses to convert
# more than 4,300), a zone of hundreds of parts (zoneinfo recursed until Python gave up).
HUGE_NUMBERS = st.integers(min_value=1, max_value=20_000).map(lambda n: "9" * n) | st.integers(
    min_value=-(10**30), max_value=10**30
).map(str)
DEEP_ZONES = st.integers(min_value=1, max_value=2_000).map(lambda n: "/".join(["Asia"] * n)) | (
    st.lists(st.sampled_from(["Asia", "..", ".", "", "Tokyo", "x" * 70]), max_size=400).map(
        "/".join
    )
)


@given(
    number=HUGE_NUMBERS,
    zone=DEEP_ZONES,
    lang=st.sampled_from(["en", "vi"]),
    where=st.sampled_from(
        [
            ["quiz", "--seed", "{n}", "--json"],
            ["quiz", "--count", "{n}", "--json"],
            ["themes", "{n}"],
            ["editions", "{n}"],
            ["ics", "--from", "{n}", "--to", "2023"],
            ["ics", "--to", "{n}"],
            ["countdown", "--tz", "{z}"],
            ["is-today", "--tz", "{z}"],
            ["ics", "--tz", "{z}", "--to", "2023"],
        ]
    ),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_no_value_of_any_length_or_depth_is_a_bug(
    number: str, zone: str, lang: str, where: list[str]
) -> None:
    args = [word.replace("{n}", number).replace("{z}", zone) for word in where]
    result = invoke([*args, "--lang", lang])
    assert result.exit_code in (0, 1, 2), (args[:3], result.stderr[:300])
    if result.exit_code == 2:
        assert result.stderr.startswith("digiday: ") and result.stderr.count("\n") == 1
        assert "internal error" not in result.stderr and "Exceeds the limit" not in result.stderr
        assert len(result.stderr) < 400


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_number_of_thousands_of_digits_is_a_usage_error(run: Invoke, lang: str) -> None:
    shown = "'" + "9" * 79 + "…'"  # an echoed value is cut to 80 characters
    low, high = -(2**63), 2**63 - 1
    expected = {
        "en": f"digiday: --seed must be a whole number from {low} to {high}, not {shown}\n",
        "vi": f"digiday: --seed phải là số nguyên từ {low} đến {high}, không phải {shown}\n",
    }
    result = run("quiz", "--seed", "9" * 5000, "--lang", lang)
    assert result.exit_code == 2
    assert result.stderr == expected[lang]
    year = run("themes", "9" * 5000, "--lang", lang)
    assert year.exit_code == 2 and "internal" not in year.stderr


def test_a_zone_of_hundreds_of_parts_is_an_unknown_zone(run: Invoke) -> None:
    for zone in ("/".join(["Asia"] * 300), "Asia/" * 100 + "Tokyo", "../" * 300 + "etc"):
        result = run("countdown", "--tz", zone)
        assert result.exit_code == 2
        assert result.stderr.startswith(
            "digiday: unknown time zone 'Asia/"
        ) or result.stderr.startswith("digiday: unknown time zone '../")
    # TZ with --tz local: no zone of that name, so the machine's offset, named plainly.
    result = run("countdown", "--tz", "local", "--json", env={"TZ": "/".join(["a"] * 400)})
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["countdown"]["timezone"].startswith("UTC")


def test_the_bundled_calendar_has_no_control_character(run: Invoke) -> None:
    content = run("ics", "--from", "2022", "--to", "2030").stdout_bytes.decode()
    assert not FORBIDDEN.search(content.replace("\r\n", "\n"))


# --- Exit 74: the answer could not be written ---------------------------------------------


# --- No silent drops ------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["2026-1-1", "2026-W41-1", "20261010", "2026-02-30", "2026"])
def test_a_date_is_a_real_day_written_yyyy_mm_dd(run: Invoke, tmp_path: Path, date: str) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(
        "documents:\n  - id: d\n    number: N\n"
        f'    date: "{date}"\n    title: {{vi: a, en: b}}\n    sources: [omicall-article]\n',
        encoding="utf-8",
    )
    result = run("validate", str(path))
    assert result.exit_code == 3 and "documents[0].date" in result.stderr


record = st.fixed_dictionaries(
    {
        "year": st.integers(2020, 2040) | st.text(max_size=4),
        "theme": st.fixed_dictionaries({"vi": st.text(max_size=5), "en": st.text(max_size=5)}),
        "sources": st.lists(st.sampled_from(["omicall-article", "nope"]), max_size=2),
    },
    optional={
        "unofficial_translation": st.booleans() | st.integers(0, 1),
        "note": st.text(max_size=3),
    },
)
dated = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["a", "b", "Bad Id"]),
        "number": st.text(max_size=4),
        "date": st.sampled_from(["2026-10-10", "2026-1-1", "2026-W41-1", "2026-13-01", "x"]),
        "title": st.fixed_dictionaries({"vi": st.text(max_size=4), "en": st.text(max_size=4)}),
        "sources": st.just(["omicall-article"]),
    }
)


@given(themes=st.lists(record, max_size=3), documents=st.lists(dated, max_size=3))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_file_is_refused_or_every_record_in_it_is_used(
    tmp_path_factory: pytest.TempPathFactory,
    themes: list[dict[str, object]],
    documents: list[dict[str, object]],
) -> None:
    path = tmp_path_factory.mktemp("drops") / "file.yaml"
    path.write_text(
        yaml.safe_dump({"themes": themes, "documents": documents}, allow_unicode=True),
        encoding="utf-8",
    )
    try:
        merged = Data(str(path)).dataset
    except data.DataError as problem:
        assert problem.problems
        return
    loaded_themes = {theme.year: theme for theme in merged.themes.values()}
    for theme in themes:
        assert loaded_themes[theme["year"]].theme.vi == theme["theme"]["vi"]  # type: ignore[index]
    loaded_documents = {document.id: document for document in merged.documents.values()}
    for document in documents:
        assert loaded_documents[str(document["id"])].date == document["date"]


@pytest.mark.parametrize(
    "args", [("countdown", "--days"), ("countdown", "--watch"), ("countdown", "--json")]
)
def test_a_given_data_file_is_always_checked(run: Invoke, args: tuple[str, ...]) -> None:
    result = run(*args, "--data", "/nonexistent.yaml")  # no terminal, as a script runs it
    assert result.exit_code == 3, result
    assert "/nonexistent.yaml" in result.stderr
    via_env = run(*args, env={"DIGIDAY_DATA": "/nonexistent.yaml"})
    assert via_env.exit_code == 3


# --- --tz local names the real zone ------------------------------------------------------


def test_tz_local_names_the_zone(run: Invoke) -> None:
    result = run("countdown", "--tz", "local", "--json", env={"TZ": "Asia/Tokyo"})
    assert '"timezone": "Asia/Tokyo"' in result.stdout


def test_local_zone_from_the_localtime_link(tmp_path: Path) -> None:
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Europe/Paris")
    assert local_zone({}, str(link))[0] == "Europe/Paris"
    assert local_zone({"TZ": ":America/New_York"}, str(link))[0] == "America/New_York"
    name, _ = local_zone({}, str(tmp_path / "missing"))
    assert re.fullmatch(r"UTC[+-]\d\d:\d\d", name)
    name, _ = local_zone({"TZ": "/etc/localtime-not-a-name"}, str(tmp_path / "missing"))
    assert re.fullmatch(r"UTC[+-]\d\d:\d\d", name)


def test_a_next_line_control_is_refused_before_yaml_folds_it(tmp_path: Path, run: Invoke) -> None:
    # Found by the property test above: YAML turns U+0085 into a space, so it was used.
    path = tmp_path / "nel.yaml"
    path.write_text(theme_file("0\x85"), encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 3
    assert "holds the control character U+0085" in result.stderr


@pytest.mark.parametrize(
    ("content", "line", "where"),
    [
        ("\x85", 1, 1),
        ("\n\x85", 2, 1),
        ("themes: []\n# a\x85b\x85\n", 2, 4),  # the first of two
        ("a: 1\nb: 2\n\n  \x85\n", 4, 3),
    ],
)
def test_a_next_line_control_is_placed_by_line_and_character(
    tmp_path: Path, run: Invoke, content: str, line: int, where: int
) -> None:
    path = tmp_path / "nel.yaml"
    path.write_text(content, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 3
    assert result.stderr == (
        f"digiday: '{path}', line {line}: holds the control character U+0085 at character {where}\n"
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_usage_error_lists_a_few_extra_arguments_at_most(run: Invoke, lang: str) -> None:
    words = [f"w{n}" for n in range(10_000)]
    result = run("themes", "2024", *words, "--lang", lang)
    assert result.exit_code == 2
    expected = {
        "en": "digiday: unexpected extra argument(s): 'w0', 'w1', 'w2' and 9,997 more "
        "(see 'digiday themes --help')\n",
        "vi": "digiday: thừa đối số: 'w0', 'w1', 'w2' và 9997 đối số khác "
        "(xem 'digiday themes --help')\n",
    }
    assert result.stderr == expected[lang]


def test_line_and_paragraph_separators_are_escaped_in_messages(run: Invoke) -> None:
    for args in (["\u2028"], ["--lang", "\u2029"], ["themes", "2024", "\u2028"]):
        result = run(*args)
        assert result.exit_code == 2
        assert "\u2028" not in result.stderr and "\u2029" not in result.stderr
        assert "\\u2028" in result.stderr or "\\u2029" in result.stderr


def test_tz_local_keeps_a_posix_rule_as_a_rule() -> None:
    # EST5EDT,M3.2.0,M11.1.0 is New York's rule: daylight saving from the second Sunday of
    # March to the first of November. The oracle is the IANA zone, over a year's instants.
    import datetime as dt
    from zoneinfo import ZoneInfo

    name, zone = local_zone({"TZ": "EST5EDT,M3.2.0,M11.1.0"})
    assert name == "EST5EDT,M3.2.0,M11.1.0"
    new_york = ZoneInfo("America/New_York")
    start = dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc)
    for hours in range(0, 365 * 24, 7):
        moment = start + dt.timedelta(hours=hours)
        assert moment.astimezone(zone).utcoffset() == moment.astimezone(new_york).utcoffset()


def test_tz_local_reads_a_copied_localtime_file(tmp_path: Path) -> None:
    import datetime as dt
    import shutil
    from zoneinfo import ZoneInfo

    source = Path("/usr/share/zoneinfo/Europe/Paris")
    if not source.exists():
        pytest.skip("no zone database on this machine")
    copy = tmp_path / "localtime"
    shutil.copyfile(source, copy)  # a copy, not a link: nothing names the zone
    name, zone = local_zone({}, str(copy))
    assert name == str(copy)
    paris = ZoneInfo("Europe/Paris")
    for month in range(1, 13):
        moment = dt.datetime(2027, month, 15, 12, tzinfo=dt.timezone.utc)
        assert moment.astimezone(zone).utcoffset() == moment.astimezone(paris).utcoffset()


def test_the_watch_counts_to_the_rule_s_midnight() -> None:
    # Daylight saving ends in New York on 2027-11-07. A fixed offset (what --tz local fell
    # back to) would put both midnights at the same UTC hour; the rule puts the first at
    # 04:00 UTC (EDT, -4h) and the second at 05:00 UTC (EST, -5h).
    import datetime as dt

    from digiday.core import schedule

    _, zone = local_zone({"TZ": "EST5EDT,M3.2.0,M11.1.0"})
    now = dt.datetime(2027, 11, 7, 3, 0, tzinfo=dt.timezone.utc)  # 23:00 on the 6th, EDT
    assert schedule.time_left_today(now, zone) == dt.timedelta(hours=1)
    later = dt.datetime(2027, 11, 8, 4, 0, tzinfo=dt.timezone.utc)  # 23:00 on the 7th, EST
    assert schedule.time_left_today(later, zone) == dt.timedelta(hours=1)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_long_path_is_named_whole_with_its_line(run: Invoke, tmp_path: Path, lang: str) -> None:
    folder = tmp_path / ("nam-2027-" + "x" * 121)
    folder.mkdir()
    path = folder / "chu-de-2027.yaml"
    path.write_text("themes:\n  - year: twenty\n", encoding="utf-8")
    line = {"en": "line", "vi": "dòng"}[lang]
    for args in (["validate", str(path)], ["themes", "--data", str(path)]):
        result = run(*args, "--lang", lang)
        assert result.exit_code == 3
        first = result.stderr.splitlines()[0]
        assert first.startswith(f"digiday: '{path}', {line} 2: themes[0].year: ")


def test_a_path_with_spaces_and_a_colon_is_quoted_and_an_empty_one_named(
    run: Invoke, tmp_path: Path
) -> None:
    odd = tmp_path / "my data: file.yaml"
    result = run("themes", "--data", str(odd))
    assert result.stderr == f"digiday: '{odd}': does not exist\n"
    empty = run("themes", "--data", "")
    assert (empty.exit_code, empty.stderr) == (3, "digiday: '': does not exist\n")
