"""Every problem a data file can have, told exactly: the file (quoted, whole), the line, the
key path, and what is wrong, naming the value found. Each expected line was checked by hand against
the file beside it; a change to any message shows here in review."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Invoke

# name: (file, the whole of stderr with {F} for the file's path)
PROBLEMS: dict[str, tuple[str, str]] = {
    "top list": (
        "- a\n",
        "digiday: {F}, line 1: the top level must be a mapping, found a list",
    ),
    "top scalar": (
        "5\n",
        "digiday: {F}, line 1: the top level must be a mapping, found 5",
    ),
    "empty file": (
        "",
        "digiday: {F}: the top level must be a mapping, found nothing",
    ),
    "info not mapping": (
        "info: [1]\n",
        "digiday: {F}, line 1: info: expected a mapping of sections, found a list",
    ),
    "unknown section": (
        "info:\n  nonsense:\n    - id: x\n      text: {vi: a, en: b}\n      sources: [omicall-article]\n",
        "digiday: {F}, line 2: info.nonsense: unknown section 'nonsense' (known: overview, definition, activities, purposes, history)",
    ),
    "themes not list": (
        "themes: {a: 1}\n",
        "digiday: {F}, line 1: themes: expected a list, found a mapping",
    ),
    "theme not mapping": (
        "themes:\n  - 5\n",
        "digiday: {F}, line 2: themes[0]: expected a mapping, found 5",
    ),
    "missing key": (
        "themes:\n  - year: 2027\n    sources: [omicall-article]\n",
        "digiday: {F}, line 2: themes[0]: missing key 'theme'",
    ),
    "unknown key": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n    colour: red\n",
        "digiday: {F}, line 5: themes[0].colour: unknown key 'colour' (known: year, theme, sources, unofficial_translation, note)",
    ),
    "year text": (
        "themes:\n  - year: twenty\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 2: themes[0].year: expected a year, found 'twenty'",
    ),
    "year bool": (
        "themes:\n  - year: true\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 2: themes[0].year: expected a year, found true",
    ),
    "year 2021": (
        "themes:\n  - year: 2021\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 2: themes[0].year: year 2021 is outside 2022–9999 (the first Day was 2022)",
    ),
    "year 10000": (
        "themes:\n  - year: 10000\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 2: themes[0].year: year 10000 is outside 2022–9999 (the first Day was 2022)",
    ),
    "text empty": (
        "themes:\n  - year: 2027\n    theme: {vi: '', en: b}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 3: themes[0].theme.vi: expected non-empty text, found ''",
    ),
    "text list": (
        "themes:\n  - year: 2027\n    theme: {vi: [a], en: b}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 3: themes[0].theme.vi: expected non-empty text, found a list",
    ),
    "text number": (
        "themes:\n  - year: 2027\n    theme: {vi: 5, en: b}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 3: themes[0].theme.vi: expected non-empty text, found 5",
    ),
    "text null": (
        "themes:\n  - year: 2027\n    theme: {vi: null, en: b}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 3: themes[0].theme.vi: expected non-empty text, found nothing",
    ),
    "bilingual not mapping": (
        "themes:\n  - year: 2027\n    theme: hello\n    sources: [omicall-article]\n",
        "digiday: {F}, line 3: themes[0].theme: expected a mapping with 'vi' and 'en', found 'hello'",
    ),
    "bilingual extra": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b, fr: c}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 3: themes[0].theme.fr: unknown key 'fr' (known: vi, en)",
    ),
    "missing en": (
        "themes:\n  - year: 2027\n    theme: {vi: a}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 3: themes[0].theme: missing language 'en'",
    ),
    "sources empty": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b}\n    sources: []\n",
        "digiday: {F}, line 4: themes[0].sources: expected a non-empty list of source ids, found an empty list",
    ),
    "sources text": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b}\n    sources: omicall-article\n",
        "digiday: {F}, line 4: themes[0].sources: expected a non-empty list of source ids, found 'omicall-article'",
    ),
    "source id bad": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b}\n    sources: [Bad_Id]\n",
        "digiday: {F}, line 4: themes[0].sources[0]: expected an id of lower-case letters, digits and '-'",
    ),
    "unknown source": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b}\n    sources: [nowhere]\n",
        "digiday: {F}, line 4: themes[0].sources[0]: unknown source id 'nowhere'",
    ),
    "year twice": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n  - year: 2027\n    theme: {vi: c, en: d}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 5: themes[1].year: year '2027' is given twice",
    ),
    "unofficial not bool": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n    unofficial_translation: yes-please\n",
        "digiday: {F}, line 5: themes[0].unofficial_translation: expected true or false, found 'yes-please'",
    ),
    "bad url": (
        "sources:\n  - id: s\n    title: t\n    url: ftp://x\n",
        "digiday: {F}, line 4: sources[0].url: expected an http:// or https:// address",
    ),
    "bad date": (
        "sources:\n  - id: s\n    title: t\n    url: https://x.org\n    date: 2026-13-01\n",
        "digiday: {F}, line 5: sources[0].date: expected a date written YYYY, YYYY-MM or YYYY-MM-DD, in quotes",
    ),
    "doc date unquoted form": (
        "documents:\n  - id: d\n    number: 1/QĐ\n    date: '2026-1-1'\n    title: {vi: a, en: b}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 4: documents[0].date: expected a date written YYYY-MM-DD, in quotes",
    ),
    "role unknown": (
        "agencies:\n  - id: x\n    name: {vi: a, en: b}\n    role: boss\n    tasks: [{vi: a, en: b}]\n    sources: [omicall-article]\n",
        "digiday: {F}, line 4: agencies[0].role: unknown role 'boss' (known: lead, coordinator, implementer, association, media, press)",
    ),
    "tasks empty": (
        "agencies:\n  - id: x\n    name: {vi: a, en: b}\n    role: press\n    tasks: []\n    sources: [omicall-article]\n",
        "digiday: {F}, line 5: agencies[0].tasks: expected a non-empty list, found an empty list",
    ),
    "successor unknown": (
        "agencies:\n  - id: x\n    name: {vi: a, en: b}\n    role: press\n    tasks: [{vi: a, en: b}]\n    successor: ghost\n    sources: [omicall-article]\n",
        "digiday: {F}, line 6: agencies[0].successor: unknown agency id 'ghost'",
    ),
    "control char": (
        'themes:\n  - year: 2027\n    theme: {vi: "a\\u0007b", en: b}\n    sources: [omicall-article]\n',
        "digiday: {F}, line 3: themes[0].theme.vi: holds the control character U+0007 at character 2",
    ),
    "history date form": (
        "info:\n  history:\n    - id: h\n      date: 'May 2026'\n      text: {vi: a, en: b}\n      sources: [omicall-article]\n",
        "digiday: {F}, line 4: info.history[0].date: expected a date written YYYY, YYYY-MM or YYYY-MM-DD, in quotes",
    ),
    "yaml syntax": (
        "themes: [\n",
        "digiday: {F}, line 2: is not usable YAML: did not find expected node content",
    ),
    "anchor": (
        "themes: &a []\n",
        "digiday: {F}, line 1: is not usable YAML: anchor '&a' is not allowed",
    ),
    "alias": (
        "x: 1\nthemes: *x\n",
        "digiday: {F}, line 2: is not usable YAML: alias '*x' is not allowed",
    ),
    "tag": (
        "themes: !mine []\n",
        "digiday: {F}, line 1: is not usable YAML: tag '!mine' is not allowed",
    ),
    "dup key": (
        "themes: []\nthemes: []\n",
        "digiday: {F}, line 2: is not usable YAML: duplicate key 'themes'",
    ),
    "merge": (
        "themes:\n  - <<: {year: 2027}\n",
        "digiday: {F}, line 2: is not usable YAML: merge keys (<<) are not allowed",
    ),
    "nesting": (
        "themes: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
        "digiday: {F}, line 1: is not usable YAML: nesting deeper than 32 levels",
    ),
    "complex key": (
        "? [a]\n: 1\n",
        "digiday: {F}, line 1: is not usable YAML: a key must be a plain value",
    ),
    "history date a number": (
        "info:\n  history:\n    - id: h\n      date: 2026\n      text: {vi: a, en: b}\n      sources: [omicall-article]\n",
        "digiday: {F}, line 4: info.history[0].date: expected a date written YYYY, YYYY-MM or YYYY-MM-DD, in quotes",
    ),
    "successor not an id": (
        "agencies:\n  - id: x\n    name: {vi: a, en: b}\n    role: press\n    tasks: [{vi: a, en: b}]\n    successor: Bad_Id\n    sources: [omicall-article]\n",
        "digiday: {F}, line 6: agencies[0].successor: expected an id of lower-case letters, digits and '-'",
    ),
    "address with a control": (
        'sources:\n  - id: s\n    title: t\n    url: "https://e.org/\\e[2J"\n',
        "digiday: {F}, line 4: sources[0].url: holds the control character U+001B at character 15",
    ),
    "unknown top key": (
        "colour: red\nthemes: []\n",
        "digiday: {F}, line 1: colour: unknown key 'colour' (known: info, agencies, themes, editions, documents, targets, measurements, sources, data_as_of)",
    ),
    "two unknown keys": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n    colour: red\n    size: 5\n",
        "digiday: {F}, line 5: themes[0].colour: unknown key 'colour' (known: year, theme, sources, unofficial_translation, note)\ndigiday: {F}, line 6: themes[0].size: unknown key 'size' (known: year, theme, sources, unofficial_translation, note)",
    ),
    "two records with unknown keys": (
        "themes:\n  - year: 2027\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n    colour: red\n  - year: 2028\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n    size: 5\n",
        "digiday: {F}, line 5: themes[0].colour: unknown key 'colour' (known: year, theme, sources, unofficial_translation, note)\ndigiday: {F}, line 9: themes[1].size: unknown key 'size' (known: year, theme, sources, unofficial_translation, note)",
    ),
    "two controls": (
        'themes:\n  - year: 2027\n    theme: {vi: "a\\u0007b\\u0007", en: b}\n    sources: [omicall-article]\n',
        "digiday: {F}, line 3: themes[0].theme.vi: holds the control character U+0007 at character 2",
    ),
    "a NUL character": (
        "themes: []\n\x00\n",
        "digiday: {F}, line 2: holds the control character U+0000 at character 1",
    ),
    "a raw control character": (
        "themes: []\n# \x1b[2J\n",
        "digiday: {F}, line 2: holds the control character U+001B at character 3",
    ),
    "a raw character YAML refuses": (
        "themes: []\n# \ufffe\n",
        "digiday: {F}, line 2: holds the character U+FFFE, which YAML does not allow, at character 3",
    ),
    "a raw line separator": (
        "themes: []\n# a\u2028b: 1\n",
        "digiday: {F}, line 2: holds the control character U+2028 at character 4",
    ),
    "an escaped paragraph separator": (
        'themes:\n  - year: 2027\n    theme: {vi: "a\\u2029b", en: b}\n    sources: [omicall-article]\n',
        "digiday: {F}, line 3: themes[0].theme.vi: holds the control character U+2029 at character 2",
    ),
    "a number too long": (
        "themes:\n  - year: "
        + "9" * 5000
        + "\n    theme: {vi: a, en: b}\n    sources: [omicall-article]\n",
        "digiday: {F}, line 2: themes[0].year: expected a year, found a number of 5000 digits",
    ),
}


@pytest.mark.parametrize("name", PROBLEMS)
def test_each_problem_is_told_exactly(run: Invoke, tmp_path: Path, name: str) -> None:
    content, expected = PROBLEMS[name]
    path = tmp_path / "user.yaml"
    path.write_text(content, encoding="utf-8")
    for args in (("validate", str(path)), ("themes", "--data", str(path))):
        result = run(*args)
        assert (result.exit_code, result.stdout) == (3, ""), args
        assert result.stderr == expected.format(F=f"'{path}'") + "\n", args


def test_text_over_several_lines_is_fine(run: Invoke, tmp_path: Path) -> None:
    # A newline is the one control character text may hold (a YAML block scalar).
    path = tmp_path / "lines.yaml"
    path.write_text(
        "themes:\n  - year: 2027\n    theme:\n      vi: |\n        dòng một\n        dòng hai\n"
        "      en: b\n    sources: [omicall-article]\n",
        encoding="utf-8",
    )
    assert run("validate", str(path)).stdout == f"'{path}': valid; adds 1 theme\n"
