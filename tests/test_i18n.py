"""The tool's own words: both languages, each one used, ordinals and weekdays right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digiday import i18n
from digiday.env import choose_lang
from digiday.errors import ExitStatus, Failure
from digiday.model import ROLES, SECTIONS

PACKAGE = Path(i18n.__file__).parent


def test_every_word_is_used() -> None:
    others = "\n".join(
        path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py") if path.name != "i18n.py"
    )
    itself = (PACKAGE / "i18n.py").read_text(encoding="utf-8")
    for key in i18n.WORDS:
        quoted = (f'"{key}"', f"'{key}'")
        used = any(q in others for q in quoted) or itself.count(f'"{key}"') > 1
        assert used or key in SECTIONS, f"unused word {key!r}"


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


def test_a_bad_lang_option_is_a_usage_error_in_the_locale_language() -> None:
    with pytest.raises(Failure) as raised:
        choose_lang(["--lang", "fr"], {"LANG": "vi_VN.UTF-8"})
    assert raised.value.status == ExitStatus.USAGE
    assert raised.value.message == "ngôn ngữ không hợp lệ 'fr' ở --lang (chọn: vi, en)"
