"""Data in layers, and the data's age: the order the layers are laid in, `validate` without
FILE, the stale-data notice, and every way a layer can be broken. In-process, in the test
environment (its XDG folders are empty and its own), but for the clock's own notice."""

from __future__ import annotations

import calendar
import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.environment import ROOT, invoke
from tests.environment import digiday as real_process

# The bundled data's date, read from the file itself, so that a data release changes no test.
META = ROOT / "data" / "meta.yaml"
BUNDLED = str(yaml.safe_load(META.read_text(encoding="utf-8"))["data_as_of"])
# The data's date as each language writes it: 1 December 2026, 1/12/2026 (no leading zero).
_YEAR, _MONTH, _DAY = (int(part) for part in BUNDLED.split("-"))
AS_OF = {"en": f"{_DAY} {calendar.month_name[_MONTH]} {_YEAR}", "vi": f"{_DAY}/{_MONTH}/{_YEAR}"}


def digiday(
    *args: str, env: dict[str, str] | None = None, cwd: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`digiday ARGS...` in-process, answered as a real process's would be."""
    before = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = invoke(args, dict(env or {}))
    finally:
        os.chdir(before)
    return subprocess.CompletedProcess(
        args, result.exit_code, result.stdout_bytes, result.stderr_bytes
    )


def theme(year: int, name: str) -> str:
    return (
        f"  - year: {year}\n    theme: {{vi: 'Chủ đề {name}', en: 'Theme {name}'}}\n"
        "    sources: [omicall-article]\n"
    )


def layer(path: Path, *themes: tuple[int, str], as_of: str | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = f'data_as_of: "{as_of}"\n' if as_of else ""
    path.write_text(head + "themes:\n" + "".join(theme(*t) for t in themes), encoding="utf-8")
    return path


def themes_of(result: object) -> dict[int, str]:
    payload = json.loads(result.stdout)  # type: ignore[attr-defined]
    return {t["year"]: t["theme"] for t in payload["themes"] if t["theme"]}


def test_every_kind_of_layer_in_its_order(tmp_path: Path) -> None:
    # Each pair of neighbouring layers sets one year; the later layer must win it.
    shared_first, shared_last = tmp_path / "first", tmp_path / "last"  # XDG_DATA_DIRS order
    home = tmp_path / "home-data"
    layer(shared_last / "digiday" / "1.yaml", (2031, "last"))
    layer(shared_first / "digiday" / "B.yaml", (2031, "first"), (2032, "first"), (2037, "B"))
    layer(shared_first / "digiday" / "a.yaml", (2037, "a"))  # after B.yaml: bytes order
    (shared_first / "digiday" / "notes.txt").write_text("not yaml", encoding="utf-8")
    layer(home / "digiday" / "x.yml", (2032, "home"), (2033, "home"))
    d1 = layer(tmp_path / "d1.yaml", (2033, "d1"), (2034, "d1"))
    d2 = layer(tmp_path / "d2.yaml", (2034, "d2"), (2035, "d2"))
    e1 = layer(tmp_path / "e1.yaml", (2035, "e1"), (2036, "e1"))
    e2 = layer(tmp_path / "e2.yaml", (2036, "e2"))
    env = {
        "XDG_DATA_DIRS": f"{shared_first}:{shared_last}",
        "XDG_DATA_HOME": str(home),
        "DIGIDAY_DATA": f"{d1}:{d2}",
    }
    result = digiday("themes", "--json", "--data", str(e1), "--data", str(e2), env=env)
    assert result.returncode == 0, result.stderr
    found = themes_of(result)
    assert {year: found[year] for year in range(2031, 2038)} == {
        2031: "Theme first",  # the first of XDG_DATA_DIRS wins over the last
        2032: "Theme home",  # XDG_DATA_HOME over XDG_DATA_DIRS
        2033: "Theme d1",  # DIGIDAY_DATA over the folders
        2034: "Theme d2",  # its files left to right
        2035: "Theme e1",  # --data over DIGIDAY_DATA
        2036: "Theme e2",  # left to right
        2037: "Theme a",  # in a folder, files in the byte order of their names
    }
    listed = digiday("validate", env=env)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.decode().splitlines()
    assert lines == [
        f"the bundled data: data as of {BUNDLED}",
        f"'{shared_last}/digiday/1.yaml': valid; adds 1 theme",
        f"'{shared_first}/digiday/B.yaml': valid; adds 2 themes, replaces 1 theme",
        f"'{shared_first}/digiday/a.yaml': valid; replaces 1 theme",
        f"'{home}/digiday/x.yml': valid; adds 1 theme, replaces 1 theme",
        f"'{d1}': valid; adds 1 theme, replaces 1 theme",
        f"'{d2}': valid; adds 1 theme, replaces 1 theme",
        f"the data in use is as of {BUNDLED}",
    ]


def test_the_same_file_met_twice_is_read_once(tmp_path: Path) -> None:
    home = tmp_path / "share"
    file = layer(home / "digiday" / "one.yaml", (2031, "one"))
    env = {"XDG_DATA_HOME": str(home), "DIGIDAY_DATA": f"{file}:{file}"}
    listed = digiday("validate", env=env)
    assert listed.stdout.decode().count("one.yaml") == 1
    # Read once, where it is first met: a later layer still wins over it.
    later = layer(tmp_path / "later.yaml", (2031, "later"))
    result = digiday("themes", "2031", "--json", "--data", str(later), "--data", str(file), env=env)
    assert themes_of(result) == {2031: "Theme later"}


def test_the_home_folder_is_found_without_xdg_data_home(tmp_path: Path) -> None:
    home = tmp_path / "user"
    layer(home / ".local" / "share" / "digiday" / "2027.yaml", (2027, "of 2027"))
    env = {"HOME": str(home), "XDG_DATA_HOME": ""}
    result = digiday("themes", "2027", "--json", env=env)
    assert themes_of(result) == {2027: "Theme of 2027"}


def test_the_newest_layer_date_is_the_datas(tmp_path: Path) -> None:
    older = layer(tmp_path / "older.yaml", (2031, "x"), as_of="2026-12-05")
    newer = layer(tmp_path / "newer.yaml", (2032, "y"), as_of="2027-10-20")
    args = ("--data", str(newer), "--data", str(older))
    envelope = json.loads(digiday("countdown", "--json", *args).stdout)
    assert envelope["data_as_of"] == "2027-10-20"
    version = digiday("--version", env={"DIGIDAY_DATA": f"{older}:{newer}"}).stdout
    assert version.decode().endswith("(data as of 2027-10-20)\n")
    listed = digiday("validate", env={"DIGIDAY_DATA": f"{older}:{newer}"}).stdout.decode()
    assert f"'{newer}': valid; adds 1 theme; data as of 2027-10-20\n" in listed
    assert listed.endswith("the data in use is as of 2027-10-20\n")


NOTICE = {
    "en": f"digiday: the data is as of {AS_OF['en']}, before the 6th National Digital "
    "Transformation Day (10 October 2027): for newer data, install digiday again from where "
    "it came from, updated (git pull in a checkout), or lay a data file over it (see digiday "
    "validate --help)\n",
    "vi": f"digiday: dữ liệu chỉ đến {AS_OF['vi']}, trước Ngày Chuyển đổi số quốc gia lần thứ "
    "sáu (10/10/2027): để có dữ liệu mới hơn, hãy cài lại digiday từ nơi đã cài, bản mới (git "
    "pull trong bản sao mã nguồn), hoặc thêm một tệp dữ liệu (xem digiday validate --help)\n",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_day_after_the_data_is_told_on_stderr(lang: str, fmt: str) -> None:
    result = digiday("countdown", "--date", "2027-11-15", "--format", fmt, "--lang", lang)
    assert result.returncode == 0
    assert result.stderr.decode() == NOTICE[lang]
    assert result.stdout  # the answer is still given


def test_no_notice_while_the_data_is_newer_than_the_latest_day() -> None:
    # 10/10/2026 is before the data's date: nothing to tell, on the Day or after it.
    for date in ("2026-10-10", "2027-10-09"):
        assert digiday("countdown", "--date", date).stderr == b""


@pytest.mark.parametrize(
    "args",
    [
        ("countdown", "--json"),
        ("countdown", "--plain"),
        ("countdown", "--days"),
        ("is-today",),
        ("ics", "--to", "2028"),
        ("validate",),
    ],
)
def test_no_notice_for_scripts(args: tuple[str, ...]) -> None:
    result = digiday(*args, "--date", "2027-11-15") if args[0] != "validate" else digiday(*args)
    if args[0] in ("ics",):
        result = digiday(*args, "--date", "2027-11-15")
    assert result.stderr == b"", args
    assert result.returncode in (0, 1)


def test_the_notice_can_be_silenced_and_a_newer_layer_ends_it(tmp_path: Path) -> None:
    args = ("countdown", "--date", "2027-11-15")
    assert digiday(*args, env={"DIGIDAY_NO_STALE_NOTICE": "1"}).stderr == b""
    assert digiday(*args, env={"DIGIDAY_NO_STALE_NOTICE": ""}).stderr != b""
    newer = layer(tmp_path / "2027.yaml", (2027, "of 2027"), as_of="2027-10-20")
    assert digiday(*args, "--data", str(newer)).stderr == b""


def test_content_commands_tell_it_with_the_clock_too() -> None:
    # With no --date, today is the clock's: the test environment cannot move it, so the
    # notice is checked against what today is.
    import datetime as dt

    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
    stale = today >= dt.date(2027, 10, 10)
    for args in (("themes",), ("info", "overview"), ("agencies", "--format", "markdown")):
        result = real_process(*args)
        assert result.returncode == 0
        assert (result.stderr != b"") == stale, args


@pytest.mark.parametrize(
    "args", [("themes", "--json"), ("is-today",), ("countdown", "--days"), ("validate",)]
)
def test_a_broken_layer_is_exit_3_on_every_command(tmp_path: Path, args: tuple[str, ...]) -> None:
    folder = tmp_path / "share" / "digiday"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("themes: [\n", encoding="utf-8")
    result = digiday(*args, env={"XDG_DATA_HOME": str(tmp_path / "share")})
    assert result.returncode == 3, result.stderr
    assert result.stderr.startswith(f"digiday: '{folder / 'broken.yaml'}', line ".encode())


def test_the_version_answers_whatever_the_layers_hold(tmp_path: Path) -> None:
    # What a bug report asks for first: never refused over a broken or missing layer.
    folder = tmp_path / "share" / "digiday"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("themes: [\n", encoding="utf-8")
    env = {"XDG_DATA_HOME": str(tmp_path / "share"), "DIGIDAY_DATA": "/nope.yaml"}
    result = digiday("--version", env=env)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode().endswith(f"(data as of {BUNDLED})\n")


def broken_layers(tmp_path: Path) -> list[tuple[dict[str, str], str]]:
    """(environment, the one line expected on stderr) for each way a layer can be broken."""
    cases = []
    as_file = tmp_path / "file-share"
    as_file.mkdir()
    (as_file / "digiday").write_text("", encoding="utf-8")
    cases.append(({"XDG_DATA_HOME": str(as_file)}, f"'{as_file}/digiday': is not a folder"))
    fifo_home = tmp_path / "fifo-share"
    (fifo_home / "digiday").mkdir(parents=True)
    os.mkfifo(fifo_home / "digiday" / "pipe.yaml")
    cases.append(
        (
            {"XDG_DATA_HOME": str(fifo_home)},
            f"'{fifo_home}/digiday/pipe.yaml': is not a regular file",
        )
    )
    dir_home = tmp_path / "dir-share"
    (dir_home / "digiday" / "folder.yaml").mkdir(parents=True)
    cases.append(
        ({"XDG_DATA_HOME": str(dir_home)}, f"'{dir_home}/digiday/folder.yaml': is a directory")
    )
    loop_home = tmp_path / "loop-share"
    (loop_home / "digiday").mkdir(parents=True)
    (loop_home / "digiday" / "loop.yaml").symlink_to(loop_home / "digiday" / "loop.yaml")
    cases.append(
        (
            {"XDG_DATA_HOME": str(loop_home)},
            f"'{loop_home}/digiday/loop.yaml': cannot be read ({os.strerror(40)})",
        )
    )
    bad_date = tmp_path / "bad-date.yaml"
    bad_date.write_text('data_as_of: "2026-02-30"\n', encoding="utf-8")
    cases.append(
        (
            {"DIGIDAY_DATA": str(bad_date)},
            f"'{bad_date}', line 1: data_as_of: expected a date written YYYY-MM-DD, in quotes",
        )
    )
    return cases


def test_every_broken_layer_is_one_clear_line(tmp_path: Path) -> None:
    for env, expected in broken_layers(tmp_path):
        result = digiday("themes", env=env)  # a FIFO must not hang it
        assert result.returncode == 3, (env, result.stderr)
        assert result.stderr.decode() == f"digiday: {expected}\n"


def test_a_later_date_than_today_is_allowed(tmp_path: Path) -> None:
    future = layer(tmp_path / "future.yaml", (2031, "x"), as_of="2099-01-01")
    result = digiday("themes", "--json", "--data", str(future))
    assert result.returncode == 0
    assert json.loads(result.stdout)["data_as_of"] == "2099-01-01"


UNKNOWN = {
    ("before", "en"): f"(not found as of {AS_OF['en']})",
    ("before", "vi"): f"(chưa tìm thấy, dữ liệu đến {AS_OF['vi']})",
    ("after", "en"): f"(not yet in the data of {AS_OF['en']})",
    ("after", "vi"): f"(chưa có trong dữ liệu đến {AS_OF['vi']})",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_missing_part_says_which_side_of_the_data_s_date_its_day_is(lang: str, fmt: str) -> None:
    # 2026's Day (10/10/2026) is before the bundled data's date; 2028's is after it.
    env = {"COLUMNS": "200"}  # one line for each phrase
    args = ("--format", fmt, "--lang", lang)
    before = digiday("themes", "2026", *args, env=env).stdout.decode()
    assert UNKNOWN["before", lang] in before
    after = digiday("editions", "2028", *args, env=env).stdout.decode()
    assert UNKNOWN["after", lang] in after and UNKNOWN["before", lang] not in after
    counted = digiday("countdown", "--date", "2027-11-15", *args, env=env)
    assert UNKNOWN["after", lang] in counted.stdout.decode()
    # JSON keeps null for both: the envelope's date tells them apart.
    for year in ("2026", "2028"):
        payload = json.loads(digiday("themes", year, "--json").stdout)
        assert payload["themes"][0]["theme"] is None


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_calendar_leaves_an_unknown_theme_out(lang: str) -> None:
    # An event sits in people's calendars for years: no placeholder that goes stale (D16).
    calendar = digiday("ics", "--from", "2026", "--to", "2028", "--lang", lang).stdout
    unfolded = calendar.decode().replace("\r\n ", "").replace("\\,", ",")  # RFC 5545 text
    assert unfolded.count("BEGIN:VEVENT") == 3
    assert UNKNOWN["before", lang] not in unfolded
    assert UNKNOWN["after", lang] not in unfolded


def test_a_newer_layer_moves_a_day_to_before_the_data_s_date(tmp_path: Path) -> None:
    newer = layer(tmp_path / "2029.yaml", (2031, "x"), as_of="2028-11-01")
    result = digiday("editions", "2028", "--data", str(newer), env={"COLUMNS": "200"})
    assert "(not found as of 1 November 2028)" in result.stdout.decode()


def test_validating_a_layer_in_use_by_another_spelling_checks_it_once(tmp_path: Path) -> None:
    share = tmp_path / "share"
    layer(share / "digiday" / "mine.yaml", (2031, "mine"))
    env = {"XDG_DATA_HOME": str(share)}
    result = digiday("validate", "share/digiday/mine.yaml", env=env, cwd=str(tmp_path))
    assert result.stdout == b"'share/digiday/mine.yaml': valid; adds 1 theme\n"
