"""The characters and numbers of a data file's text that YAML itself trips on: raw control
bytes (L6), line and paragraph separators (L7) and numbers too long for Python (M3). Each is
an ordinary problem, told with its file, its line and the character, never Python's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from digiday.store import yamlsafe
from tests.conftest import Invoke, YamlFile

# A theme whose Vietnamese text is `a`, `{char}`, `b`: the character is the 19th of line 3.
THEME = (
    'themes:\n  - year: 2027\n    theme: {{vi: "a{char}b", en: b}}\n'
    "    sources: [omicall-article]\n"
)


def refused(run: Invoke, path: Path, *, lang: str = "en") -> str:
    """The whole of stderr for `path`, the same from `validate` and from `--data`."""
    outcomes = {
        (result.exit_code, result.stdout, result.stderr)
        for result in (
            run("validate", str(path), "--lang", lang),
            run("themes", "--data", str(path), "--lang", lang),
        )
    }
    assert len(outcomes) == 1, outcomes
    ((status, stdout, stderr),) = outcomes
    assert (status, stdout) == (3, "")
    return stderr


# --- L6: raw control bytes, refused by YAML's reader, which gives a position but no line ---

RAW = {
    "ESC": "\x1b",
    "BEL": "\x07",
    "DEL": "\x7f",
    "C1": "\x9b",
    "VT": "\x0b",
    "FF": "\x0c",
    "NUL": "\x00",
}


@pytest.mark.parametrize("name", RAW)
def test_a_raw_control_character_is_told_with_its_line(
    run: Invoke, tmp_path: Path, name: str
) -> None:
    path = tmp_path / "raw.yaml"
    path.write_bytes(THEME.format(char=RAW[name]).encode("utf-8"))
    code = f"U+{ord(RAW[name]):04X}"
    assert refused(run, path) == (
        f"digiday: '{path}', line 3: holds the control character {code} at character 19\n"
    )


def test_a_raw_character_yaml_refuses_that_is_not_a_control_is_told_as_such(
    run: Invoke, tmp_path: Path
) -> None:
    # U+FFFE is no control character, but YAML refuses it all the same.
    path = tmp_path / "fffe.yaml"
    path.write_bytes(THEME.format(char="\ufffe").encode("utf-8"))
    assert refused(run, path) == (
        f"digiday: '{path}', line 3: "
        "holds the character U+FFFE, which YAML does not allow, at character 19\n"
    )


@pytest.mark.parametrize(
    ("content", "line", "where"),
    [
        (b"\x1b", 1, 1),
        (b"themes: []\n# \x1b[31m red\n", 2, 3),
        ("themes: []\n# đường\x07\n".encode(), 2, 8),  # characters, not bytes, are counted
        (b"themes: []\r\n# \x1b\r\n", 2, 3),
        (b"themes: []\r# \x1b\r", 2, 3),  # a lone CR ends a line for YAML, so here too
        (b"\xef\xbb\xbf# \x1b\n", 1, 3),  # a byte order mark is no character of the line
        (b"themes: []\n\x00\n", 2, 1),
        (b"# \x07 then \x1b\n", 1, 3),  # the first of two
    ],
)
def test_a_raw_control_character_is_placed_by_line_and_character(
    run: Invoke, tmp_path: Path, content: bytes, line: int, where: int
) -> None:
    path = tmp_path / "raw.yaml"
    path.write_bytes(content)
    stderr = refused(run, path)
    assert stderr.startswith(f"digiday: '{path}', line {line}: holds the control character ")
    assert stderr.endswith(f" at character {where}\n")


def test_the_loader_itself_places_a_raw_control_character() -> None:
    with pytest.raises(yamlsafe.YamlProblem) as caught:
        yamlsafe.parse("a: 1\nb: ééé \x07\n")
    assert (caught.value.line, caught.value.values) == (2, {"char": "U+0007", "where": 8})


def test_a_raw_control_character_is_told_in_vietnamese(run: Invoke, tmp_path: Path) -> None:
    # Needs "{file}, line {line}" in the catalogue (po-additions/data.po, to be merged).
    path = tmp_path / "raw.yaml"
    path.write_bytes(THEME.format(char="\x1b").encode("utf-8"))
    assert refused(run, path, lang="vi") == (
        f"digiday: '{path}', dòng 3: chứa ký tự điều khiển U+001B ở ký tự thứ 19\n"
    )


# --- L7: line and paragraph separators, which YAML reads as line breaks when raw -----------


@pytest.mark.parametrize("char", ["\u2028", "\u2029"])
def test_a_raw_separator_in_a_text_is_refused_with_its_line(
    run: Invoke, tmp_path: Path, char: str
) -> None:
    path = tmp_path / "separator.yaml"
    path.write_bytes(THEME.format(char=char).encode("utf-8"))
    code = f"U+{ord(char):04X}"
    assert refused(run, path) == (
        f"digiday: '{path}', line 3: holds the control character {code} at character 19\n"
    )


def test_a_raw_separator_cannot_hide_a_line_in_a_comment(run: Invoke, tmp_path: Path) -> None:
    # To YAML the separator ends the comment, so `colour: red` would be read as a key that
    # an editor shows as part of the comment.
    path = tmp_path / "comment.yaml"
    path.write_bytes("themes: []\n# note\u2028colour: red\n".encode())
    assert refused(run, path) == (
        f"digiday: '{path}', line 2: holds the control character U+2028 at character 7\n"
    )


@pytest.mark.parametrize(
    ("written", "code"),
    [("\\u2028", "U+2028"), ("\\u2029", "U+2029"), ("\\L", "U+2028"), ("\\P", "U+2029")],
)
def test_an_escaped_separator_is_refused_with_its_key_path(
    run: Invoke, tmp_path: Path, written: str, code: str
) -> None:
    path = tmp_path / "separator.yaml"
    path.write_text(THEME.format(char=written), encoding="utf-8")
    assert refused(run, path) == (
        f"digiday: '{path}', line 3: themes[0].theme.vi: "
        f"holds the control character {code} at character 2\n"
    )


def test_a_raw_separator_is_refused_in_vietnamese(run: Invoke, tmp_path: Path) -> None:
    # Needs "{file}, line {line}" in the catalogue (po-additions/data.po, to be merged).
    path = tmp_path / "separator.yaml"
    path.write_bytes(THEME.format(char="\u2029").encode("utf-8"))
    assert refused(run, path, lang="vi") == (
        f"digiday: '{path}', dòng 3: chứa ký tự điều khiển U+2029 ở ký tự thứ 19\n"
    )


# --- M3: numbers longer than Python turns into an int -------------------------------------


def year_file(year: str) -> str:
    return (
        f"themes:\n  - year: {year}\n    theme: {{vi: a, en: b}}\n    sources: [omicall-article]\n"
    )


@pytest.mark.parametrize(
    ("year", "digits"),
    [
        ("1" * 5000, 5000),
        ("-" + "9" * 4301, 4301),
        ("1_000" * 1000, 4000),  # underscores are no digits
        ("0x" + "F" * 5000, 5000),  # converts without Python's limit, but cannot be shown
        ("0b" + "1" * 20000, 20000),
        ("1" * 81, 81),
    ],
)
def test_a_number_too_long_is_a_problem_with_its_line(
    run: Invoke, yaml_file: YamlFile, year: str, digits: int
) -> None:
    path = yaml_file(year_file(year))
    assert refused(run, path) == (
        f"digiday: '{path}', line 2: themes[0].year: "
        f"expected a year, found a number of {digits} digits\n"
    )


def test_a_number_as_long_as_a_message_shows_is_still_a_number(
    run: Invoke, yaml_file: YamlFile
) -> None:
    path = yaml_file(year_file("1" * 80))
    assert refused(run, path) == (
        f"digiday: '{path}', line 2: themes[0].year: "
        f"year {'1' * 80} is outside 2022–9999 (the first Day was 2022)\n"
    )


def test_a_number_too_long_where_text_belongs(run: Invoke, yaml_file: YamlFile) -> None:
    path = yaml_file(
        f"themes:\n  - year: 2027\n    theme: {{vi: {'7' * 5000}, en: b}}\n"
        "    sources: [omicall-article]\n"
    )
    assert refused(run, path) == (
        f"digiday: '{path}', line 3: themes[0].theme.vi: "
        "expected non-empty text, found a number of 5000 digits\n"
    )


def test_a_number_too_long_as_a_key(run: Invoke, yaml_file: YamlFile) -> None:
    # 1000 digits: YAML allows no plain key of more than 1024 characters.
    path = yaml_file("1" * 1000 + ": 1\n")
    key = "1" * 79 + "…"  # a key is echoed as any value is: cut
    assert refused(run, path) == (
        f"digiday: '{path}', line 1: {key}: unknown key '{key}' "
        "(known: info, agencies, themes, editions, documents, targets, measurements, sources, "
        "data_as_of)\n"
    )


def test_a_prefix_without_digits_is_text(run: Invoke, yaml_file: YamlFile) -> None:
    # YAML 1.1 reads `0b_` as an integer that has no digits; it is the text it looks like.
    path = yaml_file(year_file("0b_"))
    assert refused(run, path) == (
        f"digiday: '{path}', line 2: themes[0].year: expected a year, found '0b_'\n"
    )


def test_a_number_too_long_never_passes_on_pythons_advice(run: Invoke, yaml_file: YamlFile) -> None:
    stderr = refused(run, yaml_file(year_file("9" * 5000)))
    assert "set_int_max_str_digits" not in stderr and "4300" not in stderr


def test_a_number_too_long_is_told_in_vietnamese(run: Invoke, yaml_file: YamlFile) -> None:
    # Needs "{file}, line {line}" and "a number of {digits} digits" in the catalogue
    # (po-additions/data.po, to be merged).
    path = yaml_file(year_file("1" * 5000))
    assert refused(run, path, lang="vi") == (
        f"digiday: '{path}', dòng 2: themes[0].year: cần một năm, nhưng gặp một số có 5000 chữ số\n"
    )


class _PythonLoader(
    yamlsafe._StrictComposer,
    yamlsafe._PythonParser,
    yamlsafe._StrictConstructor,
    yamlsafe._StrictResolver,
):
    def __init__(self, text: str) -> None:
        yamlsafe._PythonParser.__init__(self, text)
        yamlsafe._StrictComposer.__init__(self)
        yamlsafe._StrictConstructor.__init__(self)
        yamlsafe._StrictResolver.__init__(self)


def test_pyyaml_s_own_reader_places_a_raw_control_character_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Without libyaml the reader counts characters, not bytes, and checks the whole text
    # before the first event.
    monkeypatch.setattr(yamlsafe, "_Loader", _PythonLoader)
    with pytest.raises(yamlsafe.YamlProblem) as caught:
        yamlsafe.parse("a: 1\nb: ééé \x07\n")
    assert (caught.value.line, caught.value.values) == (2, {"char": "U+0007", "where": 8})


def test_the_loader_refuses_a_lone_surrogate_as_yaml_does() -> None:
    # Never from a file (it is decoded strictly first), but the loader promises its one error.
    with pytest.raises(yamlsafe.YamlProblem) as caught:
        yamlsafe.parse("a: 1\nb: \udcfe\n")
    assert (caught.value.line, caught.value.values) == (2, {"char": "U+DCFE", "where": 4})
