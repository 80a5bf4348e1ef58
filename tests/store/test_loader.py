"""User data files: the overlay, `validate`, every way a file can be bad, and fuzzing."""

from __future__ import annotations

import os
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digiday.store import loader as data
from digiday.store import yamlsafe
from digiday.store.loader import Data
from tests.conftest import Invoke, YamlFile
from tests.environment import TESTS

GOOD = """\
themes:
  - year: 2027
    theme:
      vi: "Chủ đề của năm 2027"
      en: "The theme of 2027"
    sources: [plan-2027]
sources:
  - id: plan-2027
    title: "Kế hoạch tổ chức Ngày Chuyển đổi số quốc gia năm 2027"
    url: "https://example.gov.vn/ke-hoach-2027"
"""


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    def write_file(content: str | bytes, name: str = "user.yaml") -> str:
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return str(path)

    return write_file


def test_the_contracts_example_adds_a_theme_everywhere(run: Invoke, write) -> None:  # type: ignore[no-untyped-def]
    path = write(GOOD)
    result = run("validate", path)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"'{path}': valid; adds 1 theme and 1 source\n"
    themes = run("themes", "--json", "--data", path).json()["themes"]
    assert themes[-1] == {
        "year": 2027,
        "edition": 6,
        "theme": "The theme of 2027",
        "unofficial_translation": False,
        "note": None,
        "sources": ["plan-2027"],
    }
    countdown = run("countdown", "--json", "--date", "2027-01-01", env={"DIGIDAY_DATA": path})
    assert countdown.json()["countdown"]["theme"] == "The theme of 2027"
    assert run("search", "theme", "of", "2027", "--plain", "--data", path).stdout.startswith(
        "themes/2027\t"
    )
    assert "plan-2027" in run("sources", "--plain", "--data", path).stdout


def test_a_matching_record_is_replaced_whole(run: Invoke, write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "agencies:\n  - id: vtv\n    name: {vi: Đài mới, en: New broadcaster}\n    role: media\n"
        "    tasks: [{vi: Việc, en: Work}]\n    sources: [omicall-article]\n"
    )
    assert run("validate", path).stdout.endswith("valid; replaces 1 agency\n")
    agencies = run("agencies", "--role", "media", "--json", "--data", path).json()["agencies"]
    assert [a["id"] for a in agencies] == ["vtv", "vov", "vna"]  # same place
    assert agencies[0]["name"] == "New broadcaster"
    assert agencies[0]["abbreviation"] is None  # replaced whole, not merged


BAD_FILES = {
    "not a mapping": ("- a\n- b\n", "top level must be a mapping"),
    "syntax": ("themes: [\n", "not usable YAML"),
    "anchor": ("themes: &a []\n", "anchor '&a'"),
    "alias": ("x: 1\nthemes: *x\n", "alias"),
    "python tag": ("themes: !!python/object/apply:os.system [ls]\n", "tag"),
    "local tag": ("themes: !mine []\n", "tag '!mine'"),
    "duplicate key": ("themes: []\nthemes: []\n", "duplicate key 'themes'"),
    "merge key": ("themes:\n  - <<: {year: 2027}\n", "merge keys"),
    "unknown top key": ("colour: red\n", "unknown key 'colour'"),
    "unknown nested key": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b, fr: c}\n"
        "    sources: [omicall-article]\n",
        "themes[0].theme.fr: unknown key 'fr'",
    ),
    "missing language": (
        "themes:\n  - year: 2027\n    theme: {vi: a}\n    sources: [omicall-article]\n",
        "missing language 'en'",
    ),
    "wrong type": (
        "themes:\n  - year: '2027'\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n",
        "themes[0].year: expected a year",
    ),
    "year before 2022": (
        "themes:\n  - year: 2021\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n",
        "year 2021",
    ),
    "unknown source": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b}\n    sources: [nowhere]\n",
        "unknown source id 'nowhere'",
    ),
    "unknown successor": (
        "agencies:\n  - id: x\n    name: {vi: a, en: b}\n    role: press\n"
        "    tasks: [{vi: a, en: b}]\n"
        "    successor: ghost\n    sources: [omicall-article]\n",
        "unknown agency id 'ghost'",
    ),
    "bad url": ("sources:\n  - id: s\n    title: t\n    url: file:///etc/passwd\n", "http"),
    "deep nesting": ("themes: " + "[" * 100 + "]" * 100 + "\n", "nesting deeper"),
    "empty": ("", "top level must be a mapping"),
    "bool as text": (
        "themes:\n  - year: 2027\n    theme: {vi: no, en: b}\n    sources: [omicall-article]\n",
        "expected non-empty text, found false",
    ),
    "huge integer": (
        "themes:\n  - year: " + "9" * 5000 + "\n",
        "themes[0].year: expected a year, found a number of 5000 digits",
    ),
    "nul byte": ("themes: []\n\x00\n", "line 2: holds the control character U+0000"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_files_are_refused_with_exit_3(run: Invoke, write, name: str) -> None:  # type: ignore[no-untyped-def]
    content, message = BAD_FILES[name]
    path = write(content)
    for args in (("validate", path), ("themes", "--data", path), ("countdown", "--data", path)):
        result = run(*args)
        assert result.exit_code == 3, (args, result)
        assert result.stdout == ""
        assert f"digiday: '{path}'" in result.stderr
        assert message in result.stderr
        assert "Traceback" not in result.stderr


def test_problems_name_the_line(write) -> None:  # type: ignore[no-untyped-def]
    path = write("themes:\n  - year: 2027\n    theme: {vi: a}\n    sources: [omicall-article]\n")
    with pytest.raises(data.DataError) as caught:
        data.validate(path)
    assert str(caught.value) == f"'{path}', line 3: themes[0].theme: missing language 'en'"


def test_validate_reports_every_problem_at_once(run: Invoke, write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "themes:\n  - year: 2019\n    theme: {vi: a}\n    sources: [nope]\n    colour: red\n"
        "bogus: 1\n"
    )
    lines = run("validate", path).stderr.splitlines()
    assert len(lines) == 5
    assert [line.split(", line ")[1].split(":")[0] for line in lines] == ["2", "3", "4", "5", "6"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: str(d), "is a directory"),
        (lambda d: str(d / "absent.yaml"), "does not exist"),
        (lambda d: "/dev/null", "is not a regular file"),
    ],
)
def test_paths_that_are_not_files(run: Invoke, tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = run("validate", path)
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == f"digiday: '{path}': {message}\n"  # the whole line: file and why


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_without_hanging(run: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = run("validate", str(fifo))
    assert result.exit_code == 3
    assert result.stderr == f"digiday: '{fifo}': is not a regular file\n"


def test_not_utf8_and_too_big(run: Invoke, write) -> None:  # type: ignore[no-untyped-def]
    path = write("themes: []\n# caf\xe9\n".encode("latin-1"))
    latin = run("validate", path)
    assert latin.exit_code == 3
    assert latin.stderr == f"digiday: '{path}', line 2: is not valid UTF-8\n"
    path = write("#" * (data.MAX_BYTES + 1))
    big = run("validate", path)
    assert big.exit_code == 3 and big.stderr == f"digiday: '{path}': is over 1 MiB\n"
    # Exactly 1 MiB is not over it.
    assert "over 1 MiB" not in run("validate", write("#" * data.MAX_BYTES)).stderr


def test_a_byte_order_mark_is_fine(run: Invoke, write) -> None:  # type: ignore[no-untyped-def]
    assert run("validate", write(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))).exit_code == 0


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    with pytest.raises(yamlsafe.YamlProblem, match="anchor '&a'") as caught:
        yamlsafe.parse(bomb)
    assert caught.value.line == 1


# --- fuzzing: the loader either loads or raises its one documented error ------------------

yaml_alphabet = st.sampled_from(list(string.printable + "&*!%@`|>-?:,[]{}#'\"đĐươ\u0301\x00\t"))


@settings(max_examples=400, deadline=None)
@given(st.text(yaml_alphabet, max_size=200))
def test_fuzz_text(text: str) -> None:
    try:
        yamlsafe.parse(text)
    except yamlsafe.YamlProblem as problem:
        assert problem.message


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_bytes(tmp_path_factory: pytest.TempPathFactory, content: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "bytes.yaml"
    path.write_bytes(content)
    try:
        data.validate(str(path))
    except data.DataError as problem:
        assert problem.problems


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.text(max_size=12),
    st.floats(allow_nan=False),
)
texts = st.fixed_dictionaries({"vi": st.text(min_size=1, max_size=8), "en": st.text(max_size=8)})
themes = st.fixed_dictionaries(
    {
        "year": st.integers(2015, 2035),
        "theme": texts | scalars,
        "sources": st.just(["omicall-article"]),
    },
    optional={"unofficial_translation": st.booleans() | scalars, "extra": scalars},
)
anything = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
documents = st.fixed_dictionaries(
    {},
    optional={
        "themes": st.lists(themes, max_size=3) | anything,
        "sources": anything,
        "agencies": anything,
        "info": st.dictionaries(st.sampled_from(["overview", "history", "nope"]), anything),
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_fuzz_structures(
    tmp_path_factory: pytest.TempPathFactory, document: dict[str, object]
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "structure.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    try:
        Data(str(path)).check()
    except data.DataError as problem:
        assert all(str(path) in str(p) for p in problem.problems)


def test_nesting_is_allowed_to_exactly_its_limit() -> None:
    depth = yamlsafe.MAX_DEPTH
    assert yamlsafe.parse("[" * depth + "]" * depth).value is not None  # 32 levels: fine
    with pytest.raises(yamlsafe.YamlProblem) as caught:
        yamlsafe.parse("[" * (depth + 1) + "]" * (depth + 1))
    assert caught.value.values == {"depth": depth} and caught.value.line == 1


DATA = TESTS / "data"


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        (
            "en",
            "adds 1 theme, 1 document, 1 source, 1 info entry and 1 edition, replaces 2 agencies",
        ),
        (
            "vi",
            "thêm 1 chủ đề, 1 văn bản, 1 nguồn, 1 mục thông tin và 1 lần tổ chức, "
            "thay thế 2 cơ quan",
        ),
    ],
)
def test_the_summary_counts_every_kind_in_the_files_order(
    run: Invoke, lang: str, summary: str
) -> None:
    # tests/data/many-kinds.yaml: a new theme, document, source, purpose and edition, in
    # that order in the file, and two agencies that replace the bundled vtv and vov.
    path = str(DATA / "many-kinds.yaml")
    valid = "valid" if lang == "en" else "hợp lệ"
    assert run("validate", path, "--lang", lang).stdout == f"'{path}': {valid}; {summary}\n"


def test_the_summary_counts_in_plural(run: Invoke, write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "themes:\n"
        "  - {year: 2030, theme: {vi: Một, en: One}, sources: [omicall-article]}\n"
        "  - {year: 2031, theme: {vi: Hai, en: Two}, sources: [omicall-article]}\n"
    )
    assert run("validate", path).stdout == f"'{path}': valid; adds 2 themes\n"
    assert run("validate", path, "--lang", "vi").stdout == f"'{path}': hợp lệ; thêm 2 chủ đề\n"


def test_a_path_with_a_nul_cannot_be_read(run: Invoke) -> None:
    result = run("validate", "a\x00b.yaml")
    assert result.exit_code == 3
    assert (
        result.stderr
        == "digiday: 'a\\x00b.yaml': cannot be read (a path cannot hold a NUL character)\n"
    )


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="needs Linux's /proc")
def test_a_file_that_fails_to_read_says_why(run: Invoke) -> None:
    # /proc/self/mem is a regular file whose first bytes cannot be read: EIO.
    result = run("validate", "/proc/self/mem")
    assert result.exit_code == 3
    assert result.stderr == "digiday: '/proc/self/mem': cannot be read (Input/output error)\n"


def test_the_summary_counts_replacements_in_plural(run: Invoke, write) -> None:  # type: ignore[no-untyped-def]
    # tests/data/replaces-two-of-each.yaml: two bundled records of four kinds, replaced.
    path = str(DATA / "replaces-two-of-each.yaml")
    assert run("validate", path).stdout == (
        f"'{path}': valid; replaces 2 info entries, 2 editions, 2 documents and 2 sources\n"
    )
    assert run("validate", path, "--lang", "vi").stdout == (
        f"'{path}': hợp lệ; thay thế 2 mục thông tin, 2 lần tổ chức, 2 văn bản và 2 nguồn\n"
    )
    empty = write("themes: []\n")
    assert run("validate", empty).stdout == f"'{empty}': valid; changes nothing\n"
    assert run("validate", empty, "--lang", "vi").stdout.startswith(f"'{empty}': hợp lệ; ")


def test_an_info_entry_is_laid_over_its_section_not_in_place_of_it(run: Invoke, write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "info:\n  purposes:\n    - id: learn\n      title: {vi: Học, en: Learn}\n"
        "      text: {vi: Học, en: Learn}\n      sources: [omicall-article]\n"
    )
    purposes = run("info", "purposes", "--json", "--data", path).json()["info"]["purposes"]
    assert [entry["id"] for entry in purposes] == [
        "accelerate",
        "awareness",
        "participation",
        "learn",
    ]


def test_nesting_is_counted_along_each_branch() -> None:
    # A shallow branch first, then a deep one beside it: depth is counted back down as each
    # branch ends, so the deep one is measured from where it stands (2 + 30 = 32 is fine,
    # 2 + 31 = 33 is not).
    assert yamlsafe.parse("[[[x], " + "[" * 30 + "]" * 30 + "]]").value is not None
    with pytest.raises(yamlsafe.YamlProblem):
        yamlsafe.parse("[[[x], " + "[" * 31 + "]" * 31 + "]]")


def test_a_name_too_long_to_open_says_why_in_the_systems_words(run: Invoke) -> None:
    # The system's reason (strerror), not Python's "[Errno 36] ..." with the name again;
    # the name itself is shown whole, however long.
    result = run("validate", "a" * 300 + ".yaml")
    assert result.exit_code == 3
    assert result.stderr == f"digiday: '{'a' * 300}.yaml': cannot be read (File name too long)\n"


# --- L5: a data file's path is shown whole, quoted and escaped, before its line -----------

OUTSIDE = "themes[0].year: year 2021 is outside 2022–9999 (the first Day was 2022)"


def year_2021() -> str:
    return "themes:\n  - year: 2021\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n"


def test_a_long_path_keeps_the_files_name_and_line(run: Invoke, yaml_file: YamlFile) -> None:
    folder = "d" * 100 + "/" + "e" * 99  # 200 characters of folders before the name
    path = yaml_file(year_2021(), name=f"{folder}/themes-2027.yaml")
    with pytest.raises(data.DataError) as caught:
        data.validate(str(path))
    assert caught.value.text("en") == f"'{path}', line 2: {OUTSIDE}"
    # Nor is it cut on its way to stderr, however long the one word it makes.
    assert run("validate", str(path)).stderr == f"digiday: '{path}', line 2: {OUTSIDE}\n"


def test_a_long_path_keeps_the_files_name_and_line_in_vietnamese(
    run: Invoke, yaml_file: YamlFile
) -> None:
    # Needs "{file}, line {line}" in the catalogue (po-additions/data.po, to be merged).
    path = yaml_file(year_2021(), name="d" * 100 + "/" + "e" * 99 + "/themes-2027.yaml")
    assert run("validate", str(path), "--lang", "vi").stderr == (
        f"digiday: '{path}', dòng 2: themes[0].year: "
        "năm 2021 nằm ngoài 2022–9999 (Ngày đầu tiên là năm 2022)\n"
    )


def test_an_empty_path_is_named_as_empty(run: Invoke) -> None:
    for args in (("validate", ""), ("themes", "--data", "")):
        result = run(*args)
        assert (result.exit_code, result.stdout) == (3, "")
        assert result.stderr == "digiday: '': does not exist\n"


def test_a_path_is_shown_escaped_and_whole(run: Invoke, yaml_file: YamlFile) -> None:
    path = yaml_file(year_2021(), name="two\nlines \x1b]0;title\x07 \u202eevil\u2028.yaml")
    shown = str(path.parent) + "/two\\x0alines \\x1b]0;title\\x07 \\u202eevil\\u2028.yaml"
    assert run("validate", str(path)).stderr == f"digiday: '{shown}', line 2: {OUTSIDE}\n"


def test_a_byte_of_a_name_that_is_not_utf8_is_shown_as_that_byte(
    run: Invoke, tmp_path: Path
) -> None:
    # The name as Python holds it (a lone surrogate) would be the wrong name, and no stream
    # can encode it: shown so, the Vietnamese around it lost its diacritics.
    name = os.fsencode(tmp_path) + b"/bad2\xfe.yaml"
    with open(name, "wb"):
        pass
    path = os.fsdecode(name)
    shown = f"'{tmp_path}/bad2\\xfe.yaml'"
    assert run("validate", path).stderr == (
        f"digiday: {shown}: the top level must be a mapping, found nothing\n"
    )
    assert run("validate", path, "--lang", "vi").stderr == (
        f"digiday: {shown}: cấp cao nhất phải là một ánh xạ, nhưng gặp không có gì\n"
    )
