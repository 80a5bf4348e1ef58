"""`digiday ics`: valid RFC 5545, one all-day transparent event a year, reproducible."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import Invoke


def calendar_of(run: Invoke, *args: str) -> tuple[bytes, Calendar]:
    result = run("ics", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    raw = result.stdout_bytes
    return raw, Calendar.from_ical(raw)


@pytest.mark.usefixtures("now")
def test_default_range_is_2022_to_ten_years_after_the_next_day(run: Invoke) -> None:
    _, cal = calendar_of(run)
    events = cal.walk("VEVENT")
    # Today is 2026-11-28, so the next Day is in 2027: 2022..2037 is 16 events.
    assert [e.decoded("dtstart").year for e in events] == list(range(2022, 2038))


def test_each_event(run: Invoke) -> None:
    raw, cal = calendar_of(run, "--from", "2024", "--to", "2026")
    events = cal.walk("VEVENT")
    assert len(events) == 3
    first = events[0]
    assert first.decoded("dtstart") == dt.date(2024, 10, 10)
    assert first.decoded("dtend") == dt.date(2024, 10, 11)
    assert b"DTSTART;VALUE=DATE:20241010" in raw
    assert str(first["transp"]) == "TRANSPARENT"
    assert str(first["summary"]) == "3rd National Digital Transformation Day"
    assert "Theme: Universalising digital infrastructure" in str(first["description"])
    assert "not known" in str(events[2]["description"])  # 2026: no theme, none invented
    assert len({str(e["uid"]) for e in events}) == 3


def test_vietnamese(run: Invoke) -> None:
    _, cal = calendar_of(run, "--from", "2025", "--to", "2025", "--lang", "vi")
    event = cal.walk("VEVENT")[0]
    assert str(event["summary"]) == "Ngày Chuyển đổi số quốc gia lần thứ tư"
    assert "Chủ đề: Chuyển đổi số: Nhanh hơn - hiệu quả hơn - gần dân hơn" in str(
        event["description"]
    )


def test_lines_are_folded_at_75_octets_with_crlf(run: Invoke) -> None:
    raw, _ = calendar_of(run, "--lang", "vi", "--from", "2022", "--to", "2030")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")
    assert all(b"\n" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # Vietnamese descriptions do fold


@pytest.mark.usefixtures("now")
def test_two_runs_are_identical_and_uids_stable(run: Invoke) -> None:
    assert run("ics").stdout == run("ics").stdout
    _, early = calendar_of(run, "--from", "2022", "--to", "2023")
    _, late = calendar_of(run, "--from", "2023", "--to", "2024")
    assert str(early.walk("VEVENT")[1]["uid"]) == str(late.walk("VEVENT")[0]["uid"])


def test_output_file_written_atomically(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "day.ics"
    target.write_text("old", encoding="utf-8")
    result = run("ics", "--from", "2022", "--to", "2022", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert [p.name for p in tmp_path.iterdir()] == ["day.ics"]  # no temporary file left


def test_unwritable_output_is_an_error(run: Invoke, tmp_path: Path) -> None:
    result = run("ics", "-o", str(tmp_path / "missing" / "day.ics"))
    assert result.exit_code == 2
    assert "missing" in result.stderr and result.stdout == ""


def test_a_user_theme_reaches_the_calendar(run: Invoke, tmp_path: Path) -> None:
    overlay = tmp_path / "2027.yaml"
    overlay.write_text(
        "themes:\n  - year: 2027\n    theme: {vi: Chủ đề 2027, en: Theme of 2027}\n"
        "    sources: [omicall-article]\n",
        encoding="utf-8",
    )
    _, cal = calendar_of(run, "--from", "2027", "--to", "2027", "--data", str(overlay))
    assert "Theme: Theme of 2027" in str(cal.walk("VEVENT")[0]["description"])
