"""Search: folding rules, AND semantics, both languages, ranking, and refs that resolve."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digiday.answers import search
from digiday.l10n.translate import fold
from digiday.store.loader import Data
from tests.conftest import Invoke


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Chuyển đổi số", "chuyen doi so"),
        ("Đài Truyền hình Việt Nam", "dai truyen hinh viet nam"),
        ("ĐỔI", "doi"),
        ("Straße", "strasse"),  # casefold, not lower
        ("e\u0301", "e"),  # already decomposed input
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_words_split_however_the_shell_did() -> None:
    assert search.words(["chuyen doi", "so"]) == ["chuyen", "doi", "so"]
    assert search.words(["  ", ""]) == []


@pytest.fixture(scope="module")
def refs() -> object:
    dataset = Data().dataset

    def find(*terms: str) -> list[str]:
        return [hit.piece.ref for hit in search.hits(dataset, list(terms))]

    return find


def test_without_diacritics_matches_any(refs: object) -> None:
    assert callable(refs)
    assert refs("dai", "truyen", "hinh") == ["agencies/vtv"]
    assert "themes/2025" in refs("nhanh", "hon")


def test_with_diacritics_matches_exactly_ignoring_case(refs: object) -> None:
    assert callable(refs)
    assert refs("ĐÀI", "TRUYỀN", "HÌNH") == ["agencies/vtv"]
    # "sơ" folds to "so" but, typed with its mark, must not match "số": only "hồ sơ" (the
    # work files and dossiers of the targets and their figures), never the themes' "số".
    found = refs("sơ")
    assert "targets/dec-749-work-files-province-2030" in found
    assert all(ref.startswith(("targets/", "measurements/", "sources/")) for ref in found), found
    assert refs("số")  # and "số" is all over the data


def test_all_words_must_match(refs: object) -> None:
    assert callable(refs)
    both = set(refs("television", "vietnam"))
    assert both == {"agencies/vtv"}
    assert refs("television", "zzzz") == []


def test_english_words_find_english_text(refs: object) -> None:
    assert callable(refs)
    assert "agencies/vov" in refs("voice", "of", "vietnam")
    assert "documents/dec-505" in refs("505/QĐ-TTg")


def test_names_and_titles_rank_first(refs: object) -> None:
    assert callable(refs)
    found = refs("bo", "khoa", "hoc")
    assert found[0] == "agencies/most"  # the name, before bodies that mention the ministry
    assert len(found) > 1


def test_spans_map_back_to_the_original_text() -> None:
    text = "Đài Truyền hình Việt Nam"
    assert [text[a:b] for a, b in search.spans(text, ["truyen", "VIỆT"])] == ["Truyền", "Việt"]
    street = "Straße"
    assert [street[a:b] for a, b in search.spans(street, ["STRASSE"])] == ["Straße"]


def test_cli_results_in_the_chosen_language(run: Invoke) -> None:
    english_query = run("search", "television", "--json", "--lang", "vi").json()
    assert english_query["search"] == [
        {
            "section": "agencies",
            "ref": "agencies/vtv",
            "text": "Đài Truyền hình Việt Nam (VTV): Xây dựng kế hoạch tuyên truyền trên các kênh "
            "về chuyển đổi số và Ngày Chuyển đổi số quốc gia.",
        }
    ]
    plain = run("search", "dai truyen hinh", "--plain").stdout
    assert plain.split("\t")[:2] == ["agencies/vtv", "agencies"]


def test_no_match_is_exit_1_and_silent(run: Invoke) -> None:
    result = run("search", "qwertyuiop")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")


def test_highlight_in_text_output(run: Invoke) -> None:
    result = run("search", "truyen", "hinh", "--lang", "vi", env={"FORCE_COLOR": "1"})
    assert "\x1b[1;7mTruyền\x1b[0m" in result.stdout


def test_every_ref_resolves(run: Invoke) -> None:
    # "the" and "of" stand in nearly every English text: a wide net of whole words.
    hits = run("search", "the", "--json").json()["search"]
    hits += run("search", "of", "--json").json()["search"]
    agencies = {a["id"] for a in run("agencies", "--json").json()["agencies"]}
    themes = {str(t["year"]) for t in run("themes", "2022", "--json").json()["themes"]}
    themes |= {str(t["year"]) for t in run("themes", "--json").json()["themes"]}
    sources = {s["id"] for s in run("sources", "--json").json()["sources"]}
    info = run("info", "--json").json()["info"]
    info_refs = {item["ref"] for items in info.values() for item in items}
    editions = {str(e["year"]) for e in run("editions", "--json").json()["editions"]}
    documents = {f"documents/{i['id']}" for i in info["history"]}
    targets = run("targets", "--json").json()["targets"]
    target_refs = {f"targets/{t['id']}" for t in targets}
    target_refs |= {f"measurements/{m['id']}" for t in targets for m in t["measured"]}
    sections = {"agencies", "themes", "editions", "sources", "documents", "targets", "measurements"}
    sections |= {f"info/{s}" for s in info}
    seen = set()
    for hit in hits:
        kind, _, key = hit["ref"].rpartition("/")
        seen.add(kind)
        assert kind in sections
        if kind == "agencies":
            assert key in agencies
        elif kind == "themes":
            assert key in themes
        elif kind == "sources":
            assert key in sources
        elif kind == "editions":
            assert key in editions
        elif kind == "documents":
            assert hit["ref"] in documents
        elif kind in ("targets", "measurements"):
            assert hit["ref"] in target_refs
        else:
            assert hit["ref"] in info_refs
    assert {"agencies", "themes", "editions", "sources", "documents"} <= seen


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        # The contract's own examples ("Search by words").
        (["AI"], [], ["info/definition/national-digital-transformation"]),  # giai, hai, lại
        (["mic"], ["agencies/mic"], ["themes/2024"]),  # not inside "economic"
        (["tan"], [], ["agencies/provinces"]),  # not inside "tầng"
        (["chuyen", "doi"], ["info/definition/national-digital-transformation"], []),
        (["transform"], ["info/definition/law-definition"], []),  # 4+ letters: a prefix
        (["505/QĐ-TTg"], ["documents/dec-505"], []),  # punctuation: words in a row
        (["omicall-article"], ["sources/omicall-article"], []),  # source ids
        (["148/2025/QH15"], ["documents/law-148"], []),  # document numbers
        (["agencies/vtv"], ["agencies/vtv"], []),  # refs
    ],
)
def test_whole_words(
    refs: object, query: list[str], found: list[str], not_found: list[str]
) -> None:
    assert callable(refs)
    hits = refs(*query)
    for ref in found:
        assert ref in hits, (query, ref)
    for ref in not_found:
        assert ref not in hits, (query, ref)


def test_a_short_word_matches_only_whole_words() -> None:
    # An oracle written apart from the module: split on non-letters, compare folded words.
    text = "Giai đoạn hai: AI lại tầng tân"
    assert [text[a:b] for a, b in search.spans(text, ["ai"])] == ["AI"]
    assert [text[a:b] for a, b in search.spans(text, ["tan"])] == ["tân"]
    assert [text[a:b] for a, b in search.spans(text, ["giai"])] == ["Giai"]
    assert [text[a:b] for a, b in search.spans(text, ["giai", "doan"])] == ["Giai", "đoạn"]


def test_exact_words_rank_above_prefix_matches() -> None:
    from digiday.core.model import Dataset, Text, Theme

    def theme(year: int, text: str) -> Theme:
        return Theme(year, Text(text, text), ("s",))

    data = Dataset(
        {},
        {},
        {2030: theme(2030, "transformation day"), 2031: theme(2031, "transform day")},
        {},
        {},
    )
    assert [hit.piece.ref for hit in search.hits(data, ["transform"])] == [
        "themes/2031",
        "themes/2030",
    ]


def test_snippets_start_and_end_on_word_boundaries(run: Invoke) -> None:
    lines = run("search", "chuyen", "doi", "so", env={"COLUMNS": "50"}).stdout.splitlines()
    snippets = [line for line in lines if line.startswith("  ")]
    assert snippets
    for snippet in snippets:
        body = snippet.strip().removeprefix("…")
        assert len(snippet) <= 50
        assert body[:1].isalnum() or body[:1] in '"“(', snippet
        if snippet.endswith("…"):
            assert body[-2:-1].isalnum() or body[-2:-1] in '.)"”%', snippet


def _oracle_fold(word: str) -> str:
    marks_dropped = "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
    )
    return marks_dropped.replace("đ", "d").replace("Đ", "D").casefold()


def _oracle_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Spans worked out the slow, plain way: split the text into words, fold each word
    alone (or only ignore case, for a term typed with diacritics), compare word by word."""
    text = unicodedata.normalize("NFC", text)
    words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\W_]+", text)]
    found = set()
    for term in terms:
        parts = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", term))
        if not parts:
            continue
        marked = _oracle_fold(term) != unicodedata.normalize("NFC", term).casefold()

        def how(word: str, marked: bool = marked) -> str:
            return unicodedata.normalize("NFC", word).casefold() if marked else _oracle_fold(word)

        wanted = [how(part) for part in parts]
        for first in range(len(words) - len(wanted) + 1):
            run = words[first : first + len(wanted)]
            if all(
                how(word) == want or (len(want) >= 4 and how(word).startswith(want))
                for (word, _, _), want in zip(run, wanted, strict=True)
            ):
                found.add((run[0][1], run[-1][2]))
    return sorted(found)


_LETTERS = "aAáàạâấđĐdeêếoơớuưứßİ日한0\u0301\u0345\u0483"  # marks that join, split, turn letter
_TEXT = st.text(alphabet=_LETTERS + " -/.,_", max_size=40)


@settings(max_examples=400, deadline=None)
@given(
    _TEXT,
    st.lists(st.one_of(_TEXT, st.text(alphabet=_LETTERS, min_size=1, max_size=6)), max_size=3),
)
def test_spans_agree_with_a_plain_word_by_word_oracle(text: str, terms: list[str]) -> None:
    assert sorted(set(search.spans(text, terms))) == _oracle_spans(text, terms)


def test_marks_of_any_script_fold_away() -> None:
    # Not only Vietnamese marks (U+0300-U+036F): the Cyrillic titlo, a combining mark too.
    assert fold("a\u0483b Ч\u0483") == "ab ч"
    assert fold("Đ đ") == "d d"


def test_text_that_folds_longer_keeps_its_offsets() -> None:
    # "ß" folds to "ss": the words are compared one by one, and the offsets are the text's.
    text = "Die Straße ist lang"
    assert [text[a:b] for a, b in search.spans(text, ["strasse"])] == ["Straße"]
    assert [text[a:b] for a, b in search.spans(text, ["lang"])] == ["lang"]


def test_a_four_letter_word_is_a_prefix_and_a_three_letter_word_is_not() -> None:
    text = "Transformation day"
    assert [text[a:b] for a, b in search.spans(text, ["tran"])] == ["Transformation"]
    assert search.spans(text, ["tra"]) == []
    assert search.spans("chuyển đổi số", ["chuyen"]) == [(0, 6)]  # no marks typed: folded


def test_search_finds_every_part_of_the_data_and_nothing_it_does_not_hold(
    refs: object,
) -> None:
    assert callable(refs)
    # Words the data does not hold are found nowhere: not in the joins between an agency's
    # tasks, not in a missing abbreviation or publisher.
    for absent in ("xx", "xxxx", "none"):
        assert refs(absent) == [], absent
    # A publisher's words find its source: "Ấp Bắc" stands only in "Báo Ấp Bắc".
    assert "sources/baoapbac-505" in refs("ấp", "bắc")
    # Every piece is found under its own section, the first part of its ref.
    from digiday.core.model import SECTIONS

    hits = search.hits(Data().dataset, ["2025"])
    assert {hit.piece.section for hit in hits} >= {"themes", "editions", "documents"}
    for hit in hits:
        section = hit.piece.section
        prefix = f"info/{section}/" if section in SECTIONS else f"{section}/"
        assert hit.piece.ref.startswith(prefix), hit.piece.ref


def test_every_text_of_an_edition_is_searched() -> None:
    # Each part of an edition, from its theme note to the month, finds the edition.
    dataset = Data().dataset
    for edition in dataset.editions.values():
        for text in search._edition_texts(edition):
            word = max(text.en.split(), key=len).strip(".,;:()\"'“”")
            found = [hit.piece.ref for hit in search.hits(dataset, [word])]
            assert f"editions/{edition.year}" in found, (edition.year, word)


def test_text_compared_word_by_word_still_folds_and_takes_prefixes() -> None:
    # A text holding "ß" (which folds to two letters): the other words fold as anywhere
    # else, a word of four letters still matches the start of a longer one, and a prefix
    # ranks below a whole word.
    text = "Straße café transformation"
    assert [text[a:b] for a, b in search.spans(text, ["cafe"])] == ["café"]
    assert [text[a:b] for a, b in search.spans(text, ["tran"])] == ["transformation"]
    assert [text[a:b] for a, b in search.spans(text, ["strasse"])] == ["Straße"]
    street = "Die Straße"
    assert [street[a:b] for a, b in search.spans(street, ["stras"])] == ["Straße"]
    from digiday.core.model import Dataset, Text, Theme

    data = Dataset({}, {}, {2030: Theme(2030, Text("Die Straße", "Die Straße"), ("s",))}, {}, {})
    (prefix,) = search.hits(data, ["stras"])
    (whole,) = search.hits(data, ["strasse"])
    assert prefix.rank > whole.rank


def test_a_source_without_a_publisher_has_none_in_its_label() -> None:
    from digiday.core.model import Dataset, Source

    dataset = Dataset(
        {}, {}, {}, {}, {"plain-source": Source("plain-source", "https://e.org", "A title")}
    )
    assert search.hits(dataset, ["none"]) == []
    assert [hit.piece.ref for hit in search.hits(dataset, ["title"])] == ["sources/plain-source"]


class _CountedWords(tuple[str, ...]):
    """A needle's words that count how many of them are read."""

    read = 0

    def __iter__(self) -> Iterator[str]:
        for word in super().__iter__():
            _CountedWords.read += 1
            yield word


def test_a_long_query_word_costs_the_text_word_by_word_its_words_not_their_product() -> None:
    # A 15 KB query word of 5,000 parts over a 150,000-word text took minutes when every
    # place paired all its parts with the text's words before testing any. Each place stops
    # at the first part that differs: here, nearly always the first.
    text = "Straße " + " ".join(["ab", "cd", "ab", "ab", "ef"] * 400)
    (needle,) = search.needles(["-".join(["ab"] * 500)])
    counted = search.Needle(_CountedWords(needle.words), needle.exactly)
    _CountedWords.read = 0
    assert search._Text(text).places(counted) == []
    places = len(text.split())
    assert 0 < _CountedWords.read <= 2 * places, (_CountedWords.read, places)


def test_a_query_is_at_most_32_words_as_compared(run: Invoke) -> None:
    # A word holding punctuation counts as its words: 505/QĐ-TTg is three. So no query costs
    # more than 32 words at each place of the text.
    assert run("search", "-".join(["ab"] * 32)).exit_code == 1  # searched: no match
    refused = run("search", "-".join(["ab"] * 5000))
    assert refused.exit_code == 2
    assert refused.stderr == "digiday: too many words to search for (5000); at most 32\n"
    vi = run("search", *["a"] * 33, "--lang", "vi")
    assert vi.exit_code == 2 and "33" in vi.stderr and "32" in vi.stderr


def test_a_run_of_many_words_matches_word_by_word_where_the_oracle_says() -> None:
    text = "Straße " + " ".join(["ab"] * 60 + ["abcd", "ab"] + ["ab"] * 60)
    for query in (["-".join(["ab"] * 50)], ["-".join(["ab"] * 61) + "-abc"], ["ab-abcd-ab"]):
        assert search.spans(text, query) == _oracle_spans(text, query), query


# --- Across languages (issue 34, newcomer D5) ------------------------------------------------

KIND_WORDS = [
    ("themes", "theme", "chủ đề", "chu de"),
    ("targets", "target", "mục tiêu", "muc tieu"),
    ("documents", "document", "văn bản", "van ban"),
    ("agencies", "agency", "cơ quan", "co quan"),
    ("sources", "source", "nguồn", "nguon"),
    ("editions", "edition", "lần", "lan"),
]


@pytest.mark.parametrize(("section", "english", "vietnamese", "folded"), KIND_WORDS)
def test_the_word_for_what_a_record_is_finds_every_such_record_in_either_language(
    refs: object, section: str, english: str, vietnamese: str, folded: str
) -> None:
    assert callable(refs)
    dataset = Data().dataset
    every = {
        "themes": {f"themes/{year}" for year in dataset.themes},
        "targets": {f"targets/{ident}" for ident in dataset.targets},
        "documents": {f"documents/{ident}" for ident in dataset.documents},
        "agencies": {f"agencies/{ident}" for ident in dataset.agencies},
        "sources": {f"sources/{ident}" for ident in dataset.sources},
        "editions": {f"editions/{year}" for year in dataset.editions},
    }[section]
    for query in (english, vietnamese, folded):
        found = refs(*query.split())
        assert {ref for ref in found if ref.startswith(f"{section}/")} == every, query


def test_the_same_question_in_either_language_finds_the_same_records(refs: object) -> None:
    assert callable(refs)
    assert set(refs("theme", "2024")) >= {"themes/2024"}
    assert set(refs("chủ", "đề", "2024")) >= {"themes/2024"}
    assert refs("theme", "2024")[0] == refs("chủ", "đề", "2024")[0] == "themes/2024"
    # The Day's theme of 2024 named in Vietnamese finds it with an English query word.
    assert "themes/2024" in refs("theme", "phổ", "cập")


def test_content_matches_come_before_source_id_matches(refs: object) -> None:
    assert callable(refs)
    found = refs("year", "theme")
    by_id = [ref for ref in found if ref.endswith("-year-theme")]
    # Every Day with a year theme is found by the name of that part, before the sources
    # found only by their ids (newcomer D5: "misses editions/2023 and 2025").
    years = [f"editions/{e.year}" for e in Data().dataset.editions.values() if e.year_theme]
    assert by_id and {"editions/2023", "editions/2025"} <= set(years) <= set(found)
    assert max(found.index(ref) for ref in years) < min(found.index(ref) for ref in by_id)


def test_words_in_a_row_rank_above_the_same_words_apart() -> None:
    from digiday.core.model import Dataset, Text, Theme

    def theme(year: int, text: str) -> Theme:
        return Theme(year, Text(text, text), ("s",))

    data = Dataset(
        {},
        {},
        {2030: theme(2030, "economy, and digital"), 2031: theme(2031, "digital economy")},
        {},
        {},
    )
    assert [hit.piece.ref for hit in search.hits(data, ["digital", "economy"])] == [
        "themes/2031",
        "themes/2030",
    ]
    # ... and the snippet starts where they stand in a row.
    text = "economy first, then digital economy"
    assert search.spans(text, ["digital", "economy"])[0] == (
        text.index("digital"),
        text.index("digital") + 7,
    )


def test_a_snippet_shows_the_words_in_a_row_and_fields_stay_apart(run: Invoke) -> None:
    lines = run("search", "year", "theme", env={"COLUMNS": "80"}).stdout.splitlines()
    snippet = lines[lines.index("editions/2025") + 1]
    assert "year theme" in snippet.lower(), snippet
    (hit,) = [
        h
        for h in run("search", "ceremony", "--json").json()["search"]
        if h["ref"] == "editions/2024"
    ]
    assert " · " in hit["text"]  # the parts of a record, not run together


def test_the_characters_compared_whole_keep_their_place_and_kind() -> None:
    # The oracle: each character alone, through both comparisons. Whatever the search
    # compares whole (in C, at the same offsets) must fold to one character of its kind.
    kept = []
    for code in [*range(0x250), *range(0x1E00, 0x1F00), *range(0x2000, 0x2070)]:
        char = chr(code)
        if search._NOT_KEPT.search(char):
            continue
        kept.append(char)
        for how in (fold, search.exact):
            said = how(char)
            assert len(said) == 1, (hex(code), how.__name__, said)
            assert char.isalnum() == said.isalnum(), (hex(code), how.__name__)
    assert len(kept) > 700 and "ệ" in kept and "đ" in kept and "ß" not in kept


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_highlight_is_a_matched_word(run: Invoke, lang: str) -> None:
    # Hundreds of results laid out as one text, styled by offsets: each highlighted piece
    # is a word the query matches, in every result.
    out = run("search", "so", "--lang", lang, env={"FORCE_COLOR": "1", "COLUMNS": "80"}).stdout
    marked = re.findall("\x1b\\[1;7m(.*?)\x1b\\[0m", out)
    assert out.count("\x1b[36m") > 100 and len(marked) > 50  # a result may match in the
    assert {fold(word) for word in marked} == {"so"}  # other language: unmarked
