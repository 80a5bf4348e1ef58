"""Hostile text and broken outputs: nothing unsafe reaches a terminal, a calendar file or a
message; an answer that cannot be written is exit 74; no record is ever dropped silently."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digiday import data
from digiday.errors import UNSAFE
from digiday.today import local_zone
from tests.conftest import Invoke
from tests.environment import invoke
from tests.test_process import CLEAN_ENV, SCRIPT, digiday

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
def test_a_control_character_in_any_text_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(theme_file(HOSTILE_TEXTS[name]), encoding="utf-8")
    bad = next(char for char in HOSTILE_TEXTS[name] if char in UNSAFE)
    for args in (("validate", str(path)), ("themes", "--data", str(path))):
        result = digiday(*args)
        assert result.returncode == 3, result
        assert result.stdout == b""
        stderr = result.stderr.decode()
        assert not FORBIDDEN.search(stderr)
        assert f"themes[0].theme.vi: holds the control character U+{ord(bad):04X}" in stderr


def test_a_hostile_key_and_file_name_are_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "name\x1b]0;pwned\x07.yaml"
    path.write_text('themes:\n  - "\\e]0;pwned\\a": 1\n', encoding="utf-8")
    result = digiday("validate", path.name, cwd=str(tmp_path))
    stderr = result.stderr.decode()
    assert result.returncode == 3
    assert not FORBIDDEN.search(stderr)
    assert "\\x1b]0;pwned\\x07" in stderr  # the key, escaped
    assert "name\\x1b]0;pwned\\x07.yaml" in stderr  # the file name, escaped


def test_an_address_with_a_control_character_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "url.yaml"
    path.write_text(
        'sources:\n  - id: x\n    title: "t"\n    url: "https://e.org/\\e[2J"\n', encoding="utf-8"
    )
    result = digiday("validate", str(path))
    assert result.returncode == 3 and b"U+001B" in result.stderr


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
def test_an_echoed_argument_is_escaped_and_cut(args: tuple[str, ...]) -> None:
    result = digiday(*args)
    assert result.returncode == 2
    stderr = result.stderr.decode()
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


def test_the_bundled_calendar_has_no_control_character(run: Invoke) -> None:
    content = run("ics", "--from", "2022", "--to", "2030").stdout_bytes.decode()
    assert not FORBIDDEN.search(content.replace("\r\n", "\n"))


# --- Exit 74: the answer could not be written ---------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [("countdown",), ("countdown", "--json"), ("countdown", "--days"), ("info",)]
)
def test_a_full_disk_is_exit_74_with_one_line(args: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [SCRIPT or "digiday", *args], stdout=full, stderr=subprocess.PIPE, env=CLEAN_ENV
        )
    assert result.returncode == 74
    assert result.stderr == (
        b"digiday: cannot write the answer to standard output: No space left on device\n"
    )


def test_a_full_disk_is_reported_in_vietnamese(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [SCRIPT or "digiday", "info", "--lang", "vi"],
            stdout=full,
            stderr=subprocess.PIPE,
            env=CLEAN_ENV,
        )
    assert result.stderr.decode().startswith("digiday: không ghi được câu trả lời")


def test_a_closed_stdout_is_exit_74() -> None:
    result = subprocess.run(
        f"'{SCRIPT}' countdown >&-", shell=True, capture_output=True, env=CLEAN_ENV
    )
    assert result.returncode == 74
    assert result.stderr == b"digiday: cannot write the answer to standard output: " + (
        os.strerror(9).encode() + b"\n"
    )
    quiet = subprocess.run(f"'{SCRIPT}' is-today --date 2026-10-10 >&-", shell=True, env=CLEAN_ENV)
    assert quiet.returncode == 0  # nothing to write, so nothing failed


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
        merged = data.load(str(path))
    except data.DataError as problem:
        assert problem.problems
        return
    loaded_themes = {theme.year: theme for theme in merged.themes}
    for theme in themes:
        assert loaded_themes[theme["year"]].theme.vi == theme["theme"]["vi"]  # type: ignore[index]
    loaded_documents = {document.id: document for document in merged.documents}
    for document in documents:
        assert loaded_documents[str(document["id"])].date == document["date"]


@pytest.mark.parametrize(
    "args", [("countdown", "--days"), ("countdown", "--watch"), ("countdown", "--json")]
)
def test_a_given_data_file_is_always_checked(args: tuple[str, ...]) -> None:
    result = digiday(*args, "--data", "/nonexistent.yaml")  # piped, as a script runs it
    assert result.returncode == 3, result
    assert b"/nonexistent.yaml" in result.stderr
    via_env = digiday(*args, env={"DIGIDAY_DATA": "/nonexistent.yaml"})
    assert via_env.returncode == 3


# --- --tz local names the real zone ------------------------------------------------------


def test_tz_local_names_the_zone() -> None:
    result = digiday("countdown", "--tz", "local", "--json", env={"TZ": "Asia/Tokyo"})
    assert b'"timezone": "Asia/Tokyo"' in result.stdout


def test_local_zone_from_the_localtime_link(tmp_path: Path) -> None:
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Europe/Paris")
    assert local_zone({}, str(link))[0] == "Europe/Paris"
    assert local_zone({"TZ": ":America/New_York"}, str(link))[0] == "America/New_York"
    name, _ = local_zone({}, str(tmp_path / "missing"))
    assert re.fullmatch(r"UTC[+-]\d\d:\d\d", name)
    name, _ = local_zone({"TZ": "/etc/localtime-not-a-name"}, str(tmp_path / "missing"))
    assert re.fullmatch(r"UTC[+-]\d\d:\d\d", name)


def test_python_is_the_one_running_the_suite() -> None:
    assert sys.executable  # the real-process tests above run the installed script


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
        f"digiday: {path}:{line}: holds the control character U+0085 at character {where}\n"
    )
