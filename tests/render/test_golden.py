"""Every command's layout, against expected files kept by hand.

The tests' own dataset (tests/fixtures/data/, see tests/fixture_data.py) stands in for the
bundled data, and each run of RUNS is rendered in every format a person reads (text at 80
columns without colour, --plain, --format markdown) and in both languages, with the
calendar as `ics` writes it, at the fixed instant of tests/environment.py. Each answer must
be, byte for byte, tests/golden/fixture/LANG/NAME.FORMAT (NAME.ics for the calendar).

Those files are kept by hand: nothing writes them, and a test that fails shows what the
program printed against what the file expects, as a diff. An edit of the real data changes
none of them. To update one when a layout changes on purpose:

1. run the failing test; its diff shows what the program prints now;
2. read the new lines against the fixture's records and the renderer's rules (the width,
   the wrapping, what an unknown part says, which words are the tool's own), and only when
   they are right, make the same change to the expected file by hand (for a new run, a new
   file: read every line of it);
3. review it as code: the diff of tests/golden/fixture/ is the change a reader sees.

A change to the fixture's records changes the files that show those records: make it as
carefully, and keep each record there for the branch of a layout it exercises (the comment
at the top of each fixture file says which).
"""

from __future__ import annotations

import difflib

import pytest

from tests.environment import TESTS, generator, invoke
from tests.fixture_data import bundled

EXPECTED = TESTS / "golden" / "fixture"
LANGS = ("en", "vi")

# Each run: the file's name and the command's arguments. Every command but `validate`
# (whose answer is about the files it checks, not the data) and `is-today` (which prints
# nothing: its answer is the exit status, checked below).
RUNS = {
    "countdown": ["countdown"],
    "info": ["info"],
    "agencies": ["agencies"],
    "themes": ["themes"],
    "editions": ["editions"],
    "editions-2024": ["editions", "2024"],
    "search": ["search", "tieu", "dung", "so"],
    "sources": ["sources"],
    "sources-one": ["sources", "bao-tong-ket"],
    "targets": ["targets"],
    "quiz": ["quiz", "--seed", "1", "--count", "4"],  # not a terminal: a handout
}
FORMATS = {"txt": [], "plain": ["--plain"], "md": ["--format", "markdown"]}
CALENDAR = ["ics", "--from", "2022", "--to", "2027"]

CASES = [
    (lang, f"{name}.{suffix}", [*args, *options])
    for lang in LANGS
    for name, args in RUNS.items()
    for suffix, options in FORMATS.items()
] + [(lang, "calendar.ics", CALENDAR) for lang in LANGS]


def rendered(args: list[str], lang: str) -> bytes:
    """`digiday ARGS --lang LANG` on the fixture, at 80 columns: its stdout, which must be
    all it writes."""
    with bundled():
        result = invoke([*args, "--lang", lang], {"COLUMNS": "80"})
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout_bytes


@pytest.mark.parametrize(
    ("lang", "name", "args"), CASES, ids=[f"{lang}/{name}" for lang, name, _ in CASES]
)
def test_each_layout_is_its_expected_file(lang: str, name: str, args: list[str]) -> None:
    expected_path = EXPECTED / lang / name
    printed = rendered(args, lang)
    expected = expected_path.read_bytes() if expected_path.exists() else b""
    if printed != expected:
        # Line ends kept (the calendar's are CRLF), so that a changed one shows too.
        diff = difflib.unified_diff(
            expected.decode("utf-8").splitlines(keepends=True),
            printed.decode("utf-8").splitlines(keepends=True),
            f"expected: tests/golden/fixture/{lang}/{name}",
            f"printed: digiday {' '.join(args)} --lang {lang}",
        )
        pytest.fail(
            "the layout differs from its expected file (update it by hand, reviewed: see "
            "this module's docstring):\n" + "".join(repr(line)[1:-1] + "\n" for line in diff),
            pytrace=False,
        )


@pytest.mark.parametrize("lang", LANGS)
def test_the_expected_files_are_those_of_the_runs(lang: str) -> None:
    made = {name for case_lang, name, _ in CASES if case_lang == lang}
    assert {path.name for path in (EXPECTED / lang).iterdir()} == made


def test_the_runs_cover_every_command_but_validate() -> None:
    covered = {args[0] for args in RUNS.values()} | {CALENDAR[0], "is-today"}
    assert set(generator().command_names()) - covered == {"validate"}


@pytest.mark.parametrize("lang", LANGS)
def test_is_today_answers_with_its_status_only(lang: str) -> None:
    with bundled():
        day = invoke(["is-today", "--date", "2026-10-10", "--lang", lang])
        other = invoke(["is-today", "--date", "2026-10-11", "--lang", lang])
    assert (day.exit_code, day.stdout, day.stderr) == (0, "", "")
    assert (other.exit_code, other.stdout, other.stderr) == (1, "", "")


def test_the_fixture_stands_in_for_the_bundled_data_entirely() -> None:
    """No record of the real data reaches these layouts, and none of the fixture's is left
    once the block ends: what the files show is the fixture's alone."""
    from digiday.store import loader as data

    with bundled():
        inside = data.Data()
        inside.dataset  # noqa: B018 - read inside the block
    assert [theme.year for theme in inside.dataset.themes.values()] == [
        2022,
        2023,
        2024,
        2025,
        2027,
    ]
    assert inside.data_as_of == "2026-11-01"
    assert {source.id for source in inside.dataset.sources.values()} == {
        "cong-quyet-dinh",
        "bao-tong-ket",
        "ban-luu-2025",
        "trang-dai",
    }
    after = data.Data().dataset
    assert "bao-tong-ket" not in {source.id for source in after.sources.values()}


def test_no_help_depends_on_the_data() -> None:
    """tests/golden/help/ is written from the real data, and is the same on the fixture's:
    an edit of the data changes no --help."""
    with bundled():
        made = generator().golden_help()
    assert [path.name for path, text in made.items() if path.read_text("utf-8") != text] == []
