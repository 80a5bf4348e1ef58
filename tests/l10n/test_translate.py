"""The tool's own words (digiday.l10n.translate): both languages, each one used, ordinals and
weekdays right."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from digiday.core.model import ROLES
from digiday.environment import choose_lang
from digiday.errors import ExitStatus, Failure
from digiday.l10n import translate
from tests.conftest import Invoke

# The reader's locale and the output's encoding are what these test: CI runs them again
# under a Vietnamese locale and an ASCII-only output (the `locale` marker).
pytestmark = pytest.mark.locale

PACKAGE = Path(translate.__file__).parents[1]


def deferred_words(source: str) -> set[str]:
    """The names that `source` binds, at the top of the module, to words marked `N_()` for
    later (`KINDS_NOTE = N_(...)`, a tuple or a dict of them)."""
    found = set()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            marks = any(
                isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "N_"
                for n in ast.walk(node.value)
            )
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found |= {t.id for t in targets if marks and isinstance(t, ast.Name)}
    return found


def names_read(source: str) -> set[str]:
    """Every name `source` reads: `NAME`, `module.NAME`, `from module import NAME`."""
    read = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            read.add(node.id)
        elif isinstance(node, ast.Attribute):
            read.add(node.attr)
    return read


# Typer says these itself (they are marked only so that the catalogue carries them);
# tests/cli/test_typer_internals.py checks that it still does.
SAID_BY_TYPER = {"LIBRARY_WORDS"}


def test_every_word_is_used() -> None:
    # A word said where it is written (`tr("Theme", lang)`) is used by being there, and the
    # catalogue test holds the .po to exactly those; a word marked for later must be read.
    sources = [path.read_text("utf-8") for path in PACKAGE.rglob("*.py")]
    read = set().union(*map(names_read, sources))
    deferred = set().union(*map(deferred_words, sources))
    assert len(deferred) > 5  # the search works
    assert sorted(deferred - read - SAID_BY_TYPER) == []


def test_a_word_marked_for_later_counts_only_where_it_is_read() -> None:
    # The check above must see the difference.
    assert deferred_words('NOTE = N_("a")\nFORMS = {"st": N_("{n}st")}\nX = "b"') == {
        "NOTE",
        "FORMS",
    }
    assert deferred_words('def f():\n    NOTE = N_("a")') == set()
    assert "NOTE" in names_read("print(t.gettext(NOTE))")
    assert "NOTE" in names_read("translate.NOTE")
    assert "NOTE" not in names_read('NOTE = N_("a")')


def test_every_role_has_a_label_in_both_languages() -> None:
    for role in ROLES:
        assert translate.role(role, "en") and translate.role(role, "vi")
        assert translate.role(role, "en") != translate.role(role, "vi")


@pytest.mark.parametrize(
    ("number", "vi", "en"),
    [
        (1, "lần thứ nhất", "1st"),
        (2, "lần thứ hai", "2nd"),
        (3, "lần thứ ba", "3rd"),
        (4, "lần thứ tư", "4th"),
        (5, "lần thứ năm", "5th"),
        (10, "lần thứ mười", "10th"),
        (11, "lần thứ 11", "11th"),
        (12, "lần thứ 12", "12th"),
        (13, "lần thứ 13", "13th"),
        (21, "lần thứ 21", "21st"),
        (22, "lần thứ 22", "22nd"),
        (111, "lần thứ 111", "111th"),
    ],
)
def test_ordinals(number: int, vi: str, en: str) -> None:
    assert translate.ordinal(number, "vi") == vi
    assert translate.ordinal(number, "en") == en


def test_weekdays_follow_date_weekday() -> None:
    sunday = dt.date(2027, 10, 10)  # a Sunday, as the contract's example says
    assert translate.weekday(sunday.weekday(), "en") == "Sunday"
    assert translate.weekday(sunday.weekday(), "vi") == "Chủ Nhật"
    assert translate.weekday(dt.date(2026, 10, 10).weekday(), "vi") == "Thứ Bảy"


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        ([], {}, "en"),
        (["--lang", "vi"], {"DIGIDAY_LANG": "en"}, "vi"),
        (["countdown", "--lang=VI"], {}, "vi"),  # choices ignore case
        (["--lang", "vi", "info", "--lang", "en"], {}, "en"),  # the last one counts
        (["search", "--", "--lang", "vi"], {}, "en"),  # after `--` it is a word to search
        ([], {"DIGIDAY_LANG": "vi", "LANG": "en_US"}, "vi"),
        ([], {"DIGIDAY_LANG": "", "LANG": "vi_VN.UTF-8"}, "vi"),
        ([], {"LC_ALL": "", "LC_MESSAGES": "vi", "LANG": "en"}, "vi"),
        ([], {"LC_ALL": "en_GB", "LANG": "vi_VN"}, "en"),
        ([], {"LANG": "VI_vn"}, "vi"),
    ],
)
def test_choose_lang(argv: list[str], environ: dict[str, str], expected: str) -> None:
    from typer.main import get_command

    from digiday.cli.app import app

    given = get_command(app).lang_given("digiday", argv)  # type: ignore[attr-defined]
    assert choose_lang(given, environ) == (expected, None)


def test_a_bad_digiday_lang_means_english_and_a_warning() -> None:
    lang, warning = choose_lang(None, {"DIGIDAY_LANG": "fr", "LANG": "vi_VN.UTF-8"})
    assert lang == "en"
    assert warning == "unknown language 'fr' in DIGIDAY_LANG: using English (choose: vi, en)"


def test_a_bad_lang_option_is_a_usage_error_in_the_locale_language(run: Invoke) -> None:
    with pytest.raises(Failure) as raised:
        choose_lang("fr", {"LANG": "vi_VN.UTF-8"})
    assert raised.value.status == ExitStatus.USAGE
    result = run("info", "--lang", "fr", env={"LANG": "vi_VN.UTF-8"})
    assert result.exit_code == 2
    assert result.stderr == "digiday: ngôn ngữ không hợp lệ 'fr' ở --lang (chọn: vi, en)\n"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"}, "vi"),
        ({"LANGUAGE": "fr:vi_VN:en", "LANG": "en_US.UTF-8"}, "vi"),  # the first vi… or en…
        ({"LANGUAGE": "en_GB:vi", "LANG": "vi_VN.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:de", "LANG": "vi_VN.UTF-8"}, "vi"),  # none: the locale decides
        ({"LANGUAGE": "vi", "LANG": "C.UTF-8"}, "vi"),  # C.UTF-8 is not C: glibc reads it
        ({"LANGUAGE": "vi", "LANG": "C"}, "en"),  # gettext ignores it under C
        ({"LANGUAGE": "vi", "LC_ALL": "POSIX", "LANG": "en_US.UTF-8"}, "en"),
        ({"LANGUAGE": "vi"}, "en"),  # no locale set is the C locale
        ({"LANGUAGE": "en", "LANG": "en_US.UTF-8", "DIGIDAY_LANG": "vi"}, "vi"),
    ],
)
def test_language_is_read_as_gettext_reads_it(environ: dict[str, str], expected: str) -> None:
    assert choose_lang(None, environ) == (expected, None)


def test_language_reaches_the_whole_program(run: Invoke) -> None:
    result = run("countdown", env={"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"})
    assert "Còn 316 ngày đến Ngày Chuyển đổi số quốc gia lần thứ sáu" in result.stdout


def test_a_value_may_have_the_name_of_a_parameter_of_tr() -> None:
    # Problems fill placeholders named `lang` and `message` ("missing language {lang}").
    said = translate.tr("{message}: {lang}", "vi", message="m", lang="en")
    assert said == "m: en"
