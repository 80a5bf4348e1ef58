"""`--format markdown` with hostile data: whatever a data file's texts hold, the Markdown a
command prints has the structure the command gives it (its headings, lists, tables, links,
emphasis), never raw HTML, and every text shown as the text it is.

The property is checked in-process: each layout's payload, made once by the command line
(`--json`) from a data file whose every text is a marker, gets a hostile text for each
marker and is rendered by the markdown renderer. One run of the command line per layout,
on a file of every hostile piece, shows the same end to end.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digiday.core.model import LANGS, SECTIONS, Lang
from digiday.render import markdown
from tests.conftest import Invoke, YamlFile
from tests.environment import invoke

markdown_it = pytest.importorskip("markdown_it")

YEAR = 2031  # a Day of the data file alone: its theme, edition and ceremony
LATER = dt.datetime(YEAR, 10, 20, tzinfo=dt.timezone.utc)  # now: that Day is the latest
SOURCE = "hxq-source"
# Every layout of the markdown renderer, by the command that makes it. The data file's ids
# share a word, `hxq`, so that one search finds every record with one (refs are
# searchable); the other search, `2031`, finds its theme and edition.
LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("info",),
    ("info", "--brief"),
    ("agencies",),
    ("themes",),
    ("editions",),
    ("editions", str(YEAR)),
    ("countdown", "--date", f"{YEAR - 1}-12-01"),  # counting down to the Day of 2031
    ("sources",),
    ("sources", SOURCE),
    ("sources", f"{SOURCE}-described"),  # described in both languages, without a title
    ("targets",),
    ("search", "hxq"),
    ("search", str(YEAR)),
    ("quiz", "--seed", "3", "--count", "100"),
)
# The layouts whose records are chosen by their texts (which words match, which questions
# are asked): hostile texts choose other records than harmless ones.
CHOSEN = ("search", "quiz")

# Pieces of text that mean something to Markdown, CommonMark or GFM, at the start of a line
# above all: a data text may be the start of a line or of a list item's content.
MARKUP = [
    *"<>#*_[]()`|\\!&;:-+=~.",
    *("1.", "2)", "10.10", "# ", "## ", "> ", "- ", "+ ", "* ", "---", "===", "***", "___"),
    *("```", "~~~", "    ", "<b>", "</b>", "<script>x</script>", "<!-- c -->", "<?p ?>"),
    *("&lt;", "&#60;", "&#x3C;", "&amp;", "[x](http://e.org)", "![i](http://e.org/i.png)"),
    *("<http://e.org>", "<a@b.org>", "**b**", "_i_", "`c`", "~~s~~", "[r]: http://e.org"),
    *("\n", "\n# h", "\n> q", "\n- l", "\n1. o", "\n    code", "\n<div>", "\n---", "\n==="),
    *("\n| a | b |\n|---|---|", " \\\n", "  \n", "x", "ệ", "Đ", " ", "\u00a0", "[^1]"),
]
hostile = (
    st.lists(st.sampled_from(MARKUP) | st.text("ab<>#*_[]`|\\&\n- 1.", max_size=6), max_size=8)
    .map("".join)
    .filter(lambda text: bool(text.strip()))
)
hostile_url = st.text("ab<>\"'`()[]{}\\|^~#&;*_!%", max_size=12).map("https://e.org/".__add__)

# The block and inline structure of a document: every token but the text itself (`text`,
# and the escapes markdown-it gives as `text_special`).
_TEXT = {"text", "text_special"}


def structure(document: str) -> list[tuple[str, str, int]]:
    return read(document)[0]


def read(document: str) -> tuple[list[tuple[str, str, int]], str]:
    """The block and inline structure of a document, and what a reader sees of its text,
    line by line (every inline's text)."""
    shape, lines = [], []
    for token in _parser().parse(document):
        shape.append((token.type, token.tag, token.nesting))
        for child in token.children or ():
            if child.type not in _TEXT:
                shape.append((child.type, child.tag, child.nesting))
        if token.type == "inline":
            lines.append("".join(child.content for child in token.children or ()))
    return shape, "\n".join(lines)


@functools.cache
def _parser() -> Any:
    # GFM's tables and strikethrough on top of CommonMark: what a Markdown reader may know.
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])


class Texts:
    """Hands out the texts of a data file, `m0m`, `m1m`, … (markers, harmless), each kept
    with its language (None for a text that has one for both); `hostile` gives each its
    hostile text (drawn or fixed) for the payloads made from the markers."""

    def __init__(self) -> None:
        self.given: list[Lang | None] = []
        self.urls = 0

    def string(self, lang: Lang | None = None) -> str:
        self.given.append(lang)
        return f"m{len(self.given) - 1}m"

    def text(self) -> dict[str, str]:
        return {lang: self.string(lang) for lang in LANGS}

    def url(self) -> str:
        self.urls += 1
        return f"https://example.org/u{self.urls - 1}u"

    def shown_in(self, lang: Lang, hostile: list[str]) -> list[str]:
        return [
            text for given, text in zip(self.given, hostile, strict=True) if given in (None, lang)
        ]


def records(texts: Texts) -> dict[str, Any]:
    """A data file with a record of every kind, every text field of each a marker."""
    cited = [SOURCE, f"{SOURCE}-described"]
    entries = {
        section: [
            {
                "id": f"hxq-{section}",
                "title": texts.text(),
                "text": texts.text(),
                **({"date": f"{YEAR}-10"} if section == "history" else {}),
                "sources": cited,
            }
        ]
        for section in SECTIONS
    }
    agency = {"role": "media", "sources": cited}
    figure = {"measure": "hxq-measure", "year": 2024, "unit": "%", "sources": cited}
    return {
        "info": entries,
        "agencies": [
            {
                "id": "hxq-agency",
                "name": texts.text(),
                "abbreviation": texts.string(),
                "tasks": [texts.text(), texts.text()],
                "change": texts.text(),
                "successor": "hxq-successor",
                **agency,
            },
            {"id": "hxq-successor", "name": texts.text(), "tasks": [texts.text()], **agency},
        ],
        "themes": [
            {
                "year": YEAR,
                "theme": texts.text(),
                "sources": cited,
                "note": {"text": texts.text(), "sources": cited},
            }
        ],
        "editions": [
            {
                "year": YEAR,
                "year_theme": {"text": texts.text(), "by": texts.text(), "sources": cited},
                "ceremony": {
                    "date": f"{YEAR}-10-10",
                    **{
                        part: texts.text()
                        for part in ("place", "chaired_by", "organiser", "provinces", "note")
                    },
                    "sources": cited,
                },
                "plan": {
                    "document": texts.text(),
                    "date": f"{YEAR}-09",
                    "issuer": texts.text(),
                    "note": texts.text(),
                    "sources": cited,
                },
                "month": {"text": texts.text(), "sources": cited},
            }
        ],
        "documents": [
            {
                "id": "hxq-document",
                "number": texts.string(),
                "date": f"{YEAR}-01-01",
                "title": texts.text(),
                "sources": cited,
            }
        ],
        # A target decided by a figure (its words in the verdict), one still open, and a
        # figure made by another method, said so.
        "targets": [
            {
                "id": f"hxq-target-{year}",
                "document": "hxq-document",
                "indicator": texts.text(),
                "year": year,
                "target": 50,
                "unit": "%",
                "wording": texts.text(),
                "measure": "hxq-measure",
                "sources": cited,
            }
            for year in (2024, YEAR)
        ],
        "measurements": [
            {"id": "hxq-figure", "kind": "official", "value": 40, **figure}
            | {"by": texts.text(), "wording": texts.text()},
            {"id": "hxq-figure-method", "kind": "estimate", "value": 60, **figure}
            | {"by": texts.text(), "method": texts.text()},
        ],
        "sources": [
            {
                "id": SOURCE,
                "title": texts.string(),
                "url": texts.url(),
                "publisher": texts.string(),
                "date": str(YEAR),
            },
            {"id": f"{SOURCE}-described", "description": texts.text(), "url": texts.url()},
        ],
    }


def data_file(path: Path, markers: str, hostile: list[str] | None = None) -> Path:
    """The data file of `markers` (its records as JSON), each marker replaced by its
    `hostile` text where given, and each address by a hostile one. JSON is YAML, and JSON's
    escapes write any text on one line, newlines included."""
    urls = [HOSTILE_URL] * markers.count("https://example.org/")
    path.write_text(_replaced(markers, hostile or [], urls), encoding="utf-8")
    return path


HOSTILE_URL = "https://e.org/a<b>\"'`(c)[d]{e}\\|^~#&;*_!%"  # of hostile_url's characters


_MARKER = re.compile(r"m(\d+)m|https://example\.org/u(\d+)u")


def _replaced(document: str, hostile: list[str], urls: list[str]) -> str:
    """A JSON document with each marker (and each marked address) replaced, as JSON."""

    def one(match: re.Match[str]) -> str:
        text = hostile[int(match[1])] if match[1] else urls[int(match[2])] if urls else match[0]
        return json.dumps(text)[1:-1]

    return _MARKER.sub(one, document) if hostile else document


@pytest.fixture(scope="module")
def harmless(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Lang], Any]:
    """Each layout's `--json` payload from the file of markers, whole and with only the
    file's records, by language (made once)."""
    texts = Texts()
    markers = json.dumps(records(texts))
    path = data_file(tmp_path_factory.mktemp("markdown") / "markers.yaml", markers)

    @functools.cache
    def payloads(lang: Lang) -> tuple[Texts, str, list[tuple[str, str, str, str]]]:
        made = []
        for args in LAYOUTS:
            result = invoke([*args, "--json", "--lang", lang, "--data", str(path)], now=LATER)
            assert result.exit_code == 0, (args, result.stderr)
            envelope = json.loads(result.stdout)
            payload, ours = envelope[args[0]], _ours(envelope[args[0]])
            assert ours, args
            made.append((args[0], json.dumps(payload), json.dumps(ours), envelope["data_as_of"]))
        return texts, markers, made

    return payloads


def _ours(payload: Any) -> Any:
    """A payload with only records of the data file (those with a marker, eight at most) in
    its lists: the bundled data's records make the documents long, and hold no hostile text."""
    if isinstance(payload, list):  # and one other, where one alone has a layout of its own
        ours = [item for item in payload if _MARKER.search(json.dumps(item))][:8]
        return ours + [item for item in payload if item not in ours][: max(2 - len(ours), 0)]
    if isinstance(payload, dict) and all(isinstance(value, list) for value in payload.values()):
        return {key: _ours(value) for key, value in payload.items()}
    return payload


def _checked(document: str, expected: list[Any], args: tuple[str, ...]) -> str:
    """What a reader sees of `document`'s text, once its structure is checked."""
    tokens, shown = read(document)
    assert not [t for t in tokens if t[0].startswith("html")], (args, document)
    headings = [t for t in tokens if t[0] == "heading_open"]
    assert headings == [t for t in expected if t[0] == "heading_open"], (args, document)
    assert tokens == expected, (args, document)
    return shown


@functools.cache
def _harmless_structure(command: str, payload: str, lang: Lang, as_of: str) -> list[Any]:
    return structure(markdown.render(command, json.loads(payload), lang, as_of))


def _rendered(made: list[Any], texts: Texts, lang: Lang, given: list[str], urls: list[str]) -> None:
    """Every layout's payload with the `given` texts for its markers, rendered in-process:
    each has its harmless structure, and every text is shown as written."""
    seen = []
    for (command, _, payload, as_of), args in zip(made, LAYOUTS, strict=True):
        hostile = json.loads(_replaced(payload, given, urls))
        document = markdown.render(command, hostile, lang, as_of)
        seen.append(_checked(document, _harmless_structure(command, payload, lang, as_of), args))
    _all_shown("\n".join(seen), texts.shown_in(lang, given))


def _all_shown(everything: str, texts: list[str]) -> None:
    """Every text is in what a reader sees (its spaces and line breaks made single spaces),
    and no backslash is left beside them: an escape that a reader would see."""
    shown = sorted({" ".join(text.split()) for text in texts}, key=len, reverse=True)
    assert not [text for text in shown if text not in everything]
    for text in shown:
        everything = everything.replace(text, "")
    assert "\\" not in everything


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(draw=st.data(), lang=st.sampled_from(LANGS))
def test_no_text_of_a_data_file_is_read_as_markdown(
    harmless: Callable[[Lang], Any], draw: st.DataObject, lang: Lang
) -> None:
    texts, _, made = harmless(lang)
    # A few texts drawn, dealt to the markers from a drawn place on (drawing one for each
    # would take most of the test's time); the test below puts every piece everywhere.
    pool = draw.draw(st.lists(hostile, min_size=4, max_size=12))
    start = draw.draw(st.integers(0, len(texts.given)))
    given = [pool[(start + index) % len(pool)] for index in range(len(texts.given))]
    _rendered(made, texts, lang, given, [draw.draw(hostile_url) for _ in range(texts.urls)])


def test_every_piece_of_markup_reaches_every_layout(harmless: Callable[[Lang], Any]) -> None:
    # Each piece in every text at once, in one language or the other: at the text's start
    # before a space, and at its end.
    for piece, lang in zip(MARKUP, itertools.cycle(LANGS)):
        texts, _, made = harmless(lang)
        given = [f"{piece} x{piece}"] * len(texts.given)
        _rendered(made, texts, lang, given, [HOSTILE_URL] * texts.urls)


def _every_piece(count: int) -> list[str]:
    """`count` texts that hold every piece of MARKUP between them, each at a text's start."""
    pieces = itertools.cycle(MARKUP)
    return [f"{next(pieces)}{next(pieces)}x{next(pieces)}" for _ in range(count)]


def test_the_command_line_prints_what_the_renderer_makes(
    tmp_path: Path, harmless: Callable[[Lang], Any]
) -> None:
    """End to end, on one file of every hostile piece: each layout as the command line
    prints it has the structure of its harmless payload's (for the layouts whose records
    the texts choose, of its own payload made harmless), and every text shown."""
    for lang in LANGS:
        texts, markers, made = harmless(lang)
        pieces = _every_piece(len(texts.given))
        path = data_file(tmp_path / f"every-piece-{lang}.yaml", markers, pieces)
        seen = []
        for (command, payload, _, as_of), args in zip(made, LAYOUTS, strict=True):
            asked = [*args, "--lang", lang, "--data", str(path)]
            result = invoke([*asked, "--format", "markdown"], now=LATER)
            assert result.exit_code == 0, (args, result.stderr)
            if command in CHOSEN:
                answer = json.loads(invoke([*asked, "--json"], now=LATER).stdout)
                payload = json.dumps(_harmless(answer[command], _TEXT_KEYS[command]))
            expected = _harmless_structure(command, payload, lang, as_of)
            seen.append(_checked(result.stdout, expected, args))
        _all_shown("\n".join(seen), texts.shown_in(lang, pieces))


def _harmless(value: Any, keys: tuple[str, ...]) -> Any:
    """A JSON payload with the texts under `keys` replaced by harmless words."""
    if isinstance(value, list):
        return [_harmless(item, keys) for item in value]
    if isinstance(value, dict):
        return {
            key: (
                ["t"] * len(item)
                if key in keys and isinstance(item, list)
                else "t"
                if key in keys
                else _harmless(item, keys)
            )
            for key, item in value.items()
        }
    return value


_TEXT_KEYS = {"search": ("text",), "quiz": ("question", "options", "fact")}


def test_an_abbreviation_is_escaped_like_every_other_text(run: Invoke, yaml_file: YamlFile) -> None:
    # The hostile report's L11: an abbreviation with HTML and a line that was a heading.
    agency = """
        agencies:
          - id: body
            name: {vi: "Cơ quan <b>đậm</b>", en: "Body <b>bold</b>"}
            abbreviation: "<script>x</script>\\n# injected heading"
            role: media
            tasks: [{vi: "Việc", en: "Work"}]
            sources: [baoapbac-505]
    """
    path = yaml_file(agency)
    result = run("agencies", "--format", "markdown", "--data", str(path))
    assert result.exit_code == 0, result.stderr
    assert "<script>" not in result.stdout
    assert "\n# injected" not in result.stdout
    line = next(line for line in result.stdout.splitlines() if "Body" in line)
    assert line == "## Body \\<b\\>bold\\</b\\> (\\<script\\>x\\</script\\> \\# injected heading)"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("2024. not a list", "2024\\. not a list"),
        ("1) not a list", "1\\) not a list"),
        ("10.10 is the Day", "10.10 is the Day"),
        ("-5% stays", "-5% stays"),
        ("KH&CN & more", "KH&CN & more"),
        ("&lt; is not <", "\\&lt; is not \\<"),
        ("a\n\n# b", "a \\# b"),
        ("~~no~~ `code`", "\\~\\~no\\~\\~ \\`code\\`"),
    ],
)
def test_a_text_never_starts_a_block_nor_holds_markup(text: str, escaped: str) -> None:
    assert markdown._escape(text) == escaped


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://e.org/a b", "https://e.org/a%20b"),
        ("https://e.org/<x>", "https://e.org/%3Cx%3E"),
        ("https://e.org/a\\", "https://e.org/a\\\\"),
        ("https://e.org/`x`", "https://e.org/%60x%60"),
    ],
)
def test_an_address_stays_one_link_target(url: str, target: str) -> None:
    assert markdown._address(url) == target
    link = f"[t](<{markdown._address(url)}>)"
    assert [t[0] for t in structure(link) if t[0].startswith("link")] == [
        "link_open",
        "link_close",
    ]
