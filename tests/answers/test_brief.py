"""`info --brief` (issue 34): the Day in at most eight lines, in both languages and every
format, its facts worked out here from the calendar rather than read from the tool."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import Invoke
from tests.environment import NOW

# In Vietnam (UTC+7) the tests' instant is 28 November 2026: the last Day is this year's,
# the fifth since the first in 2022, and the next is the sixth.
TODAY = (NOW + dt.timedelta(hours=7)).date()
LAST, NEXT = dt.date(TODAY.year, 10, 10), dt.date(TODAY.year + 1, 10, 10)
WORDS = {
    "en": {
        "decision": "Decision 505/QĐ-TTg",
        "signed": "22 April 2022",
        "last": f"the {LAST.year - 2021}th, on {LAST:%A}, 10 October {LAST.year}",
        "next": f"the {NEXT.year - 2021}th, on {NEXT:%A}, 10 October {NEXT.year}",
        "days": f"in {(NEXT - TODAY).days} days",
        "lead": "Ministry of Science and Technology",
    },
    "vi": {
        "decision": "Quyết định 505/QĐ-TTg",
        "signed": "22/4/2022",
        "last": f"lần thứ năm, vào {'Thứ Bảy' if LAST.weekday() == 5 else '?'}, 10/10/{LAST.year}",
        "next": f"lần thứ sáu, vào {'Chủ Nhật' if NEXT.weekday() == 6 else '?'}, 10/10/{NEXT.year}",
        "days": f"còn {(NEXT - TODAY).days} ngày",
        "lead": "Bộ Khoa học và Công nghệ",
    },
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_brief_says_what_the_day_is_the_last_and_next_and_who_leads(
    run: Invoke, lang: str, fmt: str
) -> None:
    result = run("info", "--brief", "--format", fmt, "--lang", lang)
    assert result.exit_code == 0 and result.stderr == ""
    assert len(result.stdout.rstrip("\n").splitlines()) <= 8
    said = " ".join(result.stdout.split())
    for key, words in WORDS[lang].items():
        assert words in said, (key, words)


def test_the_brief_for_scripts_gives_the_same_facts(run: Invoke) -> None:
    rows = [line.split("\t") for line in run("info", "--brief", "--plain").stdout.splitlines()]
    assert len(rows) <= 8
    assert [row[0] for row in rows] == ["what", "latest", "next", "lead"]
    assert rows[1][1:4] == [str(LAST.year), "5", LAST.isoformat()]
    assert rows[2][1:5] == [str(NEXT.year), "6", NEXT.isoformat(), str((NEXT - TODAY).days)]
    assert rows[3][-1] == WORDS["en"]["lead"]
    brief = run("info", "--brief", "--json").json()["info"]["brief"]
    assert WORDS["en"]["decision"] in str(brief) and WORDS["en"]["lead"] in str(brief)
