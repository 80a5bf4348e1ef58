"""The third hostile round's findings (H1-L6), each as a real process as a user meets it:
the descriptors a path can name, a signal at start-up, a file's own permission, a terminal
one column wide, a deleted working directory, a corrupt zone file, relative XDG paths, a
HOME that cannot be searched, a terminal left as it was found, extended attributes, the
completion protocol, and the system's reasons in the reader's language."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import struct
import subprocess
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.environment import (
    SCRIPT,
    base_env,
    complete,
    digiday,
    process_env,
    read_until,
    start,
)

ICS = ("ics", "--from", "2022", "--to", "2023")
VALID = textwrap.dedent(
    """\
    themes:
      - year: 2031
        theme: {vi: "Chủ đề 2031", en: "The theme of 2031"}
        sources: [s-2031]
    sources:
      - {id: s-2031, title: "Nguồn", url: "https://example.org/2031"}
    """
)


def shell(
    script: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`script` in /bin/sh, with $D the installed digiday."""
    assert SCRIPT is not None
    return complete(
        ["/bin/sh", "-c", script], cwd=cwd, env=process_env({"D": SCRIPT, **(env or {})})
    )


# --- H1: a path naming an open descriptor is written through it, after what it holds ---


@pytest.mark.skipif(not Path("/dev/fd").exists(), reason="needs /dev/fd")
@pytest.mark.parametrize(
    ("redirect", "path"),
    [("2>>log", "/dev/stderr"), ("3>>log", "/dev/fd/3"), ("2>>log", "/proc/self/fd/2")],
)
def test_a_descriptor_s_file_keeps_what_it_held_and_what_comes_after(
    tmp_path: Path, redirect: str, path: str
) -> None:
    if path.startswith("/proc") and not Path("/proc/self/fd").exists():
        pytest.skip("needs /proc")
    (tmp_path / "log").write_text("earlier log line\n", encoding="utf-8")
    fd = redirect[0]
    result = shell(
        f'{{ "$D" {" ".join(ICS)} -o {path}; echo "rc=$?" >&{fd}; echo later >&{fd}; }} {redirect}',
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "log").read_bytes()
    assert log.startswith(b"earlier log line\nBEGIN:VCALENDAR\r\n")
    assert log.endswith(b"END:VCALENDAR\r\nrc=0\nlater\n")


def test_a_path_that_is_the_same_file_as_an_open_descriptor_is_written_through_it(
    tmp_path: Path,
) -> None:
    # Not a /dev name: the log's own path, while stderr is open on it for appending.
    (tmp_path / "log").write_text("kept\n", encoding="utf-8")
    result = shell(f'"$D" {" ".join(ICS)} -o "$PWD/log" 2>>log; echo after >>log', tmp_path)
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "log").read_bytes()
    assert log.startswith(b"kept\nBEGIN:VCALENDAR\r\n") and log.endswith(b"after\n")


# --- H2: Ctrl-C while the command line is still being imported ---------------------------


@pytest.fixture
def slow_typer(tmp_path: Path) -> Path:
    """A `typer` that takes its time to import and says when it starts, first on the path:
    the window a Ctrl-C at start-up falls in, made wide and certain."""
    package = tmp_path / "slow" / "typer"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        "import sys, time\nsys.stderr.write('importing\\n'); sys.stderr.flush()\ntime.sleep(30)\n",
        encoding="utf-8",
    )
    return package.parent


@pytest.mark.parametrize(
    ("args", "status"),
    [(("themes", "--plain"), 130), (("info",), 130), (("countdown", "--follow"), 0)],
)
def test_ctrl_c_while_typer_is_imported_ends_quietly(
    slow_typer: Path, args: tuple[str, ...], status: int
) -> None:
    assert SCRIPT is not None
    process = start(
        [SCRIPT, *args],
        env=process_env({"PYTHONPATH": str(slow_typer)}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert process.stderr is not None
    said = read_until(process.stderr.fileno(), lambda seen: b"importing" in seen)
    assert b"importing" in said
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == status, stderr
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr


# --- M1: a file the user may not write is refused, as the shell's `>` refuses -------------


def _as_nobody() -> dict[str, Any]:
    """How to run as the user nobody (root writes any file); skipped where it cannot run."""
    if os.geteuid() != 0:
        return {}
    return {"user": 65534, "group": 65534, "extra_groups": []}


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder anyone may write in, not sticky, in a folder anyone may enter."""
    top = Path(tempfile.mkdtemp(prefix="digiday-shared-"))
    top.chmod(0o755)
    folder = top / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(top, ignore_errors=True)


def _run_as_nobody(
    folder: Path, *args: str, lang: str = "en"
) -> subprocess.CompletedProcess[bytes]:
    assert SCRIPT is not None
    home = folder.parent / "home"
    home.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        os.chown(home, 65534, 65534)
    try:
        return complete(
            [SCRIPT, *args, "--lang", lang],
            env=base_env(home),
            cwd=folder,
            **_as_nobody(),
        )
    except PermissionError:  # the interpreter is in a folder only root may enter
        pytest.skip("the user nobody cannot run this installation's digiday")


@pytest.mark.parametrize(("lang", "said"), [("en", "Permission denied"), ("vi", "Không đủ quyền")])
def test_a_read_only_file_is_not_replaced(shared_folder: Path, lang: str, said: str) -> None:
    mine = shared_folder / "mine.ics"
    mine.write_text("keep\n", encoding="utf-8")
    mine.chmod(0o444)
    if os.geteuid() == 0:
        os.chown(mine, 65534, 65534)
    result = _run_as_nobody(shared_folder, *ICS, "-o", str(mine), lang=lang)
    assert result.returncode == 74, result.stderr
    assert result.stderr.decode().count("\n") == 1 and said in result.stderr.decode()
    assert str(mine) in result.stderr.decode()
    assert mine.read_text(encoding="utf-8") == "keep\n"


def test_another_user_s_file_in_a_shared_folder_is_not_taken_over(shared_folder: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs a second user: run as root")
    theirs = shared_folder / "alice.ics"
    theirs.write_text("alice's precious data\n", encoding="utf-8")
    theirs.chmod(0o644)  # root's, readable by all, writable by root alone
    result = _run_as_nobody(shared_folder, *ICS, "-o", str(theirs))
    assert result.returncode == 74 and b"Permission denied" in result.stderr
    assert theirs.read_text(encoding="utf-8") == "alice's precious data\n"
    assert theirs.stat().st_uid == 0


# --- M3: a terminal one or two columns wide ----------------------------------------------


@pytest.mark.parametrize("columns", [1, 2])
@pytest.mark.parametrize(
    "args", [("--help",), (), ("themes", "-h"), ("--lang", "vi", "quiz", "--help")]
)
def test_help_on_a_terminal_one_or_two_columns_wide_is_no_bug(
    columns: int, args: tuple[str, ...]
) -> None:
    import fcntl
    import pty
    import termios

    assert SCRIPT is not None
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {**process_env(), "TERM": "xterm"}
    env.pop("COLUMNS", None)
    process = start([SCRIPT, *args], stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    screen = read_until(leader, lambda seen: False, timeout=15).decode(errors="replace")
    status = process.wait(timeout=20)  # (until it ends: its end closes the terminal)
    os.close(leader)
    assert status == 0, screen
    assert "internal error" not in screen and "lỗi nội bộ" not in screen


# --- M4: a working directory that has been deleted ----------------------------------------


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("themes", "--data", "valid.yaml"), {}),
        (("validate", "nothere.yaml"), {}),
        (("is-today", "--data", "x.yaml"), {}),
        (("themes",), {"DIGIDAY_DATA": "rel.yaml"}),
    ],
)
def test_a_relative_data_path_in_a_deleted_folder_is_exit_3(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str]
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    result = shell(f'cd "{gone}" && rmdir "{gone}" && exec "$D" {" ".join(args)}', tmp_path, env)
    assert result.returncode == 3, result.stderr
    stderr = result.stderr.decode()
    assert stderr.startswith("digiday: '") and stderr.count("\n") == 1
    assert "internal error" not in stderr


# --- M5: a corrupt zone file ----------------------------------------------------------------


def _corrupt_zone(path: Path) -> Path:
    # A header that claims 2**31 - 1 transitions: zoneinfo's parser fails in struct.
    path.write_bytes(
        b"TZif\0" + bytes(15) + struct.pack(">6l", 0, 0, 0, 0x7FFFFFFF, 1, 4) + bytes(20)
    )
    return path


@pytest.mark.parametrize(
    "args", [("countdown", "--tz", "local", "--plain"), ("is-today", "--tz", "local")]
)
def test_tz_naming_a_corrupt_file_falls_back_as_any_unreadable_zone(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    zone = _corrupt_zone(tmp_path / "huge.tz")
    for variable in (str(zone), f":{zone}"):
        result = digiday(*args, env={"TZ": variable})
        assert result.returncode in (0, 1), result.stderr  # an answer: is-today's 1 is "no"
        assert result.stderr == b""


def test_a_corrupt_file_in_the_zone_database_is_an_unknown_zone(tmp_path: Path) -> None:
    (tmp_path / "tzp" / "Asia").mkdir(parents=True)
    _corrupt_zone(tmp_path / "tzp" / "Asia" / "Tokyo")
    result = digiday("ics", "--tz", "Asia/Tokyo", env={"PYTHONTZPATH": str(tmp_path / "tzp")})
    assert result.returncode == 2
    assert result.stderr.decode().startswith("digiday: unknown time zone 'Asia/Tokyo'")


# --- M6: relative XDG data paths are ignored, as the specification says ------------------


@pytest.mark.parametrize("variable", ["XDG_DATA_DIRS", "XDG_DATA_HOME"])
def test_a_relative_xdg_path_is_ignored(tmp_path: Path, variable: str) -> None:
    (tmp_path / "rel" / "digiday").mkdir(parents=True)
    (tmp_path / "rel" / "digiday" / "evil.yaml").write_text(VALID, encoding="utf-8")
    themes = digiday("themes", "--plain", env={variable: "rel"}, cwd=tmp_path)
    assert themes.returncode == 0 and b"2031" not in themes.stdout
    listed = digiday("validate", env={variable: "rel"}, cwd=tmp_path)
    assert listed.returncode == 0 and b"evil.yaml" not in listed.stdout + listed.stderr
    # The same folder, named absolutely, is a data folder.
    absolute = digiday("themes", "--plain", env={variable: str(tmp_path / "rel")})
    assert b"2031\t" in absolute.stdout


# --- L2: a HOME that cannot even be searched is no data folder, not an error -------------


def test_a_home_nobody_may_search_is_a_missing_data_folder(shared_folder: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs another user than the HOME's owner: run as root")
    locked = shared_folder.parent / "locked"
    locked.mkdir()
    locked.chmod(0o700)  # root's: nobody may not even look inside
    assert SCRIPT is not None
    try:
        result = complete(
            [SCRIPT, "countdown", "--days"],
            env=base_env(locked),
            cwd=shared_folder,
            **_as_nobody(),
        )
    except PermissionError:
        pytest.skip("the user nobody cannot run this installation's digiday")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().isdigit()


# --- L3: SIGTERM or SIGHUP to the live countdown gives the terminal back as it found it ---


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_to_the_watch_shows_the_cursor_again(signum: int) -> None:
    import pty

    assert SCRIPT is not None
    leader, follower = pty.openpty()
    process = start(
        [SCRIPT, "countdown", "--watch"],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env={**process_env(), "TERM": "xterm", "COLUMNS": "80", "LINES": "24"},
    )
    os.close(follower)
    screen = read_until(leader, lambda seen: b"to go" in seen)
    assert b"\x1b[?25l" in screen  # the cursor hidden while the countdown runs
    process.send_signal(signum)
    screen = read_until(leader, lambda seen: seen.endswith(b"\x1b[?25h"), screen=screen, timeout=10)
    _, stderr = process.communicate(timeout=20)
    os.close(leader)
    assert process.returncode == 128 + signum
    assert screen.rfind(b"\x1b[?25h") > screen.rfind(b"\x1b[?25l")  # shown again, last
    assert b"Traceback" not in stderr


# --- L4: the extended attributes of a replaced file are kept --------------------------------


def test_a_replaced_file_keeps_its_extended_attributes(tmp_path: Path) -> None:
    target = tmp_path / "xa.ics"
    target.write_text("x\n", encoding="utf-8")
    try:
        os.setxattr(target, "user.note", b"keep")
    except OSError as problem:
        if problem.errno in (errno.ENOTSUP, errno.EPERM):
            pytest.skip(f"no user attributes on this file system: {problem.strerror}")
        raise
    result = digiday(*ICS, "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert os.getxattr(target, "user.note") == b"keep"


# --- L5: the completion protocol with a word number that is not one -----------------------


@pytest.mark.parametrize("cword", ["abc", "", "-1", "99999999999999999999"])
def test_an_odd_comp_cword_completes_nothing_and_is_no_bug(cword: str) -> None:
    result = digiday(
        env={
            "_DIGIDAY_COMPLETE": "complete_bash",
            "COMP_WORDS": "digiday themes --lang ",
            "COMP_CWORD": cword,
        }
    )
    assert result.returncode == 0, result.stderr
    assert b"internal error" not in result.stderr


# --- L6: the system's reasons in the reader's language; the API's own words -----------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_no_space_left_is_told_in_vietnamese() -> None:
    assert SCRIPT is not None
    with open("/dev/full", "wb") as full:
        result = complete([SCRIPT, "themes", "--lang", "vi"], stdout=full)
    stderr = result.stderr.decode()
    assert result.returncode == 74, stderr
    assert "No space left on device" not in stderr and "không có đủ chỗ trống" in stderr.lower()


def test_the_api_tells_a_huge_year_in_its_own_words() -> None:
    import digiday

    for year, said in ((10**5000, "a number of 5001 digits"), ("9" * 5000, "not a year '999")):
        with pytest.raises(ValueError, match=said) as raised:
            digiday.themes(year)  # type: ignore[arg-type]
        assert "set_int_max_str_digits" not in str(raised.value)


# --- The adversaries kept: the command line and the data files, with the new dimensions ---
# (stacked layers, and every kind of path `-o` can name), as real processes. In CI the
# Hypothesis profile fixes the seed (tests/conftest.py).

LAYERS = {
    "valid": VALID,
    "broken": "themes: [1, 2\n",
    "empty": "",
    "other": VALID.replace("2031", "2032"),
}
TARGETS = ["/dev/stdout", "/dev/stderr", "/dev/null", "/dev/fd/3", "log", "new.ics", "gone/x.ics"]


@given(
    layers=st.lists(st.sampled_from([*LAYERS, "missing", "folder"]), max_size=4),
    target=st.sampled_from(TARGETS),
    command=st.sampled_from(
        [["ics", "--to", "2023"], ["themes", "--json"], ["targets", "--plain"]]
    ),
    lang=st.sampled_from(["en", "vi"]),
)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_layers_and_descriptors_never_give_a_traceback_or_touch_another_file(
    tmp_path_factory: pytest.TempPathFactory,
    layers: list[str],
    target: str,
    command: list[str],
    lang: str,
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    paths = []
    for number, kind in enumerate(layers):
        path = folder / f"layer{number}.yaml"
        if kind == "folder":
            path.mkdir()
        elif kind != "missing":
            path.write_text(LAYERS[kind], encoding="utf-8")
        paths.append(str(path))
    (folder / "log").write_bytes(b"kept\n")
    (folder / "bystander").write_bytes(b"untouched\n")
    args = [*command, "--lang", lang] + (["-o", target] if command[0] == "ics" else [])
    result = shell(
        f'exec "$D" {" ".join(args)} 3>>log',
        folder,
        {"DIGIDAY_DATA": os.pathsep.join(paths)} if paths else None,
    )
    assert result.returncode in (0, 1, 3, 74), result.stderr
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
    if result.returncode in (3, 74):
        assert result.stderr.startswith(b"digiday: ")
    assert (folder / "bystander").read_bytes() == b"untouched\n"
    assert (folder / "log").read_bytes().startswith(b"kept\n")  # appended to, never replaced
