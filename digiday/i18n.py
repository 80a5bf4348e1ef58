"""The tool's own words in both languages, and choosing the language.

Content lives in data/; this holds only what the tool itself says: headings, labels,
weekdays, ordinals and messages.
"""

from __future__ import annotations

from collections.abc import Mapping

from digiday.model import LANGS, Lang

WORDS: dict[str, tuple[str, str]] = {  # key: (vi, en)
    "day": ("Ngày Chuyển đổi số quốc gia", "National Digital Transformation Day"),
    "day_date": ("10 tháng 10 hằng năm", "10 October, every year"),
    "decision": ("Quyết định 505/QĐ-TTg, 22/4/2022", "Decision 505/QĐ-TTg of 22 April 2022"),
    "overview": ("Tổng quan", "Overview"),
    "definition": ("Chuyển đổi số quốc gia", "National digital transformation"),
    "activities": (
        "Hoạt động của quá trình chuyển đổi số",
        "Activities of the digital transformation process",
    ),
    "purposes": ("Mục đích", "Purposes"),
    "history": ("Lịch sử", "History"),
    "lead": ("Chủ trì", "Lead"),
    "coordinator": ("Phối hợp", "Coordinator"),
    "implementer": ("Triển khai", "Implementer"),
    "association": ("Hiệp hội", "Association"),
    "media": ("Đài và thông tấn", "Broadcaster"),
    "press": ("Báo chí", "Press"),
    "agencies": ("Cơ quan tổ chức", "Who organises the Day"),
    "tasks": ("Nhiệm vụ", "Tasks"),
    "change": ("Thay đổi", "What changed"),
    "now_done_by": ("Nay do", "Now done by"),
    "sources": ("Nguồn", "Sources"),
    "role": ("Vai trò", "Role"),
    "year": ("Năm", "Year"),
    "edition": ("Lần", "Edition"),
    "theme": ("Chủ đề", "Theme"),
    "themes": ("Chủ đề từng năm", "Theme of each year"),
    "unknown": ("chưa rõ", "not known"),
    "editions": ("Các lần tổ chức", "Each Day as it happened"),
    "day_theme": ("Chủ đề của Ngày", "Theme of the Day"),
    "year_theme": (
        "Chủ đề năm của cơ quan chỉ đạo của Chính phủ (không phải chủ đề của Ngày)",
        "Year theme of the Government's steering body (not the Day's theme)",
    ),
    "theme_note": ("Chủ đề nào là của Ngày", "Which theme is which"),
    "ceremony": ("Lễ cấp quốc gia", "National ceremony"),
    "chaired_by": ("Chủ trì", "Chaired by"),
    "organiser": ("Tổ chức", "Organised by"),
    "provinces": ("Các tỉnh", "Provinces"),
    "plan": ("Kế hoạch", "Plan"),
    "month": ("Tháng tiêu dùng số", "Digital Consumption Month"),
    "cited_by": ("Được trích dẫn ở", "Cited by"),
    "by": ("Cơ quan đặt", "Set by"),
    "unofficial": ("bản dịch không chính thức", "unofficial translation"),
    "translation_note": (
        "",
        "English text is digiday's translation of the Vietnamese sources, "
        "except names and themes published in English.",
    ),
    "days_left": ("Còn {days} ngày đến {day} {ordinal}", "{days} days to the {ordinal} {day}"),
    "one_day_left": ("Còn 1 ngày đến {day} {ordinal}", "1 day to the {ordinal} {day}"),
    "today_is": (
        "Hôm nay là {day} {ordinal}! Chúc mừng ngày hội chuyển đổi số!",
        "Today is the {ordinal} {day}! Happy Digital Transformation Day!",
    ),
    "date": ("Ngày", "Date"),
    "today": ("Hôm nay", "Today"),
    "watch_left": (
        "Đến 0 giờ ngày {date}: còn {days} ngày {time}",
        "Until 00:00 on {date}: {days} days {time} to go",
    ),
    "watch_help": ("Nhấn Ctrl-C để thoát", "Press Ctrl-C to stop"),
    "search_results": ("Kết quả tìm kiếm", "Search results"),
    "text": ("Nội dung", "Text"),
    "ics_summary": ("{day} {ordinal}", "{ordinal} {day}"),
    "ics_theme": ("Chủ đề: {theme}", "Theme: {theme}"),
    "ics_no_theme": ("Chủ đề của năm này chưa rõ.", "The theme of this year is not known."),
    "ics_description": (
        "Ngày 10 tháng 10 hằng năm là {day} (Quyết định 505/QĐ-TTg).",
        "10 October every year is {day} (Decision 505/QĐ-TTg).",
    ),
}

WEEKDAYS: tuple[tuple[str, str], ...] = (
    ("Thứ Hai", "Monday"),
    ("Thứ Ba", "Tuesday"),
    ("Thứ Tư", "Wednesday"),
    ("Thứ Năm", "Thursday"),
    ("Thứ Sáu", "Friday"),
    ("Thứ Bảy", "Saturday"),
    ("Chủ Nhật", "Sunday"),
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_VI_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")


def word(key: str, lang: Lang, **values: object) -> str:
    vi, en = WORDS[key]
    return (vi if lang == "vi" else en).format(**values)


def weekday(index: int, lang: Lang) -> str:
    """Monday is 0, as `date.weekday()` gives it."""
    return WEEKDAYS[index][0 if lang == "vi" else 1]


def ordinal(number: int, lang: Lang) -> str:
    """`lần thứ năm` / `5th`: the edition as each language says it."""
    if lang == "vi":
        return "lần thứ " + (_VI_ORDINALS[number - 1] if 1 <= number <= 10 else str(number))
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def countdown_headline(days: int, edition: int, lang: Lang) -> str:
    """`Còn 316 ngày đến ...` / `316 days to the 6th ...`, or the greeting on the Day."""
    values = {"day": word("day", lang), "ordinal": ordinal(edition, lang)}
    if days == 0:
        return word("today_is", lang, **values)
    if days == 1:
        return word("one_day_left", lang, **values)
    return word("days_left", lang, days=days, **values)


def long_date(year: int, month: int, day: int, lang: Lang) -> str:
    if lang == "vi":
        return f"{day}/{month}/{year}"
    return f"{day} {MONTHS_EN[month - 1]} {year}"


def partial_date(text: str, lang: Lang) -> str:
    """`2024`, `2024-06` or `2024-06-16` as each language writes it."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        return long_date(parts[0], parts[1], parts[2], lang)
    if len(parts) == 2:
        return (
            f"tháng {parts[1]}/{parts[0]}"
            if lang == "vi"
            else f"{MONTHS_EN[parts[1] - 1]} {parts[0]}"
        )
    return str(parts[0])


def choose_lang(explicit: str | None, environ: Mapping[str, str]) -> tuple[str | None, str]:
    """The language asked for, and where it came from (for an error message).

    `--lang`, then DIGIDAY_LANG, then the first set locale variable (LC_ALL, LC_MESSAGES,
    LANG; a value starting with `vi` means Vietnamese), else English. Returns the raw value
    of --lang or DIGIDAY_LANG unchecked so the caller can report it; a locale never fails.
    """
    if explicit is not None:
        return explicit, "--lang"
    if environ.get("DIGIDAY_LANG"):
        return environ["DIGIDAY_LANG"], "DIGIDAY_LANG"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return ("vi" if value.lower().startswith("vi") else "en"), name
    return "en", "default"


def lang_of(argv: list[str], environ: Mapping[str, str]) -> Lang:
    """The language a command line asks for, from `--lang X` or `--lang=X` anywhere in it,
    else the environment; English for anything else. For messages written before (or
    without) the command's own options being parsed."""
    explicit = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            explicit = argv[index + 1]
        elif arg.startswith("--lang="):
            explicit = arg.partition("=")[2]
    value, _ = choose_lang(explicit.lower() if explicit else None, environ)
    return "vi" if value == "vi" else "en"


def is_lang(value: str | None) -> bool:
    return value in LANGS
