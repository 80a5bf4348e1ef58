"""`digiday ics`: valid RFC 5545, one all-day transparent event a year, reproducible."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from icalendar import Calendar

from digiday import data
from tests.conftest import Invoke


def calendar_of(run: Invoke, *args: str) -> tuple[bytes, Calendar]:
    result = run("ics", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    raw = result.stdout_bytes
    return raw, Calendar.from_ical(raw)


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
    # 2026: no theme, none invented; the Day is before the data's date (1/12/2026).
    assert "Theme: (not found as of 01/12/2026)" in str(events[2]["description"])
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
    # A write that fails is exit 74 (the answer could not be written), naming the folder
    # that is missing, whole.
    result = run("ics", "-o", str(tmp_path / "missing" / "day.ics"))
    assert result.exit_code == 74
    folder = tmp_path / "missing"
    assert result.stderr == f"digiday: cannot write '{folder}': No such file or directory\n"
    assert result.stdout == ""


def test_a_user_theme_reaches_the_calendar(run: Invoke, tmp_path: Path) -> None:
    overlay = tmp_path / "2027.yaml"
    overlay.write_text(
        "themes:\n  - year: 2027\n    theme: {vi: Chủ đề 2027, en: Theme of 2027}\n"
        "    sources: [omicall-article]\n",
        encoding="utf-8",
    )
    _, cal = calendar_of(run, "--from", "2027", "--to", "2027", "--data", str(overlay))
    assert "Theme: Theme of 2027" in str(cal.walk("VEVENT")[0]["description"])


def _events(run: Invoke, *args: str) -> dict[int, Any]:
    _, cal = calendar_of(run, "--from", "2024", "--to", "2030", *args)
    return {event.decoded("dtstart").year: event for event in cal.walk("VEVENT")}


def test_each_event_has_its_revision_its_address_and_categories(run: Invoke) -> None:
    events = _events(run)
    # 2024 and 2025 say more than a year with no facts (their themes): revision 1 or later
    # (2025's ceremony was corrected in the second audit: 2). 2030 says only what any year
    # says: revision 0.
    assert [int(events[year]["sequence"]) for year in (2024, 2025, 2030)] == [1, 2, 0]
    modified = dt.datetime(2026, 11, 29, tzinfo=dt.timezone.utc)
    assert events[2024].decoded("last-modified") == modified
    sources = {source.id: source.url for source in data.load().sources}
    theme = data.load().theme_for(2025)
    assert theme is not None
    assert str(events[2025]["url"]) == sources[theme.sources[0]]
    assert "url" not in events[2030]  # no theme, no source to point to
    assert events[2025]["categories"].cats == ["National day", "Digital transformation"]
    vi = _events(run, "--lang", "vi")
    assert vi[2025]["categories"].cats == ["Ngày quốc gia", "Chuyển đổi số"]


def test_a_changed_event_gets_the_next_revision_and_the_rest_stay(
    run: Invoke, tmp_path: Path
) -> None:
    before = _events(run)
    overlay = tmp_path / "change.yaml"
    overlay.write_text(
        "themes:\n"
        "  - year: 2025\n    theme: {vi: Chủ đề mới, en: A new theme}\n"
        "    sources: [omicall-article]\n"
        "  - year: 2029\n    theme: {vi: Chủ đề 2029, en: Theme of 2029}\n"
        "    sources: [omicall-article]\n",
        encoding="utf-8",
    )
    after = _events(run, "--data", str(overlay))
    for year in (2025, 2029):  # a changed event, and one that had no facts before
        assert int(after[year]["sequence"]) == int(before[year]["sequence"]) + 1
        assert after[year].decoded("last-modified") >= before[year].decoded("last-modified")
    for year in (2024, 2026, 2030):
        assert after[year].to_ical() == before[year].to_ical()
    # The same data gives the same bytes, run after run.
    args = ("ics", "--from", "2024", "--to", "2030", "--data", str(overlay))
    assert run(*args).stdout_bytes == run(*args).stdout_bytes


def test_the_bundled_revisions_follow_what_each_event_says() -> None:
    # The ledger in data/meta.yaml: every year with facts is listed, with the digest of what
    # its event says now (the docs test checks the file is what docs/generate.py writes).
    from digiday.render import ics

    revisions, since = data.calendar_revisions()
    dataset = data.load()
    assert since
    for theme in dataset.themes:
        digest, sequence, modified = revisions[theme.year]
        assert digest == ics.digest(dataset, theme.year, data.bundled_as_of())
        assert sequence >= 1 and modified >= since
