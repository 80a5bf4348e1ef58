"""`digiday editions` and `digiday sources ID`: each Day as it happened, and provenance that
can be followed from a source to every item citing it. Expected facts are the first source
audit's, checked by hand against the pages it names."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest

from digiday.store.loader import Data
from tests.conftest import Invoke

CONTRACT_KEYS = {"year", "edition", "date", "theme", "year_theme", "ceremony", "plan", "sources"}
YEAR_THEME_2026 = (
    "Bứt phá kinh tế số - Lấy kinh tế dữ liệu và trí tuệ nhân tạo làm trụ cột phát triển mới "
    "bền vững hơn, thông minh hơn"
)


def test_one_record_per_day_from_2022_to_the_next_day(run: Invoke) -> None:
    editions = run("editions", "--json").json()["editions"]
    # Now is 2026-11-28 in Vietnam, so the next Day is 10 October 2027, the 6th.
    assert [e["year"] for e in editions] == [2022, 2023, 2024, 2025, 2026, 2027]
    assert [e["edition"] for e in editions] == [1, 2, 3, 4, 5, 6]
    assert [e["date"] for e in editions] == [f"{y}-10-10" for y in range(2022, 2028)]
    for edition in editions:
        assert set(edition) >= CONTRACT_KEYS
        for part, keys in (("ceremony", {"date", "place", "chaired_by", "note"}),):
            assert edition[part] is None or keys <= set(edition[part])
        assert edition["plan"] is None or {"document", "date", "issuer"} <= set(edition["plan"])
    assert editions[-1]["theme"] is None and editions[-1]["ceremony"] is None


def test_2026_knows_its_year_theme_and_never_calls_it_the_days(run: Invoke) -> None:
    (vi,) = run("editions", "2026", "--json", "--lang", "vi").json()["editions"]
    assert (vi["edition"], vi["theme"], vi["ceremony"], vi["plan"]) == (5, None, None, None)
    assert vi["year_theme"] == YEAR_THEME_2026
    assert run("themes", "2026", "--json", "--lang", "vi").json()["themes"][0]["theme"] is None
    assert run("countdown", "--json", "--date", "2026-10-01").json()["countdown"]["theme"] is None
    text = run("editions", "2026", "--lang", "vi", env={"COLUMNS": "200"}).stdout
    lines = text.splitlines()
    day_theme = lines.index("Chủ đề của Ngày")
    assert lines[day_theme + 1].strip() == "(chưa tìm thấy, dữ liệu đến 7/12/2026)"
    year_theme = next(i for i, line in enumerate(lines) if line.startswith("Chủ đề năm"))
    assert "không phải chủ đề của Ngày" in lines[year_theme]
    assert lines[year_theme + 1].strip() == YEAR_THEME_2026


def test_2024_ceremony_and_both_readings_of_its_theme(run: Invoke) -> None:
    (en,) = run("editions", "2024", "--json").json()["editions"]
    assert en["ceremony"]["date"] == "2024-10-12"
    assert en["ceremony"]["chaired_by"] == "Prime Minister Phạm Minh Chính"
    assert "63 provinces" in en["ceremony"]["provinces"]
    assert "two days after National Digital Transformation Day" in en["ceremony"]["note"]
    assert en["plan"]["date"] == "2024-06"
    assert en["year_theme"].startswith("Developing the digital economy on four pillars")
    assert en["year_theme"] != en["theme"]
    assert "plan" in en["theme_note"] and "four pillars" in en["theme_note"]
    # The ceremony reports that mixed the two themes are cited for the note, not the theme.
    themes_2024 = run("themes", "2024", "--json").json()["themes"][0]
    assert "baoapbac-2024" not in themes_2024["sources"]
    assert "baoapbac-2024" in en["sources"]


def test_2025_ceremony_moved_for_the_storm(run: Invoke) -> None:
    (vi,) = run("editions", "2025", "--json", "--lang", "vi").json()["editions"]
    assert vi["ceremony"]["date"] == "2025-10-21"
    assert "34" in vi["ceremony"]["provinces"]
    assert "bão số 10" in vi["ceremony"]["note"]
    assert vi["year_theme"].startswith("Chuyển đổi số toàn dân, toàn diện, toàn trình")
    assert vi["theme"] == "Chuyển đổi số: Nhanh hơn - hiệu quả hơn - gần dân hơn"


def test_plain_has_the_fields_its_help_names(run: Invoke) -> None:
    lines = run("editions", "--plain").stdout.splitlines()
    assert len(lines) == 6
    assert all(len(line.split("\t")) == 10 for line in lines)
    fields = lines[2].split("\t")
    assert fields[:3] == ["2024", "3", "2024-10-10"]
    assert fields[5:8] == ["2024-10-12", "Government headquarters, Hanoi", fields[7]]
    assert fields[9] == "2024-06"


def test_list_is_a_table_and_one_year_an_entry(run: Invoke) -> None:
    table = run("editions", "--lang", "vi").stdout
    assert "┃ Năm" in table and "12/10/2024" in table
    entry = run("editions", "2022").stdout
    for heading in ("Theme of the Day", "National ceremony", "Plan", "Digital Consumption Month"):
        assert f"\n{heading}\n" in entry
    assert "Decision 1092/QĐ-BTTTT" in entry
    markdown = run("editions", "2025", "-f", "markdown", "--lang", "vi").stdout
    assert markdown.startswith("# Các lần tổ chức\n\n## 2025: lần thứ tư")
    assert ".." not in markdown


def test_a_year_before_the_first_day_is_a_usage_error(run: Invoke) -> None:
    result = run("editions", "2021")
    assert result.exit_code == 2 and "2021" in result.stderr


def test_an_overlay_adds_next_years_edition(run: Invoke, tmp_path: Path) -> None:
    overlay = tmp_path / "2027.yaml"
    overlay.write_text(
        "editions:\n"
        "  - year: 2027\n"
        "    ceremony:\n"
        '      date: "2027-10-10"\n'
        "      place: {vi: Huế, en: Hue}\n"
        "      sources: [omicall-article]\n",
        encoding="utf-8",
    )
    assert run("validate", str(overlay)).stdout.endswith("valid; adds 1 edition\n")
    (edition,) = run("editions", "2027", "--json", "--data", str(overlay)).json()["editions"]
    assert edition["ceremony"]["place"] == "Hue"
    assert "editions/2027" in run("search", "hue", "--plain", "--data", str(overlay)).stdout
    ics = run("ics", "--from", "2027", "--to", "2027", "--data", str(overlay)).stdout
    assert "National ceremony: 10 October 2027\\, Hue." in ics.replace("\n ", "")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('ceremony:\n      date: "2027-10-1"\n      sources: [omicall-article]', "YYYY-MM-DD"),
        ("ceremony:\n      where: Huế\n      sources: [omicall-article]", "unknown key 'where'"),
        ("plan:\n      sources: [omicall-article]", "missing key 'document'"),
        ("month: {text: {vi: x, en: y}, sources: [nowhere]}", "unknown source id 'nowhere'"),
    ],
)
def test_a_bad_edition_is_refused(run: Invoke, tmp_path: Path, body: str, expected: str) -> None:
    overlay = tmp_path / "bad.yaml"
    overlay.write_text(f"editions:\n  - year: 2027\n    {body}\n", encoding="utf-8")
    result = run("validate", str(overlay))
    assert result.exit_code == 3
    assert expected in result.stderr


def test_sources_id_lists_what_cites_it(run: Invoke) -> None:
    (source,) = run("sources", "vjs-2025-storms", "--json").json()["sources"]
    assert source["cited_by"] == [
        "info/overview/ceremony",
        "info/history/ceremony-2025",
        "editions/2025",
        "measurements/online-services-2025-day",
    ]
    text = run("sources", "vjs-2025-storms", "--lang", "vi").stdout
    assert "Được trích dẫn ở:\n  • info/overview/ceremony\n" in text
    plain = run("sources", "vjs-2025-storms", "--plain").stdout.rstrip("\n").split("\t")
    assert plain[-1] == (
        "info/overview/ceremony | info/history/ceremony-2025 | editions/2025 | "
        "measurements/online-services-2025-day"
    )


def test_an_unknown_source_id_suggests_the_closest(run: Invoke) -> None:
    result = run("sources", "vjs-2025-storm")
    assert result.exit_code == 2 and result.stdout == ""
    assert "'vjs-2025-storm'" in result.stderr and "vjs-2025-storms" in result.stderr
    vi = run("sources", "xyz", "--lang", "vi")
    # newcomer D18: an id close to none gets no list of ids that are not close either.
    assert (vi.exit_code, vi.stderr) == (2, "digiday: không có nguồn 'xyz' (xem digiday sources)\n")


def test_cited_by_agrees_with_what_every_item_says_it_cites(run: Invoke) -> None:
    """An independent count: every item's own `sources`, as each command's JSON gives it."""
    expected: dict[str, list[str]] = {}

    def add(ref: str, ids: list[str]) -> None:
        for ident in dict.fromkeys(ids):
            expected.setdefault(ident, []).append(ref)

    for _section, items in run("info", "--json").json()["info"].items():
        for item in items:
            if not item["ref"].startswith("documents/"):
                add(item["ref"], item["sources"])
    for agency in run("agencies", "--json").json()["agencies"]:
        add(f"agencies/{agency['id']}", agency["sources"])
    for theme in run("themes", "--json").json()["themes"]:
        add(f"themes/{theme['year']}", theme["sources"])
    for edition in run("editions", "2026", "--json").json()["editions"] + [
        e for e in run("editions", "--json").json()["editions"] if e["year"] != 2026
    ]:
        add(f"editions/{edition['year']}", [s for s in edition["sources"]])
    for item in run("info", "history", "--json").json()["info"]["history"]:
        if item["ref"].startswith("documents/"):
            add(item["ref"], item["sources"])
    targets = run("targets", "--json").json()["targets"]
    for target in targets:
        add(f"targets/{target['id']}", target["sources"])
    measured = {m["id"]: m for target in targets for m in target["measured"]}
    for measurement in measured.values():
        add(f"measurements/{measurement['id']}", measurement["sources"])
    for source in run("sources", "--json").json()["sources"]:
        assert sorted(source["cited_by"]) == sorted(expected.get(source["id"], [])), source["id"]
        assert source["cited_by"], f"{source['id']} is cited by nothing"


def test_every_address_is_one_page_and_given_once() -> None:
    urls = [source.url for source in Data().dataset.sources.values()]
    assert len(urls) == len(set(urls))
    for url in urls:
        parts = urllib.parse.urlsplit(url)
        assert parts.scheme in ("http", "https") and parts.netloc
        assert parts.path.strip("/") or parts.query, f"a home page proves nothing: {url}"


# What the audit found a source does NOT support, as (source, ref that must not cite it).
UNSUPPORTED = [
    ("omicall-article", "info/overview/the-day"),  # 13: the article gives no signer or date
    ("baoapbac-2024", "themes/2024"),  # 15: gives the year theme as the Day's
    ("voh-2024", "themes/2024"),  # 15: likewise
    ("sggp-2025-year-theme", "themes/2025"),  # 15: quotes the year theme
    ("vietnamplus-2026-year-theme", "themes/2026"),  # the 2026 year theme is not the Day's
    ("vtcnews-2026-year-theme", "themes/2026"),
]
GONE = [
    "futurer-2024",  # 1: unreliable
    "quangtri-theme-2023",  # 2: cannot be found
    "sggp-en-provinces",  # 3: cannot be found
    "thuvienphapluat-176",  # 4: a home page
    "niics-411",  # 16: does not hold the 30%-by-2030 target
]


def test_no_item_cites_a_source_for_what_the_audit_says_it_does_not_support() -> None:
    from digiday.answers import sources as provenance

    bundled = Data().dataset
    citing = provenance.cited_by(bundled)
    for source, ref in UNSUPPORTED:
        assert ref not in citing.get(source, []), (source, ref)
    known = {source.id for source in bundled.sources.values()}
    assert not known & set(GONE)
    sggp = next(source for source in bundled.sources.values() if source.id == "sggp-en-505")
    assert sggp.date == "2023-10-06"  # 17


def test_corrections_in_the_text() -> None:
    bundled = Data().dataset
    info = {entry.id: entry for entries in bundled.info.values() for entry in entries}
    # 5, 6: the targets and the 2024 figures are `digiday targets` records now.
    assert "digiday targets" in info["targets"].text.vi
    by_id = {target.id: target for target in bundled.targets.values()}
    figures = {m.id: m for m in bundled.measurements.values()}
    assert any(t.target == 30 and t.year == 2030 for t in by_id.values())  # Resolution 52
    assert {(m.year, m.value, m.kind) for m in figures.values()} >= {
        (2024, 18.3, "estimate"),  # the ministry's own estimate
        (2024, 13.17, "estimate"),  # the statistics office's estimate (audit-2 defect 9)
    }
    vcci = bundled.agencies.get("vcci")
    assert vcci is not None and vcci.change is not None
    assert "31/12/2021" in vcci.change.vi and "30/11/2022" in vcci.change.vi  # 7
    provinces = bundled.agencies.get("provinces")
    assert provinces is not None and provinces.change is not None
    assert "12/6/2025" in provinces.change.vi and "1/7/2025" in provinces.change.vi  # 8
    mic = bundled.agencies.get("mic")
    assert mic is not None and "hằng năm" not in mic.tasks[0].vi  # 9
    most = bundled.agencies.get("most")
    assert most is not None and "hướng dẫn tổ chức" not in most.tasks[0].vi  # 10
    participation = next(e for e in bundled.info["activities"] if e.id == "participation")
    assert participation.text.vi.startswith("Khuyến khích")  # 12
    assert "optimise" in next(e for e in bundled.info["activities"] if e.id == "adoption").text.en
    documents = {document.id: document for document in bundled.documents.values()}
    assert "phục vụ chuyển đổi số quốc gia" in documents["dec-06"].title.vi  # 16
    assert "thanhnien-411" in documents["dec-411"].sources


def test_the_activities_section_says_whose_activities_they_are(run: Invoke) -> None:
    assert (
        "HOẠT ĐỘNG CỦA QUÁ TRÌNH CHUYỂN ĐỔI SỐ" in run("info", "activities", "--lang", "vi").stdout
    )
    assert (
        "Activities of the digital transformation process"
        in run("info", "activities", "-f", "markdown").stdout
    )


def test_new_content_is_where_a_reader_looks(run: Invoke) -> None:
    definition = run("info", "definition", "--json").json()["info"]["definition"]
    law = next(entry for entry in definition if entry["id"] == "law-definition")
    assert "Article 3(1)" in law["text"] and law["sources"] == ["thuviennhadat-law-148"]
    assert any(entry["id"] == "national-digital-transformation" for entry in definition)
    history = {
        item["id"]: item for item in run("info", "history", "--json").json()["info"]["history"]
    }
    assert history["rehearsal-year"]["date"] == "2021"
    assert history["binh-dan-hoc-vu-so"]["date"] == "2025-03-26"
    assert history["law-148"]["date"] == "2025-12-11"
    assert history["dec-268"]["date"] == "2026-02-12"
    overview = run("info", "overview", "--json").json()["info"]["overview"]
    assert "standing agency" in next(e for e in overview if e["id"] == "coordination")["text"]
