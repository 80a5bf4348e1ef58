"""The tool's own words: both languages, each one used, ordinals and weekdays right."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from digiday import i18n
from digiday.model import ROLES, SECTIONS

PACKAGE = Path(i18n.__file__).parent


def test_every_word_in_both_languages_and_nfc() -> None:
    for key, (vi, en) in i18n.WORDS.items():
        assert en, key  # the Vietnamese translation note is deliberately empty
        assert vi or key == "translation_note", key
        for text in (vi, en):
            assert unicodedata.normalize("NFC", text) == text


def test_every_word_is_used() -> None:
    others = "\n".join(
        path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py") if path.name != "i18n.py"
    )
    itself = (PACKAGE / "i18n.py").read_text(encoding="utf-8")
    for key in i18n.WORDS:
        quoted = (f'"{key}"', f"'{key}'")
        used = any(q in others for q in quoted) or itself.count(f'"{key}"') > 1
        assert used or key in SECTIONS or key in ROLES, f"unused word {key!r}"


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
    ("explicit", "environ", "expected"),
    [
        (None, {}, ("en", "default")),
        ("vi", {"DIGIDAY_LANG": "en"}, ("vi", "--lang")),
        (None, {"DIGIDAY_LANG": "vi", "LANG": "en_US"}, ("vi", "DIGIDAY_LANG")),
        (None, {"DIGIDAY_LANG": "", "LANG": "vi_VN.UTF-8"}, ("vi", "LANG")),
        (None, {"LC_ALL": "", "LC_MESSAGES": "vi", "LANG": "en"}, ("vi", "LC_MESSAGES")),
        (None, {"LC_ALL": "en_GB", "LANG": "vi_VN"}, ("en", "LC_ALL")),
        (None, {"LANG": "VI_vn"}, ("vi", "LANG")),
        (None, {"DIGIDAY_LANG": "fr"}, ("fr", "DIGIDAY_LANG")),  # reported by the caller
    ],
)
def test_choose_lang(
    explicit: str | None, environ: dict[str, str], expected: tuple[str, str]
) -> None:
    assert i18n.choose_lang(explicit, environ) == expected
