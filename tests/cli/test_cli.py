"""The command line as users and their scripts see it: stdout, stderr and exit status apart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Invoke

ESCAPE = re.compile(r"\x1b\[")
COMMANDS = ("info", "agencies", "themes", "editions", "countdown", "search", "sources")
FORMATS = ("text", "plain", "json", "markdown")
SEARCH_ARGS = ("chuyen", "doi", "so")


def args_for(command: str) -> tuple[str, ...]:
    return (command, *SEARCH_ARGS) if command == "search" else (command,)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_command_format_and_language(run: Invoke, command: str, fmt: str, lang: str) -> None:
    result = run(*args_for(command), "--format", fmt, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.endswith("\n")
    assert not ESCAPE.search(result.stdout), "no escape codes when stdout is not a terminal"
    if fmt == "json":
        envelope = result.json()
        assert list(envelope) == ["schema_version", "lang", "data_as_of", command]
        assert envelope["schema_version"] == 1
        assert envelope["lang"] == lang
        assert envelope["data_as_of"] == "2026-12-07"  # data/meta.yaml's
    if fmt == "plain":
        # One record a line, fields between TABs: no heading, border or blank line.
        lines = result.stdout.splitlines()
        assert lines and all("\t" in line for line in lines), result.stdout
        assert not any(line.startswith("#") or "─" in line or "│" in line for line in lines)


def test_countdown_json_is_the_contracts_example(run: Invoke) -> None:
    # The contract's own example, for 2026-11-28 in Vietnam: 316 days to Sunday 2027-10-10.
    assert run("countdown", "--json").json()["countdown"] == {
        "today": "2026-11-28",
        "timezone": "Asia/Ho_Chi_Minh",
        "date": "2027-10-10",
        "days": 316,
        "is_today": False,
        "edition": 6,
        "weekday": "Sunday",
        "theme": None,
    }


def test_countdown_in_vietnamese(run: Invoke) -> None:
    payload = run("countdown", "--json", "--lang", "vi").json()["countdown"]
    assert payload["weekday"] == "Chủ Nhật"
    text = run("countdown", "--lang", "vi").stdout
    assert "Còn 316 ngày đến Ngày Chuyển đổi số quốc gia lần thứ sáu" in text
    assert "Chủ Nhật, 10/10/2027" in text


def test_countdown_on_the_day_celebrates(run: Invoke) -> None:
    en = run("countdown", "--date", "2026-10-10")
    vi = run("countdown", "--date", "10/10/2026", "--lang", "vi")
    assert "Today is the 5th National Digital Transformation Day!" in en.stdout
    assert "Hôm nay là Ngày Chuyển đổi số quốc gia lần thứ năm!" in vi.stdout
    payload = run("countdown", "--date", "2026-10-10", "--json").json()["countdown"]
    assert (payload["days"], payload["is_today"], payload["edition"]) == (0, True, 5)


def test_countdown_days_alone(run: Invoke) -> None:
    # 2026-10-10 to 2027-10-10 is 365 days (no 29 February between), so the day after is 364.
    result = run("countdown", "--days", "--date", "2026-10-11")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "364\n", "")


def test_countdown_before_2022_counts_to_the_first_day(run: Invoke) -> None:
    payload = run("countdown", "--json", "--date", "2021-10-10").json()["countdown"]
    # 2021-10-10 to 2022-10-10 is 365 days.
    assert (payload["date"], payload["days"], payload["edition"]) == ("2022-10-10", 365, 1)
    assert payload["theme"].startswith("Digital transformation solves social problems")


def test_countdown_plain_fields(run: Invoke) -> None:
    fields = run("countdown", "--plain", "--date", "2025-10-09").stdout.rstrip("\n").split("\t")
    assert fields[:4] == ["1", "2025-10-10", "Friday", "4"]
    assert fields[4] == "Digital transformation: Faster - more effective - closer to the people"
    assert fields[5:] == ["2025-10-09", "Asia/Ho_Chi_Minh"]


def test_countdown_watch_prints_once_when_not_a_terminal(run: Invoke) -> None:
    result = run("countdown", "--watch", "--date", "2026-10-09")
    assert result.exit_code == 2
    assert "--date" in result.stderr
    once = run("countdown", "--watch", "--tz", "UTC")
    assert once.exit_code == 0 and "days to the" in once.stdout


@pytest.mark.parametrize(
    ("date", "status"),
    [("2026-10-10", 0), ("2026-10-09", 1), ("2026-10-11", 1), ("10/10/2022", 0), ("2021-10-10", 1)],
)
def test_is_today(run: Invoke, date: str, status: int) -> None:
    result = run("is-today", "--date", date)
    assert (result.exit_code, result.stdout, result.stderr) == (status, "", "")


def test_is_today_takes_the_day_in_vietnam(run: Invoke, now: object) -> None:
    import datetime as dt

    assert callable(now)
    now(dt.datetime(2026, 10, 9, 18, 30, tzinfo=dt.timezone.utc))  # 01:30 on the 10th in Hanoi
    assert run("is-today").exit_code == 0
    assert run("is-today", "--tz", "UTC").exit_code == 1
    assert run("is-today", "--tz", "America/New_York").exit_code == 1


def test_themes_lists_2022_to_the_latest_day_with_unknown_2026(run: Invoke) -> None:
    themes = run("themes", "--json").json()["themes"]
    assert [t["year"] for t in themes] == [2022, 2023, 2024, 2025, 2026]
    assert [t["edition"] for t in themes] == [1, 2, 3, 4, 5]
    assert themes[-1]["theme"] is None and themes[-1]["sources"] == []
    assert themes[1]["theme"] == "Exploiting digital data to create value"
    vi = run("themes", "2023", "--json", "--lang", "vi").json()["themes"]
    assert vi == [
        {
            "year": 2023,
            "edition": 2,
            "theme": "Khai thác dữ liệu số để tạo ra giá trị",
            "unofficial_translation": False,
            "note": None,
            "sources": ["sggp-en-505", "nguonluc-2023", "vjst-2023"],
        }
    ]


def test_themes_text_shows_unknown_never_invented(run: Invoke) -> None:
    # 2026's Day is before the data's date (7/12/2026): its theme was not found then. An
    # English reader is never given 07/12/2026, which reads as 12 July.
    assert "(not found as of 7 December 2026)" in run("themes", "2026").stdout
    assert "(chưa tìm thấy, dữ liệu đến 7/12/2026)" in run("themes", "2026", "--lang", "vi").stdout
    assert "unofficial translation" in run("themes", "2024").stdout
    assert run("themes", "2030", "--plain").stdout == "2030\t9\t\n"


def test_themes_before_the_first_day_lists_2022(run: Invoke, now: object) -> None:
    import datetime as dt

    assert callable(now)
    now(dt.datetime(2022, 5, 1, tzinfo=dt.timezone.utc))
    assert run("themes", "--json").json()["themes"][0]["year"] == 2022


def test_agencies_show_the_2025_merger_and_who_works_now(run: Invoke) -> None:
    agencies = {a["id"]: a for a in run("agencies", "--json").json()["agencies"]}
    mic = agencies["mic"]
    assert mic["role"] == "lead" and mic["abbreviation"] == "MIC"
    assert mic["successor"] == "most" and mic["successor"] in agencies
    assert "1 March 2025" in mic["change"]
    assert set(mic) >= {"id", "name", "abbreviation", "role", "tasks", "change", "successor"}
    assert agencies["mcst"]["abbreviation"] is None
    text = run("agencies", "--role", "lead", "--lang", "vi").stdout
    assert "Nay do: Bộ Khoa học và Công nghệ" in text
    # audit-2 defect 12: merged *with* MOST *into* one ministry, which kept MOST's name
    # (worded since issue 33 so that it does not name the ministry twice, newcomer D22).
    assert "Thay đổi: Hợp nhất với Bộ Khoa học và Công nghệ thành một bộ" in text


@pytest.mark.parametrize(
    ("role", "ids"),
    [
        ("lead", ["mic"]),
        ("coordinator", ["mcst", "most"]),
        ("implementer", ["ministries", "provinces"]),
        ("association", ["vcci", "associations"]),
        ("media", ["vtv", "vov", "vna"]),
        ("press", ["press"]),
    ],
)
def test_agencies_by_role(run: Invoke, role: str, ids: list[str]) -> None:
    lines = run("agencies", "--role", role, "--plain").stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == ids
    assert all(line.split("\t")[1] == role for line in lines)
    assert all(len(line.split("\t")) == 7 for line in lines)


def test_info_sections_in_order(run: Invoke) -> None:
    info = run("info", "--json").json()["info"]
    assert list(info) == ["overview", "definition", "activities", "purposes", "history"]
    assert len(info["activities"]) == 5 and len(info["purposes"]) == 3
    dates = [item["date"] for item in info["history"]]
    assert dates == sorted(dates)
    assert {"dec-505", "first-day", "mic-merged"} <= {item["id"] for item in info["history"]}


def test_info_one_section(run: Invoke) -> None:
    info = run("info", "purposes", "--json", "--lang", "vi").json()["info"]
    assert list(info) == ["purposes"]
    assert info["purposes"][1]["text"] == (
        "Nâng cao nhận thức của người dân toàn xã hội về vai trò, ý nghĩa và lợi ích "
        "của chuyển đổi số."
    )
    plain = run("info", "activities", "--plain").stdout.splitlines()
    assert len(plain) == 5
    assert all(line.split("\t")[0] == "activities" for line in plain)


def test_sources_json_and_plain(run: Invoke) -> None:
    sources = run("sources", "--json").json()["sources"]
    assert all(s["url"].startswith(("http://", "https://")) for s in sources)
    assert {"id", "title", "url"} <= set(sources[0])
    plain = run("sources", "--plain").stdout.splitlines()
    assert [line.split("\t")[0] for line in plain] == [s["id"] for s in sources]


def test_markdown_is_markdown(run: Invoke) -> None:
    themes = run("themes", "--format", "markdown", "--date", "2026-01-01")
    assert themes.exit_code == 2  # themes takes no --date
    table = run("themes", "-f", "markdown", "2025").stdout
    assert table.startswith("# Theme of each year\n")
    assert "| 2025 | 4th | Digital transformation: Faster" in table
    info = run("info", "overview", "-f", "markdown", "--lang", "vi").stdout
    assert info.startswith("# Ngày Chuyển đổi số quốc gia\n\n## Tổng quan\n")


@pytest.mark.locale
def test_language_from_environment(run: Invoke) -> None:
    def lang_of(env: dict[str, str]) -> str:
        return str(run("sources", "--json", env=env).json()["lang"])

    assert lang_of({}) == "en"
    assert lang_of({"LANG": "vi_VN.UTF-8"}) == "vi"
    assert lang_of({"LC_MESSAGES": "vi_VN", "LANG": "en_US.UTF-8"}) == "vi"
    assert lang_of({"LC_ALL": "C", "LANG": "vi_VN.UTF-8"}) == "en"  # LC_ALL comes first
    assert lang_of({"DIGIDAY_LANG": "vi", "LC_ALL": "en_US"}) == "vi"
    assert (
        run("sources", "--json", "--lang", "en", env={"DIGIDAY_LANG": "vi"}).json()["lang"] == "en"
    )


def test_colour_only_when_asked(run: Invoke) -> None:
    assert ESCAPE.search(run("themes", "2025", env={"FORCE_COLOR": "1"}).stdout)
    assert not ESCAPE.search(run("themes", "2025", env={"NO_COLOR": "1"}).stdout)
    assert not ESCAPE.search(run("themes", "2025", "--json", env={"FORCE_COLOR": "1"}).stdout)
    # newcomer D14: FORCE_COLOR=0 forces nothing, and a non-empty NO_COLOR always wins.
    assert not ESCAPE.search(run("themes", "2025", env={"FORCE_COLOR": "0"}).stdout)
    both = {"FORCE_COLOR": "1", "NO_COLOR": "1"}
    assert not ESCAPE.search(run("themes", "2025", env=both).stdout)


def test_data_with_markup_characters_is_printed_as_written(run: Invoke, tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    overlay = tmp_path / "brackets.yaml"
    overlay.write_text(
        "themes:\n  - year: 2027\n"
        '    theme: {vi: "[bold]x[/bold] 10/10", en: "[red]y[/red] 10/10"}\n'
        "    sources: [omicall-article]\n",
        encoding="utf-8",
    )
    result = run("themes", "2027", "--data", str(overlay), env={"FORCE_COLOR": "1"})
    assert "[red]y[/red] 10/10" in re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (("info", "foo"), ["'foo'", "overview", "history"]),
        (("agencies", "--role", "boss"), ["'boss'", "lead", "press"]),
        (("info", "--lang", "fr"), ["'fr'", "vi", "en"]),
        (("info", "--format", "yaml"), ["'yaml'", "markdown"]),
        (("info", "--json", "--plain"), ["--json", "--plain"]),
        (("info", "--format", "text", "--json"), ["--format text", "--json"]),
        (("themes", "--format", "LINE"), ["--format line", "countdown"]),
        (("quiz", "-fline", "--json"), ["--format line", "countdown"]),
        (("themes", "2021"), ["2021", "2022"]),
        (("themes", "abc"), ["'abc'"]),
        (("countdown", "--date", "2026-02-29"), ["'2026-02-29'", "YYYY-MM-DD"]),
        (("countdown", "--date", "tomorrow"), ["'tomorrow'", "DD/MM/YYYY"]),
        (("countdown", "--tz", "Mars/Olympus"), ["'Mars/Olympus'", "Asia/Ho_Chi_Minh"]),
        (("countdown", "--days", "--json"), ["--days", "json"]),
        (("is-today", "--tz", "../../etc/passwd"), ["'../../etc/passwd'"]),
        (("ics", "--from", "2030", "--to", "2025"), ["2030", "2025"]),
        (("ics", "--to", "2021"), ["2021"]),
        (("search",), ["search"]),
        (("search", " ".join(["word"] * 33)), ["33", "32"]),
        (("frobnicate",), ["frobnicate"]),
        (("info", "--frobnicate"), ["--frobnicate"]),
    ],
)
def test_bad_command_lines_exit_2_with_one_short_message(
    run: Invoke, args: tuple[str, ...], names: list[str]
) -> None:
    result = run(*args)
    assert result.exit_code == 2, result
    assert result.stdout == ""
    assert result.stderr.startswith("digiday: ")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr
    for name in names:
        assert name in result.stderr


def test_errors_speak_the_readers_language(run: Invoke) -> None:
    result = run("info", "foo", "--lang", "vi")
    assert result.stderr == (
        "digiday: mục không hợp lệ 'foo' "
        "(chọn: overview, definition, activities, purposes, history)\n"
    )
    missing = run("countdown", "--date", "30/02/2026", "--lang", "vi")
    assert missing.stderr == (
        "digiday: không có ngày '30/02/2026' trong lịch (viết YYYY-MM-DD hoặc DD/MM/YYYY)\n"
    )
    # A bad DIGIDAY_LANG never fails a command: English, and one warning line.
    bad_env = run("info", "overview", env={"DIGIDAY_LANG": "xx"})
    assert bad_env.exit_code == 0 and "OVERVIEW" in bad_env.stdout
    assert bad_env.stderr == (
        "digiday: unknown language 'xx' in DIGIDAY_LANG: using English (choose: vi, en)\n"
    )


def test_year_past_the_calendar_is_an_error_not_a_crash(run: Invoke) -> None:
    result = run("countdown", "--date", "9999-12-31")
    assert result.exit_code == 2 and "9999-12-31" in result.stderr


def test_version(run: Invoke) -> None:
    from digiday import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert re.fullmatch(
        rf"digiday {re.escape(__version__)} \(data as of \d{{4}}-\d{{2}}-\d{{2}}\)\n", result.stdout
    )


def test_no_command_shows_help(run: Invoke) -> None:
    result = run()
    assert result.exit_code == 0 and "Commands" in result.stdout


COMMAND_NAMES = [
    "info",
    "agencies",
    "themes",
    "editions",
    "countdown",
    "is-today",
    "ics",
    "search",
    "sources",
    "targets",
    "quiz",
    "validate",
]


def test_the_help_lists_every_command_in_order(run: Invoke) -> None:
    listed = run("--help").stdout.split("Commands:\n", 1)[1]
    assert [line.split()[0] for line in listed.splitlines() if line[:3].strip()] == COMMAND_NAMES


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_every_command_has_help_that_starts_with_an_example(run: Invoke, name: str) -> None:
    for flag in ("--help", "-h"):
        result = run(name, flag)
        assert result.exit_code == 0, result.stderr
        body = result.stdout.split("\n\n", 1)[1].lstrip()
        assert body.startswith("Example: digiday "), body[:80]


@pytest.mark.parametrize("command", [*COMMANDS, "targets", "quiz"])
def test_help_names_the_plain_fields_in_order(run: Invoke, command: str) -> None:
    from digiday.render.plain import FIELDS

    text = " ".join(run(command, "--help").stdout.split())
    text = re.sub(r" \([^()]*(\([^()]*\)[^()]*)*\)", "", text)  # what a field holds, said beside it
    names = ", ".join(FIELDS[command])
    assert re.search(rf"--plain prints one TAB-separated line [^:]*: {re.escape(names)}\b", text)


@pytest.mark.parametrize(
    "args",
    [
        ["agencies", "--role", "Lead", "--plain"],
        ["info", "Overview", "--plain"],
        ["themes", "--format", "PLAIN"],
        ["countdown", "--lang", "VI", "--plain"],
    ],
)
def test_choices_ignore_case(run: Invoke, args: list[str]) -> None:
    assert run(*args).exit_code == 0


@pytest.mark.parametrize("args", [["info", ""], ["agencies", "--role", ""], ["info", " "]])
def test_an_empty_choice_is_an_error_naming_the_choices(run: Invoke, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2 and "cannot be empty (choose: " in result.stderr


def test_markdown_fixes(run: Invoke) -> None:
    countdown = run("countdown", "--format", "markdown")
    assert "- **Date**: Sunday, 10 October 2027" in countdown.stdout
    assert (
        "- **Ngày**: Chủ Nhật, 10/10/2027"
        in run("countdown", "-f", "markdown", "--lang", "vi").stdout
    )
    info = run("info", "overview", "--format", "markdown").stdout
    assert info.rstrip().endswith(
        "*English text is digiday's translation of the Vietnamese "
        "sources, except names and themes published in English.*"
    )
    assert "translation" not in run("info", "overview", "-f", "markdown", "--lang", "vi").stdout
    vi_search = run("search", "chuyen", "doi", "so", "-f", "markdown", "--lang", "vi").stdout
    assert "| tham chiếu | Nội dung |" in vi_search


def test_a_markdown_link_keeps_an_address_with_angle_brackets(tmp_path: Path, run: Invoke) -> None:
    overlay = tmp_path / "odd.yaml"
    overlay.write_text(
        "sources:\n  - id: odd-address\n    title: Odd\n    url: 'https://example.org/a>b<c'\n",
        encoding="utf-8",
    )
    result = run("sources", "odd-address", "-f", "markdown", "--data", str(overlay))
    assert "(<https://example.org/a%3Eb%3Cc>)" in result.stdout, result.stderr


def test_the_media_role_is_labelled_as_its_filter(run: Invoke) -> None:
    result = run("agencies", "--role", "media")
    assert "[Media]" in result.stdout and "Broadcaster" not in result.stdout
