"""The tool's own words: both languages, each one used, ordinals and weekdays right."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from digiday import i18n
from digiday.env import choose_lang
from digiday.errors import ExitStatus, Failure
from digiday.model import ROLES, SECTIONS
from tests.conftest import Invoke

PACKAGE = Path(i18n.__file__).parent


def words_looked_up(source: str) -> set[str]:
    """The WORDS keys that `source` looks up: `word("key", ...)`, or `word(name, ...)` where
    `name` runs over a tuple of keys (`for key in ("a", "b")`) or over SECTIONS, or is
    `section`."""
    tree = ast.parse(source)
    loops: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        pairs: list[tuple[ast.expr, ast.expr]] = []
        if isinstance(node, (ast.For, ast.comprehension)):
            pairs.append((node.target, node.iter))
        for target, over in pairs:
            if not isinstance(target, ast.Name):
                continue
            keys = loops.setdefault(target.id, set())
            if isinstance(over, ast.Tuple):
                keys |= {
                    e.value
                    for e in over.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                }
            elif isinstance(over, ast.Name) and over.id == "SECTIONS":
                keys |= set(SECTIONS)
    used: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name != "word":
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            used.add(first.value)
        elif isinstance(first, ast.Name):
            # `word(section, lang)` over a payload's sections: they are SECTIONS.
            used |= set(SECTIONS) if first.id == "section" else loops.get(first.id, set())
    return used


def test_every_word_is_used() -> None:
    # Only a lookup counts: the key written anywhere else (a JSON field of the same name,
    # the table itself) does not.
    used = set().union(*(words_looked_up(p.read_text("utf-8")) for p in PACKAGE.rglob("*.py")))
    assert sorted(set(i18n.WORDS) - used) == []


def test_a_word_written_out_is_not_a_word_looked_up() -> None:
    # The check above must see the difference (a literal where the lookup was).
    assert words_looked_up('word("cited_by", lang)') == {"cited_by"}
    assert words_looked_up('"cited_by"; f"{lang}"') == set()
    assert words_looked_up('[word(k, lang) for k in ("a", "b")]') == {"a", "b"}


def test_every_role_has_a_label_in_both_languages() -> None:
    for role in ROLES:
        assert i18n.role(role, "en") and i18n.role(role, "vi")
        assert i18n.role(role, "en") != i18n.role(role, "vi")


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
    assert i18n.ordinal(number, "vi") == vi
    assert i18n.ordinal(number, "en") == en


def test_weekdays_follow_date_weekday() -> None:
    sunday = dt.date(2027, 10, 10)  # a Sunday, as the contract's example says
    assert i18n.weekday(sunday.weekday(), "en") == "Sunday"
    assert i18n.weekday(sunday.weekday(), "vi") == "Chủ Nhật"
    assert i18n.weekday(dt.date(2026, 10, 10).weekday(), "vi") == "Thứ Bảy"


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
    assert choose_lang(argv, environ) == (expected, None)


def test_a_bad_digiday_lang_means_english_and_a_warning() -> None:
    lang, warning = choose_lang([], {"DIGIDAY_LANG": "fr", "LANG": "vi_VN.UTF-8"})
    assert lang == "en"
    assert warning == "unknown language 'fr' in DIGIDAY_LANG: using English (choose: vi, en)"


def test_a_bad_lang_option_is_a_usage_error_in_the_locale_language(run: Invoke) -> None:
    with pytest.raises(Failure) as raised:
        choose_lang(["--lang", "fr"], {"LANG": "vi_VN.UTF-8"})
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
        ({"LANGUAGE": "vi", "LANG": "C.UTF-8"}, "en"),  # gettext ignores it under C
        ({"LANGUAGE": "vi", "LC_ALL": "POSIX", "LANG": "en_US.UTF-8"}, "en"),
        ({"LANGUAGE": "vi"}, "en"),  # no locale set is the C locale
        ({"LANGUAGE": "en", "LANG": "en_US.UTF-8", "DIGIDAY_LANG": "vi"}, "vi"),
    ],
)
def test_language_is_read_as_gettext_reads_it(environ: dict[str, str], expected: str) -> None:
    assert choose_lang([], environ) == (expected, None)


def test_language_reaches_the_whole_program(run: Invoke) -> None:
    result = run("countdown", env={"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"})
    assert "Còn 316 ngày đến Ngày Chuyển đổi số quốc gia lần thứ sáu" in result.stdout
