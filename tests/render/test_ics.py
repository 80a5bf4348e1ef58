"""`digiday ics`: valid RFC 5545, one all-day transparent event a year, reproducible."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any, cast

from icalendar import Calendar

from digiday.store.loader import Data
from tests.conftest import Invoke
from tests.environment import ROOT
from tests.fixture_data import FOLDER as FIXTURE
from tests.fixture_data import bundled


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
    # 2026: no theme known, none invented, and no placeholder line to sit in a calendar for
    # years; nothing in it calls the Day a holiday (National Day is 2 September).
    assert "Theme" not in str(events[2]["description"])
    categories = {str(c) for e in events for c in cast(Any, e["categories"]).cats}
    assert categories == {"Digital transformation", "Vietnam"}
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
    # A write that fails is exit 74 (the answer could not be written), naming the file as
    # given and the folder that is missing, whole (newcomer D17).
    target = tmp_path / "missing" / "day.ics"
    result = run("ics", "-o", str(target))
    assert result.exit_code == 74
    folder = tmp_path / "missing"
    assert result.stderr == (
        f"digiday: cannot write '{target}': the folder '{folder}' does not exist\n"
    )
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
    # 2024 and 2025 say more than a year with no facts (their themes): one revision past
    # the rest, at least. 2030 says only what any year says: the rest's revision, which
    # moved on once (issue 34: no placeholder, no "National day" category).
    _, ledger = ledger_of(BUNDLED_META)
    rest = ledger_of(BUNDLED_META)[0]["calendar_rest"]
    assert int(events[2030]["sequence"]) == rest[1] >= 1
    assert int(events[2024]["sequence"]) == ledger[2024][1] > rest[1]
    assert int(events[2025]["sequence"]) == ledger[2025][1] > rest[1]
    modified = dt.datetime.fromisoformat(ledger[2024][2]).replace(tzinfo=dt.timezone.utc)
    assert events[2024].decoded("last-modified") == modified
    sources = {source.id: source.url for source in Data().dataset.sources.values()}
    theme = Data().dataset.themes.get(2025)
    assert theme is not None
    assert str(events[2025]["url"]) == sources[theme.sources[0]]
    assert "url" not in events[2030]  # no theme, no source to point to
    # Not "National day": in Vietnam that is 2 September, a holiday (newcomer D16).
    assert events[2025]["categories"].cats == ["Digital transformation", "Vietnam"]
    vi = _events(run, "--lang", "vi")
    assert vi[2025]["categories"].cats == ["Chuyển đổi số", "Việt Nam"]


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


# The calendar ledger (data/meta.yaml, written by scripts/ledger.py), checked against the calendar
# itself: what each year's event says as `digiday ics` writes it now, by the digest rule the
# ledger documents, and not by the function that writes the ledger.


def said_digests(run: Invoke, years: range) -> dict[int, str]:
    """Each year's digest by the documented rule: the first 16 hexadecimal digits of the
    SHA-256 of the JSON array, not ASCII-escaped, of what the event says in Vietnamese and
    then in English, each [SUMMARY, DESCRIPTION, URL or null, [CATEGORIES]]."""
    said: dict[int, list[list[object]]] = {year: [] for year in years}
    for lang in ("vi", "en"):
        _, cal = calendar_of(run, "--from", str(years[0]), "--to", str(years[-1]), "--lang", lang)
        events: list[Any] = cal.walk("VEVENT")
        for event in events:
            url = str(event["url"]) if "url" in event else None
            categories = [str(category) for category in event["categories"].cats]
            said[event.decoded("dtstart").year].append(
                [str(event["summary"]), str(event["description"]), url, categories]
            )
    return {
        year: hashlib.sha256(json.dumps(both, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
        for year, both in said.items()
    }


def revisions_of(run: Invoke, years: range) -> dict[int, tuple[int, str]]:
    """(SEQUENCE, LAST-MODIFIED) of each year's event, as the calendar gives them."""
    _, cal = calendar_of(run, "--from", str(years[0]), "--to", str(years[-1]))
    events: list[Any] = cal.walk("VEVENT")
    return {
        event.decoded("dtstart").year: (
            int(event["sequence"]),
            event.decoded("last-modified").date().isoformat(),
        )
        for event in events
    }


def ledger_of(meta: Path) -> tuple[dict[str, Any], dict[int, list[Any]]]:
    """A meta.yaml, read as YAML (not by the program): its fields, and its ledger by year."""
    import yaml

    fields = yaml.safe_load(meta.read_text(encoding="utf-8"))
    return fields, {int(year): entry for year, entry in (fields.get("calendar") or {}).items()}


BUNDLED_META = ROOT / "data" / "meta.yaml"


def test_the_ledger_gives_each_year_the_digest_of_what_its_event_says_now(run: Invoke) -> None:
    """What a stale ledger looks like: a theme or a ceremony edited, a year added, the data's
    date moved (an unknown part is told with it), and scripts/ledger.py not run after."""
    _, ledger = ledger_of(BUNDLED_META)
    dataset = Data().dataset
    with_facts = {theme.year for theme in dataset.themes.values()} | {
        ed.year for ed in dataset.editions.values()
    }
    missing = sorted(with_facts - set(ledger))
    assert missing == [], f"no revision for {missing}: run python3 scripts/ledger.py"
    years = range(min(ledger), max(ledger) + 1)
    said = said_digests(run, years)
    stale = sorted(year for year, (digest, _, _) in ledger.items() if digest != said[year])
    assert stale == [], (
        f"the events of {stale} say something else now: run python3 scripts/ledger.py"
    )
    # And the calendar gives each listed year the ledger's revision, as written.
    shown = revisions_of(run, years)
    assert {year: shown[year] for year in ledger} == {
        year: (sequence, modified) for year, (_, sequence, modified) in ledger.items()
    }
    # A year not listed: the rest, whose digest is what the year 2100 says.
    digest, sequence, modified = ledger_of(BUNDLED_META)[0]["calendar_rest"]
    assert said_digests(run, range(2100, 2101))[2100] == digest, "run python3 scripts/ledger.py"
    assert revisions_of(run, range(2100, 2101))[2100] == (sequence, modified)


def test_the_ledgers_revisions_are_dated_within_the_ledger() -> None:
    fields, ledger = ledger_of(BUNDLED_META)
    _, rest, since = fields["calendar_rest"]
    since, as_of = dt.date.fromisoformat(since), dt.date.fromisoformat(fields["data_as_of"])
    assert since <= as_of
    dataset = Data().dataset
    for year, (digest, sequence, modified) in ledger.items():
        assert len(digest) == 16 and int(digest, 16) >= 0, year
        # A year with a theme says more than a year with no facts: past the rest.
        assert sequence >= (rest + 1 if dataset.themes.get(year) else rest), year
        assert since <= dt.date.fromisoformat(modified) <= as_of, year
    # Two events never say the same: each summary names its own edition.
    assert len({digest for digest, _, _ in ledger.values()}) == len(ledger)


@functools.cache
def ledger_script() -> Any:
    """scripts/ledger.py as a module (a maintainer's script, not part of the package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "ledger", BUNDLED_META.parents[1] / "scripts" / "ledger.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_ledger_script_moves_a_changed_year_on_and_leaves_the_rest(
    run: Invoke, tmp_path: Path
) -> None:
    """On the tests' own data, whose ledger (tests/fixtures/data/meta.yaml) is stale on
    purpose: 2023 at a digest its event no longer has, 2024 and 2027 (with facts) unlisted."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    meta = folder / "meta.yaml"
    before = meta.read_bytes()
    with bundled(folder):
        assert ledger_script().main(["--check"], meta) == 1
        assert meta.read_bytes() == before  # --check writes nothing
        assert ledger_script().main([], meta) == 0
    fields, ledger = ledger_of(meta)
    with bundled(folder):  # the ledger just written, read as the bundled data's
        said = said_digests(run, range(2022, 2028))
        rest = said_digests(run, range(2100, 2101))[2100]
        assert ledger_script().main(["--check"], meta) == 0
    assert fields["data_as_of"] == "2026-11-01"
    # The rest's digest was stale: the next revision, as of the data.
    assert fields["calendar_rest"] == [rest, 1, "2026-11-01"]
    assert ledger == {
        2022: [said[2022], 3, "2026-09-01"],  # unchanged: its line stays
        2023: [said[2023], 2, "2026-11-01"],  # changed: the next revision, as of the data
        2024: [said[2024], 2, "2026-11-01"],  # facts, and no line before: past the rest
        2025: [said[2025], 1, "2026-06-01"],
        2027: [said[2027], 2, "2026-11-01"],
    }  # 2026 has no facts: not listed
    assert meta.read_text(encoding="utf-8").startswith(
        "# The date the bundled data was last checked against its sources"
    )
