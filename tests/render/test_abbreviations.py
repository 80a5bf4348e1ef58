"""Each body's abbreviation in its reader's language (issue 20, item 4): Vietnamese readers
know the Vietnam News Agency as TTXVN and the ministries as the press writes them (Bộ TT&TT,
Bộ KH&CN, Bộ VHTTDL); English keeps MIC, MOST and VNA; VTV, VOV and VCCI are the same in
both. Search finds a body by either language's. An older data file's one text still means
both languages."""

from __future__ import annotations

import pytest

from tests.conftest import Invoke, YamlFile

VIETNAMESE = {
    "mic": "Bộ TT&TT",
    "most": "Bộ KH&CN",
    "mcst": "Bộ VHTTDL",
    "vna": "TTXVN",
    "vtv": "VTV",
    "vov": "VOV",
    "vcci": "VCCI",
}
ENGLISH = {
    "mic": "MIC",
    "most": "MOST",
    "mcst": None,  # the data has none in English
    "vna": "VNA",
    "vtv": "VTV",
    "vov": "VOV",
    "vcci": "VCCI",
}


def abbreviations(run: Invoke, lang: str, *args: str) -> dict[str, str | None]:
    result = run("agencies", "--json", "--lang", lang, *args)
    assert result.exit_code == 0, result.stderr
    return {agency["id"]: agency["abbreviation"] for agency in result.json()["agencies"]}


def test_json_gives_the_readers_abbreviation_as_one_text(run: Invoke) -> None:
    vi, en = abbreviations(run, "vi"), abbreviations(run, "en")
    assert {key: vi[key] for key in VIETNAMESE} == VIETNAMESE
    assert {key: en[key] for key in ENGLISH} == ENGLISH
    assert all(value is None or isinstance(value, str) for value in (*vi.values(), *en.values()))


def test_every_format_shows_it(run: Invoke) -> None:
    text = run("agencies", "--role", "media", "--lang", "vi").stdout
    assert "Thông tấn xã Việt Nam (TTXVN)" in text and "VNA" not in text
    assert "Vietnam News Agency (VNA)" in run("agencies", "--role", "media").stdout
    lines = run("agencies", "--plain", "--lang", "vi").stdout.splitlines()
    fields = {line.split("\t")[0]: line.split("\t")[2] for line in lines}
    assert fields["vna"] == "TTXVN" and fields["mic"] == "Bộ TT&TT" and fields["vtv"] == "VTV"
    assert fields["mcst"] == "Bộ VHTTDL"
    english = {
        line.split("\t")[0]: line.split("\t")[2]
        for line in run("agencies", "--plain").stdout.splitlines()
    }
    assert english["mcst"] == "" and english["most"] == "MOST"
    markdown = run("agencies", "--format", "markdown", "--lang", "vi").stdout
    assert "## Bộ Khoa học và Công nghệ (Bộ KH&CN)" in markdown


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    ("query", "ref"),
    [
        ("TTXVN", "agencies/vna"),
        ("VNA", "agencies/vna"),
        ("ttxvn", "agencies/vna"),
        ("VHTTDL", "agencies/mcst"),
        ("MIC", "agencies/mic"),
    ],
)
def test_search_finds_a_body_by_either_languages_abbreviation(
    run: Invoke, lang: str, query: str, ref: str
) -> None:
    result = run("search", query, "--json", "--lang", lang)
    assert result.exit_code == 0, (query, result.stderr)
    hits = [hit["ref"] for hit in result.json()["search"]]
    assert hits[0] == ref, hits  # the name's match ranks first


def test_search_tells_why_the_other_languages_abbreviation_matched(run: Invoke) -> None:
    (hit,) = [
        h for h in run("search", "TTXVN", "--json").json()["search"] if h["ref"] == "agencies/vna"
    ]
    assert hit["text"].startswith("Vietnam News Agency (VNA, TTXVN): ")


def test_a_files_one_text_still_means_both_languages(run: Invoke, yaml_file: YamlFile) -> None:
    path = yaml_file(
        """
        agencies:
          - id: vtv
            name: {vi: "Đài Truyền hình Việt Nam", en: "Vietnam Television"}
            abbreviation: "VTV1"
            role: media
            tasks: [{vi: "Việc", en: "Work"}]
            sources: [omicall-article]
        """
    )
    assert run("validate", str(path)).stdout.endswith("valid; replaces 1 agency\n")
    assert abbreviations(run, "vi", "--data", str(path))["vtv"] == "VTV1"
    assert abbreviations(run, "en", "--data", str(path))["vtv"] == "VTV1"


def test_a_language_may_have_none(run: Invoke, yaml_file: YamlFile) -> None:
    path = yaml_file(
        """
        agencies:
          - id: associations
            name: {vi: "Các hội, hiệp hội", en: "Societies and associations"}
            abbreviation: {vi: "Hội TT&TT", en: null}
            role: association
            tasks: [{vi: "Việc", en: "Work"}]
            sources: [omicall-article]
        """
    )
    assert run("validate", str(path)).exit_code == 0
    assert abbreviations(run, "vi", "--data", str(path))["associations"] == "Hội TT&TT"
    assert abbreviations(run, "en", "--data", str(path))["associations"] is None


@pytest.mark.parametrize(
    ("abbreviation", "told"),
    [
        ("{vi: null, en: null}", "agencies[0].abbreviation: an abbreviation needs at least"),
        ('{vi: "X"}', "agencies[0].abbreviation: missing language 'en'"),
        ('{vi: "X", en: "Y", fr: "Z"}', "agencies[0].abbreviation.fr: unknown key 'fr'"),
        ('{vi: 5, en: "Y"}', "agencies[0].abbreviation.vi: expected non-empty text, found 5"),
        ("42", "agencies[0].abbreviation: expected text, or a mapping with 'vi' and 'en'"),
        ('""', "agencies[0].abbreviation: expected non-empty text"),
    ],
)
def test_a_bad_abbreviation_is_refused(
    run: Invoke, yaml_file: YamlFile, abbreviation: str, told: str
) -> None:
    path = yaml_file(
        f"""
        agencies:
          - id: vtv
            name: {{vi: "Đài", en: "Broadcaster"}}
            abbreviation: {abbreviation}
            role: media
            tasks: [{{vi: "Việc", en: "Work"}}]
            sources: [omicall-article]
        """
    )
    result = run("validate", str(path))
    assert result.exit_code == 3 and told in result.stderr, result.stderr
