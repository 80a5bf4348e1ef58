"""The catalogue: every word the tool writes is marked, translated, and reaches the reader.

As python-holidays checks its catalogues: the `.po` against the code (scripts/catalogue.py),
each entry against its msgid, the compiled `.mo` against the `.po`; then the program itself,
in Vietnamese, for any English it still writes.
"""

from __future__ import annotations

import gettext
import re
import string
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from digiday.l10n import translate
from tests.conftest import Invoke

# The reader's locale and the output's encoding are what these test: CI runs them again
# under a Vietnamese locale and an ASCII-only output (the `locale` marker).
pytestmark = pytest.mark.locale

PACKAGE = Path(translate.__file__).parents[1]
PO = PACKAGE / "l10n" / "locale" / "vi" / "LC_MESSAGES" / "digiday.po"
MO = PO.with_suffix(".mo")


def catalogue() -> Any:
    with PO.open("rb") as source:
        return read_po(source)


def entries() -> list[Any]:
    return [message for message in catalogue() if message.id]


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def script() -> Any:
    """scripts/catalogue.py as a module (it is a script, not part of the package)."""
    import importlib.util

    path = PACKAGE.parent / "scripts" / "catalogue.py"
    spec = importlib.util.spec_from_file_location("catalogue", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_msgid_in_the_code_is_in_the_catalogue_and_nothing_else() -> None:
    # What `python3 scripts/catalogue.py --check` says: nothing.
    assert script().problems() == []
    assert not catalogue().obsolete


def test_the_extraction_sees_every_way_a_word_is_said(tmp_path: Path) -> None:
    source = tmp_path / "said.py"
    source.write_text(
        "a = f\"{tr('Sources', lang)}: {x}\"\n"  # inside an f-string, which tokens hide
        "b = N_('Later')\n"
        "c = t.pgettext('role', 'Lead')\n"
        "d = t.ngettext('{n} day', '{n} days', n)\n"
        "e = tr(label, lang)\n"  # not a literal: a name bound to an N_() elsewhere
        "f = print('Not a word')\n",
        encoding="utf-8",
    )
    module = script()
    with source.open("rb") as file:
        found = list(module.extract_python_ast(file, module.KEYWORDS, [], {}))
    assert [(name, words) for _, name, words, _ in found] == [
        ("tr", ("Sources", None)),
        ("N_", ("Later",)),
        ("pgettext", ("role", "Lead")),
        ("ngettext", ("{n} day", "{n} days", None)),
        ("tr", (None, None)),
    ]


def test_the_check_finds_a_missing_msgid_and_an_obsolete_one() -> None:
    module = script()
    po = catalogue()
    po.delete("Theme")
    po.add("A word the code no longer says", "Một từ cũ")
    assert module.problems(po) == [
        "missing from the .po: (None, 'Theme')",
        "obsolete in the .po: (None, 'A word the code no longer says')",
    ]


def test_updating_a_current_catalogue_changes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "digiday.po"
    copy.write_bytes(PO.read_bytes())
    script().update(copy)
    assert copy.read_bytes() == PO.read_bytes()
    assert copy.with_suffix(".mo").read_bytes() == MO.read_bytes()


def test_every_entry_is_translated_and_keeps_its_placeholders() -> None:
    assert len(entries()) > 250
    for message in entries():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        assert not message.fuzzy, message.id
        for text in texts:
            assert text, f"untranslated: {message.id!r}"
            assert unicodedata.normalize("NFC", text) == text, message.id
            assert _fields(text) == _fields(ids[0]), f"placeholders differ: {message.id!r}"


def test_the_catalogue_declares_vietnamese_and_its_one_plural_form() -> None:
    po = catalogue()
    assert str(po.locale) == "vi"
    assert po.plural_expr == "0" and po.num_plurals == 1


def test_the_compiled_catalogue_is_current() -> None:
    assert MO.exists(), "no digiday.mo: reinstall (pip install -e .) to compile it"
    with MO.open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for message in entries():
        if isinstance(message.id, tuple):
            got = translations.ngettext(message.id[0], message.id[1], 1)
            expected = message.string[0]
        elif message.context:
            got, expected = translations.pgettext(message.context, message.id), message.string
        else:
            got, expected = translations.gettext(message.id), message.string
        assert got == expected, f"{MO.name} is stale: reinstall (pip install -e .)"


# What every command prints, in Vietnamese, in every format and its help. (The list of
# sources is left out: their titles are the pages' own, in either language.)
VIETNAMESE_RUNS = [
    *(
        [command, *extra, "--lang", "vi"]
        for command in ("info", "agencies", "themes", "editions", "countdown")
        for extra in ([], ["--plain"], ["--format", "markdown"], ["--help"])
    ),
    ["sources", "--help", "--lang", "vi"],
    ["editions", "2024", "--lang", "vi"],
    ["editions", "2024", "--format", "markdown", "--lang", "vi"],
    ["sources", "vietnamnet-2025-ceremony", "--lang", "vi"],
    ["targets", "--lang", "vi"],
    ["targets", "--format", "markdown", "--lang", "vi"],
    ["targets", "--help", "--lang", "vi"],
    ["search", "chuyen", "doi", "so", "--lang", "vi"],
    ["search", "chuyen", "doi", "so", "--format", "markdown", "--lang", "vi"],
    ["ics", "--from", "2022", "--to", "2026", "--lang", "vi"],
    ["--help", "--lang", "vi"],
    ["is-today", "--help", "--lang", "vi"],
    ["validate", "--help", "--lang", "vi"],
    ["--version", "--lang", "vi"],
    *(["quiz", "--seed", "7", *extra, "--lang", "vi"] for extra in ([], ["--format", "text"])),
    ["quiz", "--help", "--lang", "vi"],
]


def _english_phrases() -> list[str]:
    """Every msgid of two or more words whose Vietnamese differs from it, as a pattern."""
    phrases = []
    for message in entries():
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        translated = message.string if isinstance(message.string, str) else message.string[0]
        # The literal parts between placeholders, each of which must not appear.
        for part in re.split(r"\{[^}]*\}", msgid):
            words = part.strip(" .,:;()'!")
            if len(words.split()) >= 2 and words not in translated:
                phrases.append(words)
    return phrases


@pytest.mark.parametrize("args", VIETNAMESE_RUNS, ids=" ".join)
def test_a_vietnamese_reader_sees_none_of_the_tools_english(run: Invoke, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    output = result.stdout_bytes.decode("utf-8").replace("\r\n ", "").replace("\r\n", "\n")
    output = re.sub(r"^PRODID:.*$", "", output, flags=re.M)  # an identifier, not for reading
    for phrase in _english_phrases():
        assert phrase not in output, phrase


def test_help_is_vietnamese_wherever_lang_is_given(run: Invoke) -> None:
    for args in (
        ["--lang", "vi", "countdown", "--help"],
        ["countdown", "--help", "--lang", "vi"],
        ["countdown", "--help", "--lang=VI"],
    ):
        result = run(*args)
        assert result.stdout.startswith("Cách dùng: digiday countdown [TÙY_CHỌN]"), args


def test_lang_before_the_command_is_accepted(run: Invoke) -> None:
    result = run("--lang", "vi", "countdown", "--date", "2026-11-28")
    assert result.exit_code == 0
    assert "Còn 316 ngày đến Ngày Chuyển đổi số quốc gia lần thứ sáu" in result.stdout


def test_a_bad_digiday_lang_never_changes_an_exit_status(run: Invoke) -> None:
    on_the_day = run("is-today", "--date", "2026-10-10", env={"DIGIDAY_LANG": "fr"})
    assert on_the_day.exit_code == 0
    assert on_the_day.stderr.count("\n") == 1
    other_day = run("is-today", "--date", "2026-10-11", env={"DIGIDAY_LANG": "fr"})
    assert other_day.exit_code == 1


def test_validate_lists_its_problems_in_vietnamese(tmp_path: Path, run: Invoke) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("themes:\n  - year: twenty\n    theme: {vi: x}\n", encoding="utf-8")
    result = run("validate", str(path), "--lang", "vi")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"digiday: '{path}', dòng 2: themes[0].year: cần một năm, nhưng gặp 'twenty'",
        f"digiday: '{path}', dòng 2: themes[0]: thiếu khóa 'sources'",
        f"digiday: '{path}', dòng 3: themes[0].theme: thiếu ngôn ngữ 'en'",
    ]
    good = tmp_path / "good.yaml"
    good.write_text(
        "themes:\n  - year: 2031\n    theme: {vi: Chủ đề, en: Theme}\n"
        "    sources: [omicall-article]\n",
        encoding="utf-8",
    )
    summary = run("validate", str(good), "--lang", "vi")
    assert summary.stdout == f"'{good}': hợp lệ; thêm 1 chủ đề\n"
