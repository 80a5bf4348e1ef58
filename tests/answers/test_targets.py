"""`digiday targets` (issue 20, item 3): what the documents behind the Day set out to reach,
and every figure measured against it since, told as official, estimate or claim.

The expected figures and words are written by hand from the second source audit (its
section 5) and the pages it names, not copied from the program's output. The last part is
the quiz handout's options (item 5), read by a Markdown parser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from rich.cells import cell_len

import digiday
from digiday.core.model import KINDS
from digiday.l10n.translate import UNIT_FORMS
from tests.conftest import Invoke, YamlFile

# Every document the issue names, by the id of its record, and its number.
DOCUMENTS = {
    "res-52": "52-NQ/TW",
    "dec-749": "749/QĐ-TTg",
    "dec-942": "942/QĐ-TTg",  # its target for dossiers handled fully online (audit 3)
    "dec-411": "411/QĐ-TTg",
    "res-57": "57-NQ/TW",
    "dec-11-bcdcp": "11/QĐ-BCĐCP",
}


def targets(run: Invoke, *args: str, lang: str = "en") -> dict[str, dict[str, Any]]:
    result = run("targets", *args, "--json", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    envelope = result.json()
    assert envelope["schema_version"] == 1 and envelope["lang"] == lang
    return {target["id"]: target for target in envelope["targets"]}


def figures(target: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {measured["id"]: measured for measured in target["measured"]}


# --- The payload: the contract's shape, the documents' targets, the pages' figures ---


def test_the_payload_has_the_contracts_shape(run: Invoke) -> None:
    payload = targets(run)
    history = run("info", "history", "--json").json()["info"]["history"]
    documents = {item["id"] for item in history if item["ref"].startswith("documents/")}
    for target in payload.values():
        assert set(target) >= {
            "id",
            "indicator",
            "target",
            "unit",
            "year",
            "document",
            "measured",
            "sources",
        }
        assert target["document"] in documents  # the id of a documents record
        assert target["target"] is None or isinstance(target["target"], (int, float))
        assert target["unit"] in (*UNIT_FORMS, None)
        assert target["sources"]
        for measured in target["measured"]:
            assert set(measured) >= {"year", "value", "unit", "kind", "by", "date", "sources"}
            assert measured["kind"] in KINDS and measured["by"] and measured["sources"]
    assert {target["document"] for target in payload.values()} == set(DOCUMENTS)


def test_the_digital_economys_share_of_gdp_as_each_document_sets_it(run: Invoke) -> None:
    payload = targets(run)
    # (document, year): the number and, where the document says more, its own words.
    expected = {
        ("res-52", 2025): (20, "about 20% of GDP"),
        ("res-52", 2030): (30, "over 30% of GDP"),
        ("dec-749", 2025): (20, "20% of GDP"),
        ("dec-411", 2025): (20, "20% of GDP"),
        ("dec-411", 2030): (30, "30% of GDP"),
        ("res-57", 2030): (30, "at least 30% of GDP"),
        ("res-57", 2045): (50, "at least 50% of GDP"),  # audit 3, defect 13
        ("dec-11-bcdcp", 2026): (14.5, "strive to reach 14.5% of GDP"),
    }
    found = {
        (t["document"], t["year"]): (t["target"], t["target_text"])
        for t in payload.values()
        if t["indicator"] == "The digital economy's share of GDP"
    }
    assert found == expected
    assert all(
        t["unit"] == "% of GDP"
        for t in payload.values()
        if t["indicator"] == "The digital economy's share of GDP"
    )


def test_the_figures_of_2024_and_2025_and_which_kind_each_is(run: Invoke) -> None:
    # Section 5: the ministry's 18.3% and the statistics office's 13.17% for 2024, both
    # estimates; for 2025 the statistics office's 14.02% (an estimate), the report's 13.9%
    # ("ước chiếm") and the "nearly 20%" claimed at the Day.
    measured = figures(targets(run)["dec-749-digital-economy-2025"])
    by_year = {(m["year"], m["value"]): m for m in measured.values()}
    ministry = by_year[2024, 18.3]
    assert ministry["kind"] == "estimate" and "Ministry of Information" in ministry["by"]
    assert ministry["date"] == "2025-02-06" and "baomoi-mic-2024" in ministry["sources"]
    office = by_year[2024, 13.17]
    assert office["kind"] == "estimate" and "Statistics Office" in office["by"]
    assert "baomoi-gso-2024" in office["sources"]
    assert by_year[2025, 14.02]["kind"] == "estimate"
    assert "Statistics Office" in by_year[2025, 14.02]["by"]
    assert by_year[2025, 13.9]["kind"] == "estimate"
    assert "Steering Committee" in by_year[2025, 13.9]["by"]
    claimed = by_year[2025, None]
    assert claimed["kind"] == "claim" and claimed["text"] == "nearly 20% of GDP"
    assert claimed["date"] == "2025-10-21" and claimed["short_by"] is None
    # How far short of the 20% set for 2025, in points.
    assert by_year[2025, 14.02]["short_by"] == pytest.approx(5.98)
    # The ministry's is a policy estimate, made by another method than the statistics
    # office's the targets are set on: beside them, said so, and never compared.
    assert ministry["method"] and ministry["short_by"] is None
    assert not [m for m in measured.values() if m["year"] == 2024 and m["kind"] == "official"]


def test_the_figures_in_vietnamese(run: Invoke) -> None:
    measured = figures(targets(run, lang="vi")["res-52-digital-economy-2025"])
    texts = {m["id"]: m["text"] for m in measured.values()}
    assert texts["digital-economy-2025-day"] == "gần 20% GDP"
    assert "Cục Thống kê" in measured["digital-economy-2025-gso"]["by"]
    assert "Bộ Thông tin và Truyền thông" in measured["digital-economy-2024-mic"]["by"]
    target = targets(run, lang="vi")["res-52-digital-economy-2025"]
    assert target["target_text"] == "khoảng 20% GDP"
    assert target["indicator"] == "Tỷ trọng kinh tế số trong GDP"


def test_the_un_e_government_rank_against_top_70_and_top_50(run: Invoke) -> None:
    payload = targets(run)
    soon, later = payload["dec-749-egdi-2025"], payload["dec-749-egdi-2030"]
    assert (soon["target"], soon["unit"], soon["year"]) == (70, "rank, top", 2025)
    assert (later["target"], later["unit"], later["year"]) == (50, "rank, top", 2030)
    rank = figures(soon)["egdi-2024"]
    assert (rank["year"], rank["value"], rank["out_of"], rank["kind"]) == (
        2024,
        71,
        193,
        "official",
    )
    assert "United Nations" in rank["by"]
    assert rank["short_by"] == 1  # one place outside the top 70
    assert figures(later)["egdi-2024"]["short_by"] == 21


def test_a_figure_of_another_unit_is_shown_but_not_compared(run: Invoke) -> None:
    # 80% of public services handled online, claimed at the Day, beside 749's level-4
    # services: the same unit, so compared, and the note says what each counts.
    services = figures(targets(run)["dec-749-online-services-2025"])["online-services-2025-day"]
    assert services["kind"] == "claim" and services["short_by"] == 0
    assert "level-4" in services["note"]
    # 5G: a share of the population against a target without a number.
    nationwide = targets(run)["res-52-5g-2030"]
    assert nationwide["target"] is None and nationwide["unit"] is None
    assert all(m["short_by"] is None for m in nationwide["measured"])
    assert nationwide["measured"]  # still shown beside it


def test_year_gives_the_targets_for_that_year(run: Invoke) -> None:
    payload = targets(run, "--year", "2030")
    assert payload and {t["year"] for t in payload.values()} == {2030}
    assert "res-57-digital-economy-2030" in payload and "dec-749-egdi-2030" in payload
    assert {t["year"] for t in targets(run, "--year", "2026").values()} == {2026}
    assert set(targets(run, "--year", "2026")) >= {"plan-2026-digital-economy", "plan-2026-5g"}


@pytest.mark.parametrize("year", ["1999", "abc", "99999", "-5"])
def test_a_bad_year_is_a_usage_error(run: Invoke, year: str) -> None:
    result = run("targets", "--year", year)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"'{year}'" in result.stderr or year in result.stderr


def test_a_year_without_targets_says_so(run: Invoke) -> None:
    # Any year from 2000 on: before the first Day too (a target is no Day).
    for year in ("2021", "2000"):
        early = run("targets", "--year", year, "--json")
        assert (early.exit_code, early.json()["targets"]) == (0, [])
    assert run("targets", "--year", "2027", "--json").json()["targets"] == []
    assert run("targets", "--year", "2027", "--plain").stdout == ""
    text = run("targets", "--year", "2027")
    assert text.exit_code == 0 and text.stdout == "The data has no target for 2027.\n"


# --- Text, at 40 and at 120 columns, in both languages ---


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", [40, 120])
def test_the_text_fits_the_width(run: Invoke, lang: str, width: int) -> None:
    result = run("targets", "--lang", lang, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line for line in lines if cell_len(line) > width] == []
    assert "\x1b" not in result.stdout  # piped: no escape codes


def test_the_text_tells_the_gap_and_the_kind(run: Invoke) -> None:
    # At 40 columns each fact stands on lines of its own, so its words read in a row.
    text = " ".join(run("targets", env={"COLUMNS": "40"}).stdout.split())
    assert "The digital economy's share of GDP" in text
    assert "2025: about 20% of GDP · 52-NQ/TW" in text
    assert "5.98 points short of 20% of GDP (2025)" in text
    assert "1 place outside the top 70 (2025)" in text
    assert "nearly 20% of GDP" in text
    for label in ("official", "estimate", "claim"):
        assert label in text
    assert "official: a statistics office's or an index's published figure" in text


def test_the_text_in_vietnamese(run: Invoke) -> None:
    text = " ".join(run("targets", "--lang", "vi", env={"COLUMNS": "40"}).stdout.split())
    assert "Tỷ trọng kinh tế số trong GDP" in text
    assert "2025: khoảng 20% GDP · 52-NQ/TW" in text
    assert "còn thiếu 5,98 điểm phần trăm so với 20% GDP (2025)" in text
    assert "gần 20% GDP" in text and "ước tính" in text and "chính thức" in text
    assert "hạng 71/193" in text


def test_the_wide_text_sets_the_figures_side_by_side(run: Invoke) -> None:
    lines = run("targets", env={"COLUMNS": "120"}).stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "│ 14.02% of GDP" in line)  # in the table
    cells = [cell.strip() for cell in lines[at].split("│")]
    assert cells[1:4] == ["2025", "14.02% of GDP", "estimate"]
    assert cells[5].startswith("5.98 points short")
    assert "(2025)" in lines[at] + lines[at + 1]
    assert "│ 2024 │ rank 71 of 193" in "\n".join(lines)
    narrow = run("targets", env={"COLUMNS": "40"}).stdout
    assert "  Figure: 14.02% of GDP\n" in narrow  # one fact a line, where a table cannot fit


# --- Plain, JSON's twin, and markdown ---


def test_plain_is_one_line_per_target_and_figure(run: Invoke) -> None:
    lines = run("targets", "--plain").stdout.splitlines()
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == 15 for row in rows)
    mine = [row for row in rows if row[0] == "res-52-digital-economy-2025"]
    # Nine figures of the digital economy's share: the statistics office's and the ministry's
    # for 2022 to 2025 (audit 3, section 4), the report's and the Day's.
    assert len(mine) == 9
    claim = next(row for row in mine if row[8] == "claim" and row[5] == "2025")
    assert claim[1:6] == ["res-52", "2025", "20", "% of GDP", "2025"]
    assert claim[6] == "" and claim[11] == "" and claim[12] == "nearly 20% of GDP"
    estimate = next(row for row in mine if row[6] == "14.02")
    assert estimate[8] == "estimate" and estimate[11] == "5.98" and estimate[10] == "2026-01-05"
    # A target with nothing measured against it still has its line.
    (alone,) = [row for row in rows if row[0] == "plan-2026-spin-offs"]
    assert alone[3] == "" and alone[5:12] == [""] * 7
    assert "spin-off" in alone[13] and alone[14] == "open"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_markdown_is_a_table_per_document(run: Invoke, lang: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    document = run("targets", "--format", "markdown", "--lang", lang).stdout
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(document)
    headings = [
        tokens[index + 1].content
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == "h2"
    ]
    assert [heading.split(":")[0] for heading in headings] == list(DOCUMENTS.values())
    assert sum(token.type == "table_open" for token in tokens) == len(DOCUMENTS)
    assert not [token for token in tokens if token.type.startswith("html")]
    cells = [t.content for t in tokens if t.type == "inline"]
    twenty = "about 20% of GDP" if lang == "en" else "khoảng 20% GDP"
    assert twenty in cells


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("year", [None, 2025])
def test_the_api_answers_as_json_does(
    run: Invoke, now: Callable[[dt.datetime], None], lang: str, year: int | None
) -> None:
    now(dt.datetime.now(dt.timezone.utc))
    args = ["--year", str(year)] if year else []
    expected = run("targets", *args, "--json", "--lang", lang).json()["targets"]
    assert digiday.targets(year, lang=lang) == expected
    assert "targets" in digiday.__all__


def test_the_api_refuses_a_bad_year() -> None:
    with pytest.raises(ValueError, match="1999"):
        digiday.targets(1999)
    assert digiday.targets(2021) == []
    with pytest.raises(ValueError, match="language"):
        digiday.targets(lang="fr")


# --- The verdict, in words (CONTRACT.md, "targets: the verdict") ---

# Each verdict as a reader is told it, written here by hand.
VERDICT_WORDS = {
    "en": {
        "met": "met",
        "not_met": "not met",
        "disputed": "disputed",
        "unmeasured": "not measured",
        "open": "open",
    },
    "vi": {
        "met": "đạt",
        "not_met": "không đạt",
        "disputed": "chưa ngã ngũ",
        "unmeasured": "chưa được đo lường",
        "open": "chưa đến hạn",
    },
}
COUNTS = {"en": ("Of {} target: ", "Of {} targets: "), "vi": ("Trong {} mục tiêu: ",) * 2}
KIND_WORDS = {
    "en": {"official": "official", "estimate": "estimate", "claim": "claim"},
    "vi": {"official": "chính thức", "estimate": "ước tính", "claim": "tuyên bố"},
}
VERDICT_LABEL = {"en": "Verdict: ", "vi": "Đánh giá: "}
WHY = {
    "en": {
        "disputed": "the figures disagree",
        "unmeasured": "no official figure or estimate for its year",
        "open": "its year is not over",
    },
    "vi": {
        "disputed": "các số liệu không thống nhất",
        "unmeasured": "không có số liệu chính thức hay ước tính nào cho năm của mục tiêu",
        "open": "năm của mục tiêu chưa kết thúc",
    },
}


def counts_line(payload: dict[str, dict[str, Any]], lang: str) -> str:
    """The opening line, counted here from the JSON answer."""
    found = [target["verdict"] for target in payload.values()]
    words = VERDICT_WORDS[lang]
    counted = [f"{found.count(key)} {words[key]}" for key in words if found.count(key)]
    return COUNTS[lang][len(found) != 1].format(len(found)) + ", ".join(counted)


def said(target: dict[str, Any], lang: str) -> str:
    """A target's verdict with why, and the figures that decided it with their kinds."""
    deciding = [m for m in target["measured"] if m["id"] in target["decided_by"]]
    figures = "; ".join(f"{m['text']}, {KIND_WORDS[lang][m['kind']]}" for m in deciding)
    why = ": ".join(part for part in (WHY[lang].get(target["verdict"], ""), figures) if part)
    return VERDICT_WORDS[lang][target["verdict"]] + (f" ({why})" if why else "")


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("year", [[], ["--year", "2025"], ["--year", "2030"]])
def test_the_text_opens_with_the_count_of_each_verdict(
    run: Invoke, lang: str, year: list[str]
) -> None:
    payload = targets(run, *year, lang=lang)
    text = " ".join(run("targets", *year, "--lang", lang, env={"COLUMNS": "200"}).stdout.split())
    assert text.split("╯ ", 1)[1].startswith(counts_line(payload, lang) + " ")
    document = run("targets", *year, "--format", "markdown", "--lang", lang).stdout
    assert document.split("\n")[2] == counts_line(payload, lang)


def test_the_count_says_one_target_in_the_singular(yaml_file: YamlFile, run: Invoke) -> None:
    path = yaml_file(
        """
        targets:
          - id: lone-2027
            document: dec-749
            indicator: {vi: "Chỉ tiêu", en: "An indicator"}
            year: 2027
            target: 10
            unit: "%"
            measure: lone
            sources: [thanhnien-52]
        """
    )
    text = run("targets", "--year", "2027", "--data", str(path)).stdout
    assert "\nOf 1 target: 1 open\n" in text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_each_target_says_its_verdict_and_what_decided_it(run: Invoke, lang: str) -> None:
    payload = targets(run, "--year", "2025", lang=lang)
    text = run("targets", "--year", "2025", "--lang", lang, env={"COLUMNS": "200"}).stdout
    told = [line.strip() for line in text.splitlines() if VERDICT_LABEL[lang] in line]
    expected = [VERDICT_LABEL[lang] + said(target, lang) for target in payload.values()]
    assert sorted(told) == sorted(expected)
    # The end of the Programme's first period: every target of 2025 is decided or not
    # measured.
    assert "open" not in {target["verdict"] for target in payload.values()}
    title = {"en": "Targets for 2025, and the verdict on each", "vi": "Các mục tiêu năm 2025"}
    assert title[lang] in text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_markdown_gives_each_target_its_verdict(run: Invoke, lang: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    payload = list(targets(run, lang=lang).values())
    document = run("targets", "--format", "markdown", "--lang", lang).stdout
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(document)
    rows: list[list[str]] = []
    row: list[str] | None = None  # the cells of the table row being read
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token.content)
        elif token.type == "tr_close" and row is not None:
            rows.append(row)
            row = None
    cells = [row[3] for row in rows if row[0].isdigit()]  # the verdict column, header left out
    by_document: dict[str, list[dict[str, Any]]] = {}
    for target in payload:  # a table per document, in the order each first appears
        by_document.setdefault(target["document"], []).append(target)
    in_order = [target for group in by_document.values() for target in group]
    assert cells == [said(target, lang).replace("|", "\\|") for target in in_order]


def test_plain_ends_each_line_with_the_verdict(run: Invoke) -> None:
    payload = targets(run)
    rows = [line.split("\t") for line in run("targets", "--plain").stdout.splitlines()]
    assert rows and all(row[-1] == payload[row[0]]["verdict"] for row in rows)
    assert {row[0] for row in rows} == set(payload)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_figure_of_another_method_says_so_beside_it(run: Invoke, lang: str) -> None:
    payload = targets(run, lang=lang)
    methods = {m["method"] for t in payload.values() for m in t["measured"] if m["method"]}
    assert methods  # the ministry's estimates of the digital economy (audit 3)
    lead = {"en": "not the target's method: ", "vi": "không cùng phương pháp với mục tiêu: "}
    # At 40 columns each figure's facts stand one a line, so their words read in a row.
    text = " ".join(run("targets", "--lang", lang, env={"COLUMNS": "40"}).stdout.split())
    document = run("targets", "--format", "markdown", "--lang", lang).stdout
    for method in methods:
        assert lead[lang] + method in text
        assert lead[lang] + method in document


# --- Search, sources, and info definition's pointer ---


@pytest.mark.parametrize(
    ("query", "ref"),
    [
        (["14,02"], "measurements/digital-economy-2025-gso"),
        (["spin-off"], "targets/plan-2026-spin-offs"),
        (["res-52-digital-economy-2030"], "targets/res-52-digital-economy-2030"),
        (["11/QĐ-BCĐCP"], "targets/plan-2026-5g"),
        (["gan", "20%"], "measurements/digital-economy-2025-day"),
        (["EGDI", "71"], "measurements/egdi-2024"),
    ],
)
def test_search_finds_targets_and_measurements(run: Invoke, query: list[str], ref: str) -> None:
    hits = run("search", *query, "--json").json()["search"]
    assert ref in [hit["ref"] for hit in hits]
    section = ref.split("/")[0]
    assert next(hit for hit in hits if hit["ref"] == ref)["section"] == section


def test_sources_lists_the_targets_and_measurements_that_cite_it(run: Invoke) -> None:
    (office,) = run("sources", "baomoi-gso-2024", "--json").json()["sources"]
    assert "measurements/digital-economy-2024-gso" in office["cited_by"]
    (resolution,) = run("sources", "thanhnien-52", "--json").json()["sources"]
    assert "targets/res-52-digital-economy-2025" in resolution["cited_by"]
    assert "documents/res-52" in resolution["cited_by"]
    text = run("sources", "vista-gii-2024").stdout
    assert "Cited by:\n  • measurements/gii-2024\n" in text
    # Every source cited somewhere: the new ones by targets and measurements.
    for source in run("sources", "--json").json()["sources"]:
        assert source["cited_by"], source["id"]


def test_info_definition_keeps_only_a_pointer(run: Invoke) -> None:
    definition = run("info", "definition", "--json").json()["info"]["definition"]
    ids = [entry["id"] for entry in definition]
    for moved in ("targets-749", "targets-411", "targets-2026", "digital-economy-2024"):
        assert moved not in ids
    pointer = next(entry for entry in definition if entry["id"] == "targets")
    assert "`digiday targets`" in pointer["text"]
    # The figures live in the targets' records alone.
    assert not any("%" in entry["text"] for entry in definition)


def test_validate_counts_targets_and_measurements(run: Invoke, yaml_file: YamlFile) -> None:
    path = yaml_file(
        """
        measurements:
          - id: digital-economy-2026-test
            measure: digital-economy
            year: 2026
            value: 15
            unit: "% of GDP"
            kind: estimate
            by: {vi: "Cục Thống kê", en: "the Statistics Office"}
            date: "2027-01-06"
            sources: [baomoi-gso-2024]
        targets:
          - id: plan-2026-5g
            document: dec-11-bcdcp
            indicator: {vi: "Phủ sóng 5G", en: "5G coverage"}
            year: 2026
            target: 75
            unit: "% of the population"
            measure: 5g
            sources: [vneconomy-plan-2026]
        """
    )
    summary = run("validate", str(path)).stdout
    assert summary.endswith(": valid; adds 1 measurement, replaces 1 target\n")
    payload = run("targets", "--year", "2026", "--json", "--data", str(path)).json()["targets"]
    economy = next(t for t in payload if t["id"] == "plan-2026-digital-economy")
    added = next(m for m in economy["measured"] if m["id"] == "digital-economy-2026-test")
    assert added["short_by"] == 0  # 15% against the 14.5% set for 2026
    assert next(t for t in payload if t["id"] == "plan-2026-5g")["target"] == 75


# --- A bad target file is refused, every problem told at once ---


BAD = """\
targets:
  - id: t1
    document: no-such-document
    indicator: {vi: "Chỉ tiêu"}
    year: 2025
    target: twenty
    unit: "% of GDP"
    measure: m1
    sources: [no-such-source]
  - id: t2
    document: dec-749
    indicator: {vi: "Chỉ tiêu", en: "Indicator"}
    year: 2019
    measure: m2
    colour: red
    sources: [thukyluat-749]
  - id: t3
    document: dec-749
    indicator: {vi: "Chỉ tiêu", en: "Indicator"}
    year: 2025
    target: 20
    measure: m2
    sources: [thukyluat-749]
measurements:
  - id: m-bad
    measure: nothing-measures-this
    year: 2025
    kind: rumour
    unit: "% of GDP per head"
    by: {vi: "Ai đó", en: "Someone"}
    sources: [thukyluat-749]
  - id: m-empty
    measure: digital-economy
    year: 2025
    kind: claim
    by: {vi: "Ai đó", en: "Someone"}
    sources: [thukyluat-749]
"""


def test_a_bad_target_file_is_refused_with_every_problem(run: Invoke, yaml_file: YamlFile) -> None:
    path = yaml_file(BAD)
    result = run("validate", str(path))
    assert result.exit_code == 3 and result.stdout == ""
    told = result.stderr
    for expected in (
        "targets[0].indicator: missing language 'en'",
        "targets[0].target: expected a number or null, found 'twenty'",
        "targets[1].year: year 2019 is outside",
        "targets[1].colour: unknown key 'colour'",
        "targets[2].target: a number needs the key 'unit' beside it",
        "measurements[0].kind: unknown kind 'rumour' (known: official, estimate, claim)",
        "measurements[0].unit: unknown unit '% of GDP per head'",
        "measurements[1]: a measurement needs a value, or its wording where it has none",
    ):
        assert expected in told, expected
    # The references are checked once the shape is good: a file of only those problems.
    refs = yaml_file(
        """
        targets:
          - id: t1
            document: no-such-document
            indicator: {vi: "Chỉ tiêu", en: "Indicator"}
            year: 2025
            measure: m1
            sources: [no-such-source]
        measurements:
          - id: m1
            measure: nothing-measures-this
            year: 2025
            value: 1
            unit: "%"
            kind: claim
            by: {vi: "Ai đó", en: "Someone"}
            sources: [thukyluat-749]
        """,
        name="refs.yaml",
    )
    told = run("validate", str(refs)).stderr
    assert "targets[0].document: unknown document id 'no-such-document'" in told
    assert "targets[0].sources[0]: unknown source id 'no-such-source'" in told
    assert "measurements[0].measure: unknown measure 'nothing-measures-this'" in told
    # The same file is refused wherever it is in use, not only by validate.
    assert run("targets", "--data", str(refs)).exit_code == 3


def test_a_replaced_target_cannot_leave_measurements_behind(
    run: Invoke, yaml_file: YamlFile
) -> None:
    # The only targets of the UN e-government ranking's measure... after all three are
    # replaced with another measure, the 2024 rank would stand beside nothing, unseen.
    path = yaml_file(
        """
        targets:
          - id: dec-749-egdi-2025
            document: dec-749
            indicator: {vi: "Chỉ tiêu khác", en: "Something else"}
            year: 2025
            target: 70
            unit: "rank, top"
            measure: something-else
            sources: [thukyluat-749]
          - id: dec-749-egdi-2030
            document: dec-749
            indicator: {vi: "Chỉ tiêu khác", en: "Something else"}
            year: 2030
            target: 50
            unit: "rank, top"
            measure: something-else
            sources: [thukyluat-749]
          - id: res-57-egdi-2030
            document: res-57
            indicator: {vi: "Chỉ tiêu khác nữa", en: "Something more"}
            year: 2030
            target: 50
            unit: "rank, top"
            measure: something-else
            sources: [vietnamvn-57]
        """
    )
    result = run("validate", str(path))
    assert result.exit_code == 3
    assert "measurements egdi-2024 measure 'egdi', which no target measures now" in result.stderr


def test_a_target_without_a_number_may_say_null(run: Invoke, yaml_file: YamlFile) -> None:
    path = yaml_file(
        """
        targets:
          - id: words-only
            document: res-57
            indicator: {vi: "Nhóm nước dẫn đầu", en: "Among the leading countries"}
            year: 2030
            target: null
            measure: leading
            sources: [vietnamvn-57]
        """
    )
    assert run("validate", str(path)).exit_code == 0
    payload = targets(run, "--data", str(path))
    assert payload["words-only"]["target"] is None and payload["words-only"]["measured"] == []


# --- The quiz handout's options, each on a line of its own (issue 20, item 5) ---


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_handout_renders_each_option_on_its_own_line(run: Invoke, lang: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    result = run("quiz", "--seed", "11", "--count", "5", "--format", "markdown", "--lang", lang)
    questions = run("quiz", "--seed", "11", "--count", "5", "--json", "--lang", lang).json()
    tokens = markdown_it.MarkdownIt("commonmark").parse(result.stdout)
    # Each question's options are the four items of a list inside the question's item:
    # shown one a line, "A. …" to "D. …", never run together in one paragraph.
    option_lists = []
    depth = 0
    items: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "bullet_list_open":
            depth += 1
            items = []
        elif token.type == "bullet_list_close":
            depth -= 1
            option_lists.append(items)
        elif depth and token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            items.append(token.content)
    assert len(option_lists) == len(questions["quiz"]) == 5
    for shown, asked in zip(option_lists, questions["quiz"], strict=True):
        assert [item[:3] for item in shown] == ["A. ", "B. ", "C. ", "D. "]
        assert [item[3:] for item in shown] == [" ".join(o.split()) for o in asked["options"]]
    paragraphs = [t.content for t in tokens if t.type == "inline"]
    assert not [p for p in paragraphs if "\n" in p and "B. " in p]  # no option runs on
