"""The manual pages and shell completion files a wheel installs, made from the program.

`man digiday` (and `man -L vi digiday`) shows every command with its own --help text, taken
from the click commands themselves in each language, so that the page cannot say other than
`--help` does. help2man reads the help's English "Usage:" and misreads the Vietnamese; the
page is written as roff here instead. Non-ASCII characters are written as groff's Unicode
escapes (`\\[u1EC7]`), so that `groff -man -ww -z` reads the page cleanly without being told
its encoding and `man` shows it in any UTF-8 terminal.

The completion files are Typer's scripts for bash, zsh and fish: they ask `digiday` itself
for the candidates, so they never go stale.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from digiday import __version__
from digiday.core.model import Lang

COMPLETIONS = {
    "bash": "bash-completion/completions/digiday",
    "zsh": "zsh/site-functions/_digiday",
    "fish": "fish/vendor_completions.d/digiday.fish",
}

# The page's own words (its headings, the exit statuses, the variables) are written here in
# both languages, not in the catalogue: the program never says them, so every install would
# carry them in its .mo for nothing. Everything the commands say on the page (their help,
# options, examples) comes from the catalogue, through the click commands. "example" is the
# prefix the commands' help gives their example in each language (`Ví dụ: digiday ...`).
_HEADINGS: dict[Lang, dict[str, str]] = {
    "en": {
        "name": "NAME",
        "synopsis": "SYNOPSIS",
        "description": "DESCRIPTION",
        "options": "OPTIONS",
        "commands": "COMMANDS",
        "status": "EXIT STATUS",
        "environment": "ENVIRONMENT",
        "files": "FILES",
        "examples": "EXAMPLES",
        "see also": "SEE ALSO",
        "example": "Example: ",
        "manual": "User Commands",
        "name line": "Vietnam's National Digital Transformation Day from the command line",
        "languages": "Each command below answers in the language --lang chooses (vi or en); "
        "those that take --format answer as text for people, as plain lines for grep, cut "
        "and awk, as JSON or as Markdown.",
    },
    "vi": {
        "name": "TÊN",
        "synopsis": "CÚ PHÁP",
        "description": "MÔ TẢ",
        "options": "TÙY CHỌN",
        "commands": "CÁC LỆNH",
        "status": "MÃ THOÁT",
        "environment": "BIẾN MÔI TRƯỜNG",
        "files": "TỆP",
        "examples": "VÍ DỤ",
        "see also": "XEM THÊM",
        "example": "Ví dụ: ",
        "manual": "Lệnh người dùng",
        "name line": "Ngày Chuyển đổi số quốc gia của Việt Nam trên dòng lệnh",
        "languages": "Mỗi lệnh dưới đây trả lời bằng ngôn ngữ --lang chọn (vi hoặc en); các "
        "lệnh nhận --format trả lời dạng văn bản cho người đọc, dạng dòng thuần cho grep, cut "
        "và awk, dạng JSON hoặc Markdown.",
    },
}

# What each example of the commands' help does (the page lists them together, each with its
# own line, not its command's summary), keyed by the example: a new one needs its line here.
_EXAMPLES: dict[str, dict[Lang, str]] = {
    "digiday countdown --lang vi": {
        "en": "Show the countdown in Vietnamese.",
        "vi": "Hiện số ngày đếm ngược bằng tiếng Việt.",
    },
    "digiday info purposes --lang vi": {
        "en": "Show the Day's purposes in Vietnamese.",
        "vi": "Hiện các mục đích của Ngày bằng tiếng Việt.",
    },
    "digiday agencies --role media": {
        "en": "Show the media bodies and what each must do.",
        "vi": "Hiện các cơ quan truyền thông và nhiệm vụ của từng cơ quan.",
    },
    "digiday themes 2024": {"en": "Show the 2024 theme.", "vi": "Hiện chủ đề năm 2024."},
    "digiday editions 2024": {
        "en": "Show the 2024 Day in full: its theme, ceremony and plan.",
        "vi": "Hiện đầy đủ Ngày năm 2024: chủ đề, lễ và kế hoạch.",
    },
    "digiday countdown --days": {
        "en": "Print the number of days only.",
        "vi": "Chỉ in số ngày.",
    },
    "digiday is-today && echo 'Chúc mừng Ngày Chuyển đổi số quốc gia!'": {
        "en": "Print a greeting on the Day, and nothing on any other day.",
        "vi": "In lời chúc vào đúng Ngày; ngày khác không in gì.",
    },
    "digiday ics -o ngay-chuyen-doi-so.ics": {
        "en": "Write the Day's calendar to the file ngay-chuyen-doi-so.ics.",
        "vi": "Ghi lịch của Ngày vào tệp ngay-chuyen-doi-so.ics.",
    },
    "digiday search dai truyen hinh": {
        "en": "Find what names Đài Truyền hình, typed without diacritics.",
        "vi": "Tìm nội dung có Đài Truyền hình, gõ không dấu.",
    },
    "digiday sources vietnamnet-2025-ceremony": {
        "en": "Show one source and every item that cites it.",
        "vi": "Hiện một nguồn và mọi mục trích dẫn nguồn đó.",
    },
    "digiday targets --year 2025": {
        "en": "Show the targets set for 2025 and the figures measured against them.",
        "vi": "Hiện các mục tiêu đặt cho năm 2025 và các số liệu đo được so với chúng.",
    },
    "digiday quiz --count 5 --topic themes": {
        "en": "Ask five questions on the Day's themes.",
        "vi": "Hỏi năm câu về chủ đề của Ngày.",
    },
    "digiday validate ~/.local/share/digiday/2027.yaml": {
        "en": "Check a data file before it is laid over the data.",
        "vi": "Kiểm tra một tệp dữ liệu trước khi đặt nó chồng lên dữ liệu.",
    },
}

# Where to read more: the README gives no address of its own, so the source's files.
_SEE_ALSO: dict[Lang, list[tuple[str, str]]] = {
    "en": [
        ("docs/usage.md", "the user's guide, in digiday's source: every command, scripting, "
         "the language, data files, shell completion"),
        ("README.md", "a tour of the commands, in digiday's source"),
        ("man -L vi digiday", "this page in Vietnamese"),
    ],
    "vi": [
        ("docs/usage.md", "hướng dẫn sử dụng (tiếng Anh), trong mã nguồn của digiday: mọi lệnh, "
         "viết script, ngôn ngữ, tệp dữ liệu, tự hoàn thành lệnh"),
        ("README.md", "giới thiệu các lệnh, trong mã nguồn của digiday"),
        ("man -L en digiday", "trang này bằng tiếng Anh"),
    ],
}  # fmt: skip

# The contract's exit statuses and variables, as the README tells them.
_STATUS: dict[Lang, list[tuple[str, str]]] = {
    "en": [
        ("0", "done; for is-today: it is the Day"),
        ("1", "the answer is no: is-today on another day, search with no match"),
        ("2", "the command line is wrong"),
        ("3", "a user data file cannot be used"),
        ("70", "a bug in digiday (DIGIDAY_TRACEBACK=1 shows where)"),
        ("71", "the system ran out of memory"),
        ("74", "the answer could not be written"),
        ("130", "interrupted (Ctrl-C)"),
    ],
    "vi": [
        ("0", "xong; với is-today: hôm nay là Ngày"),
        ("1", "câu trả lời là không: is-today vào ngày khác, search không tìm thấy"),
        ("2", "dòng lệnh sai"),
        ("3", "không dùng được một tệp dữ liệu của người dùng"),
        ("70", "lỗi của digiday (DIGIDAY_TRACEBACK=1 cho biết ở đâu)"),
        ("71", "hệ thống đã hết bộ nhớ"),
        ("74", "không ghi được câu trả lời"),
        ("130", "bị ngắt (Ctrl-C)"),
    ],
}
_ENVIRONMENT: dict[Lang, list[tuple[str, str]]] = {
    "en": [
        ("DIGIDAY_LANG", "vi or en, when --lang is not given"),
        ("LANGUAGE, LC_ALL, LC_MESSAGES, LANG", "the language, as gettext reads them"),
        ("DIGIDAY_DATA", "data files laid over the data, separated by ':'"),
        ("XDG_DATA_HOME, XDG_DATA_DIRS", "where the data folders are"),
        ("DIGIDAY_NO_STALE_NOTICE", "when set, no notice that the data is older than a Day"),
        ("NO_COLOR, FORCE_COLOR", "no colour; colour even when piped"),
        ("DIGIDAY_TRACEBACK", "when set, an internal error shows its traceback"),
    ],
    "vi": [
        ("DIGIDAY_LANG", "vi hoặc en, khi không có --lang"),
        ("LANGUAGE, LC_ALL, LC_MESSAGES, LANG", "ngôn ngữ, đọc như gettext đọc"),
        ("DIGIDAY_DATA", "các tệp dữ liệu đặt chồng lên dữ liệu, cách nhau bởi ':'"),
        ("XDG_DATA_HOME, XDG_DATA_DIRS", "nơi có các thư mục dữ liệu"),
        ("DIGIDAY_NO_STALE_NOTICE", "khi được đặt, không báo dữ liệu cũ hơn một Ngày"),
        ("NO_COLOR, FORCE_COLOR", "không màu; có màu cả khi chuyển qua ống"),
        ("DIGIDAY_TRACEBACK", "khi được đặt, lỗi nội bộ in cả traceback"),
    ],
}
_FILES = [
    "~/.local/share/digiday/*.yaml",
    "/usr/local/share/digiday/*.yaml",
    "/usr/share/digiday/*.yaml",
]


def roff(text: str) -> str:
    """`text` as roff reads it literally: backslashes and hyphens escaped, a line that would
    start with a control character guarded, and every non-ASCII character as `\\[uXXXX]`."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = re.sub(r"(?m)^([.'])", r"\\&\1", text)
    return "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)


def _paragraphs(text: str) -> list[str]:
    out = []
    for paragraph in text.strip().split("\n\n"):
        out += [".PP", roff(" ".join(paragraph.split()))]
    return out


def _example(help_text: str, prefix: str) -> tuple[str | None, str]:
    """A help text's example (its paragraph that starts with `prefix`, without it) and the
    rest of the text: the page gathers the examples in a section of their own."""
    example = None
    rest = []
    for paragraph in help_text.strip().split("\n\n"):
        if example is None and paragraph.startswith(prefix):
            example = " ".join(paragraph[len(prefix) :].split())
        else:
            rest.append(paragraph)
    return example, "\n\n".join(rest)


def _options(command: Any, ctx: Any) -> list[str]:
    out = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        names, help_text = record
        out += [".TP", f"\\fB{roff(names)}\\fR", roff(" ".join(help_text.split()))]
    return out


def page(lang: Lang, dated: dt.date) -> str:
    """The manual page, digiday(1), in `lang`, dated `dated` (the data's date: the page is
    the same whenever it is made)."""
    from digiday.cli.typer_internals import typer_words

    with typer_words(lang):
        return _page(lang, dated)


def _page(lang: Lang, dated: dt.date) -> str:
    from typer.main import get_command

    from digiday.cli.app import app
    from digiday.cli.root import command_names

    group: Any = get_command(app)  # the root group (digiday.cli.root.RootGroup)
    group.translate(lang)
    ctx = group.make_context("digiday", [], resilient_parsing=True)
    words = _HEADINGS[lang]
    example, description = _example(group.help or "", words["example"])
    examples = [example] if example else []
    out = [
        f'.TH DIGIDAY 1 "{dated.isoformat()}" "digiday {__version__}" "{roff(words["manual"])}"',
        f".SH {roff(words['name'])}",
        f"digiday \\- {roff(words['name line'])}",
        f".SH {roff(words['synopsis'])}",
        f".B digiday\n{roff(' '.join(group.collect_usage_pieces(ctx)))}",
        f".SH {roff(words['description'])}",
        *_paragraphs(description + "\n\n" + words["languages"]),
        f".SH {roff(words['options'])}",
        *_options(group, ctx),
        f".SH {roff(words['commands'])}",
    ]
    for name in command_names():
        command = group.get_command(ctx, name)
        assert command is not None
        inner = command.make_context(name, [], parent=ctx, resilient_parsing=True)
        usage = " ".join(command.collect_usage_pieces(inner))
        example, description = _example(command.help or "", words["example"])
        if example:
            examples.append(example)
        out += [f'.SS "{roff(f"digiday {name} {usage}")}"', *_paragraphs(description)]
        out += _options(command, inner)
    out.append(f".SH {roff(words['examples'])}")
    for command_line in examples:
        out += [".TP", f"\\fB{roff(command_line)}\\fR", roff(_EXAMPLES[command_line][lang])]
    out.append(f".SH {roff(words['status'])}")
    for code, meaning in _STATUS[lang]:
        out += [".TP", f"\\fB{code}\\fR", roff(meaning)]
    out.append(f".SH {roff(words['environment'])}")
    for name, meaning in _ENVIRONMENT[lang]:
        out += [".TP", f"\\fB{roff(name)}\\fR", roff(meaning)]
    out += [f".SH {roff(words['files'])}", ".nf", *(roff(path) for path in _FILES), ".fi"]
    out.append(f".SH {roff(words['see also'])}")
    for name, meaning in _SEE_ALSO[lang]:
        out += [".TP", f"\\fB{roff(name)}\\fR", roff(meaning)]
    return "\n".join([out[0], *_fallbacks(out), *out[1:]]) + "\n"


def _fallbacks(lines: list[str]) -> list[str]:
    """A fallback (`.fchar`) for each non-ASCII character used: its letters without their
    marks. groff uses it only where a font lacks the glyph (its PostScript fonts lack
    Vietnamese), so `groff -man -ww -z` warns of none, and a terminal still shows the real
    character."""
    from digiday.environment import without_diacritics

    used = sorted(set(re.findall(r"\\\[u([0-9A-F]{4,})\]", "\n".join(lines))))
    out = []
    for code in used:
        plain = without_diacritics(chr(int(code, 16))).encode("ascii", "replace").decode()
        out.append(f".fchar \\[u{code}] {roff(plain)}")
    return out


def completion(shell: str) -> str:
    """The completion script for `shell`, for the `digiday` command, as the tool prints it."""
    from digiday.cli.root import script

    return script(shell) + "\n"
