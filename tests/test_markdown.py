"""`--format markdown` with hostile data: whatever a data file's texts hold, the Markdown a
command prints has the structure the command gives it (its headings, lists, tables, links,
emphasis), never raw HTML, and every text shown as the text it is."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digiday.core.model import LANGS, SECTIONS, Lang
from digiday.render import markdown
from tests.conftest import Invoke, YamlFile

markdown_it = pytest.importorskip("markdown_it")

YEAR = 2031  # a Day of the data file alone: its theme, edition and ceremony
SOURCE = "hxq-source"
# The data file's ids share a word, `hxq`, so that one search finds every record with one
# (refs are searchable); the other search, `2031`, finds its theme and edition.
SEARCHES = (("search", "hxq"), ("search", str(YEAR)))
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("info",),
    ("agencies",),
    ("themes",),
    ("editions",),
    ("editions", str(YEAR)),
    ("countdown", "--date", f"{YEAR - 1}-12-01"),  # counting down to the Day of 2031
    ("sources",),
    ("sources", SOURCE),
    ("sources", f"{SOURCE}-described"),  # described in both languages, without a title
)
# Where the data's texts choose what is shown (which words match, which questions are
# asked), the same answer with every text made harmless is what the structure is compared
# with: the command's JSON, its texts replaced, rendered by the same renderer.
FROM_JSON: tuple[tuple[str, ...], ...] = (*SEARCHES, ("quiz", "--seed", "3", "--count", "100"))

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
    shape = []
    for token in _parser().parse(document):
        shape.append((token.type, token.tag, token.nesting))
        for child in token.children or ():
            if child.type not in _TEXT:
                shape.append((child.type, child.tag, child.nesting))
    return shape


def shown_text(document: str) -> str:
    """What a reader sees of the document's text, line by line: every inline's text."""
    lines = []
    for token in _parser().parse(document):
        if token.type == "inline":
            lines.append("".join(child.content for child in token.children or ()))
    return "\n".join(lines)


def _parser() -> Any:
    # GFM's tables and strikethrough on top of CommonMark: what a Markdown reader may know.
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])


class Texts:
    """Hands out the texts of a data file: drawn by Hypothesis, or `t0`, `t1`, … (harmless)
    when no draw is given; every one handed out is kept with its language (None for a text
    that has one for both), for checking that it is shown."""

    def __init__(self, draw: Callable[[Any], Any] | None) -> None:
        self.draw = draw
        self.given: list[tuple[Lang | None, str]] = []
        self.count = itertools.count()

    def string(self, lang: Lang | None = None) -> str:
        text = str(self.draw(hostile) if self.draw else f"t{next(self.count)}")
        self.given.append((lang, text))
        return text

    def text(self) -> dict[str, str]:
        return {lang: self.string(lang) for lang in LANGS}

    def shown_in(self, lang: Lang) -> list[str]:
        return [text for given, text in self.given if given in (None, lang)]

    def url(self) -> str:
        return str(self.draw(hostile_url)) if self.draw else "https://example.org/t"


def records(texts: Texts) -> dict[str, Any]:
    """A data file with a record of every kind, every text field of each filled by `texts`."""
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


_files = itertools.count()


def data_file(yaml_file: YamlFile, texts: Texts) -> Path:
    # JSON is YAML, and JSON's escapes write any text on one line, newlines included. A new
    # name each time: nothing read before can stand in for the new file.
    return yaml_file(json.dumps(records(texts)), name=f"hostile-{next(_files)}.yaml")


def rendered(run: Invoke, path: Path, lang: Lang, *args: str) -> str:
    result = run(*args, "--format", "markdown", "--lang", lang, "--data", str(path))
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


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


@pytest.fixture
def harmless(run: Invoke, yaml_file: YamlFile) -> Callable[[Lang, tuple[str, ...]], list[Any]]:
    """The structure each command gives the harmless data file, per language (made once)."""
    made: dict[tuple[Lang, tuple[str, ...]], list[Any]] = {}
    path = data_file(yaml_file, Texts(None))

    def shape(lang: Lang, args: tuple[str, ...]) -> list[Any]:
        if (lang, args) not in made:
            made[lang, args] = structure(rendered(run, path, lang, *args))
        return made[lang, args]

    return shape


def _checked(document: str, expected: list[Any], args: tuple[str, ...]) -> None:
    tokens = structure(document)
    assert not [t for t in tokens if t[0].startswith("html")], (args, document)
    headings = [t for t in tokens if t[0] == "heading_open"]
    assert headings == [t for t in expected if t[0] == "heading_open"], (args, document)
    assert tokens == expected, (args, document)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(draw=st.data(), lang=st.sampled_from(LANGS))
def test_no_text_of_a_data_file_is_read_as_markdown(
    run: Invoke,
    yaml_file: YamlFile,
    harmless: Callable[[Lang, tuple[str, ...]], list[Any]],
    draw: st.DataObject,
    lang: Lang,
) -> None:
    texts = Texts(draw.draw)
    path = data_file(yaml_file, texts)
    seen = []
    for args in COMMANDS:
        document = rendered(run, path, lang, *args)
        _checked(document, harmless(lang, args), args)
        seen.append(shown_text(document))
    for args in FROM_JSON:
        document = rendered(run, path, lang, *args)
        answer = run(*args, "--json", "--lang", lang, "--data", str(path)).json()[args[0]]
        assert answer, args  # the search finds the file's records; the quiz asks something
        safe = markdown.render(args[0], _harmless(answer, _TEXT_KEYS[args[0]]), lang, "2026-11-29")
        _checked(document, structure(safe), args)
    # Every text is shown as written (its spaces and line breaks made single spaces).
    everything = "\n".join(seen)
    missing = [t for t in texts.shown_in(lang) if " ".join(t.split()) not in everything]
    assert not missing, missing


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
