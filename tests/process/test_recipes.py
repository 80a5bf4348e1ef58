"""docs/recipes.md: the parts of each recipe that need none of the programs they are for (the
shell lines, the timer's hour, the commands as the programs run them), read from the page
itself, so that the page cannot drift from what was tried."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shlex
import signal
import subprocess
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.environment import ROOT, SCRIPT, complete, digiday, process_env, start

PAGE = ROOT / "docs" / "recipes.md"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def blocks(language: str) -> list[str]:
    """The page's fenced blocks of `language`, in order."""
    text = PAGE.read_text(encoding="utf-8")
    return re.findall(rf"^```{re.escape(language)}\n(.*?)^```$", text, flags=re.M | re.S)


def ini_value(block: str, key: str) -> str:
    (value,) = re.findall(rf"^{re.escape(key)} ?= ?(.*)$", block, flags=re.M)
    return str(value)


def waybar_exec() -> str:
    (block,) = blocks("json")
    module: dict[str, str] = json.loads("{" + block + "}")["custom/digiday"]
    return module["exec"]


def exec_start() -> str:
    """The shell line of the service's ExecStart, unquoted as systemd does it."""
    service = next(b for b in blocks("ini") if "ExecStart=" in b)
    argv = shlex.split(ini_value(service, "ExecStart"))
    assert argv[:2] == ["/bin/sh", "-c"] and len(argv) == 3
    return argv[2]


def starship_command() -> str:
    """The custom module's command: a multi-line literal string (no tomllib before 3.11)."""
    (block,) = blocks("toml")
    assert "shell = ['sh']\n" in block and "when = true\n" in block
    (command,) = re.findall(r"^command = '''\n(.*?)^'''$", block, flags=re.M | re.S)
    return str(command)


def ha_commands() -> list[str]:
    (block,) = blocks("yaml")
    return re.findall(r'^\s+command: "(.*)"$', block, flags=re.M)


def shell_lines() -> list[str]:
    ini = blocks("ini")
    (tmux,) = blocks("tmux")
    (motd,) = blocks("sh")
    return [
        waybar_exec(),
        ini_value(ini[0], "exec"),  # polybar
        ini_value(ini[1], "command"),  # i3blocks
        re.findall(r"#\((.*?)\)", tmux)[0],
        exec_start(),
        starship_command(),
        motd,
        *ha_commands(),
    ]


def with_date(tmp_path: Path, date: str) -> dict[str, str]:
    """A PATH whose `digiday` takes `date` as today, and whose `notify-send` writes its
    arguments, one a line, to tmp_path/notified."""
    assert SCRIPT is not None
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for name, body in (
        ("digiday", f'exec {shlex.quote(SCRIPT)} "$@" --date {date}'),
        ("notify-send", f'printf "%s\\n" "$@" >> {shlex.quote(str(tmp_path / "notified"))}'),
    ):
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    return process_env({"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"})


def test_the_page_has_every_recipe() -> None:
    assert len(shell_lines()) == 9
    assert ha_commands() == ["digiday is-today && echo on || echo off", "digiday countdown --days"]


@pytest.mark.parametrize("line", shell_lines())
def test_every_shell_line_parses(line: str) -> None:
    assert complete(["sh", "-n", "-c", line], check=False).returncode == 0


def test_the_timer_fires_at_eight_in_vietnam_on_the_day() -> None:
    timer = next(b for b in blocks("ini") if "[Timer]" in b)
    assert ini_value(timer, "OnCalendar") == "*-10-10 08:00 Asia/Ho_Chi_Minh"
    assert ini_value(timer, "Persistent") == "true"
    # The page's next elapse, as systemd-analyze calendar printed it in UTC.
    assert "`Sun 2027-10-10 01:00:00 UTC` (08:00 in Vietnam)" in " ".join(
        PAGE.read_text(encoding="utf-8").split()
    )
    utc = dt.datetime(2027, 10, 10, 1, 0, tzinfo=dt.timezone.utc)
    assert utc.astimezone(VIETNAM) == dt.datetime(2027, 10, 10, 8, 0, tzinfo=VIETNAM)
    assert utc.strftime("%a") == "Sun"


def test_the_service_notifies_on_the_day_only_and_never_fails(tmp_path: Path) -> None:
    day = complete(["sh", "-c", exec_start()], env=with_date(tmp_path, "2027-10-10"))
    greeting = digiday("countdown", "--format", "line", "--date", "2027-10-10").stdout
    # One argument: the line whole, as the Day's greeting.
    assert day.returncode == 0 and (tmp_path / "notified").read_bytes() == greeting
    assert greeting.startswith(b"Today is the 6th National Digital Transformation Day!")
    (tmp_path / "notified").unlink()
    for other in ("2027-10-09", "2027-10-11"):
        run = complete(["sh", "-c", exec_start()], env=with_date(tmp_path, other))
        assert run.returncode == 0 and not (tmp_path / "notified").exists()


@pytest.mark.parametrize(("date", "state"), [("2027-10-10", b"on\n"), ("2027-10-11", b"off\n")])
def test_the_home_assistant_sensor_is_on_or_off_never_failed(
    tmp_path: Path, date: str, state: bytes
) -> None:
    # Home Assistant runs the command with /bin/sh and takes a non-zero exit as a failure.
    run = complete(
        ["/bin/sh", "-c", ha_commands()[0]], env=with_date(tmp_path, date), capture_output=True
    )
    assert (run.returncode, run.stdout, run.stderr) == (0, state, b"")


def test_the_prompt_runs_digiday_once_a_day_in_vietnam(tmp_path: Path) -> None:
    env = with_date(tmp_path, "2027-10-09")
    cache = Path(env["XDG_CACHE_HOME"]) / "digiday-line"

    def prompt() -> bytes:
        # As starship runs it with shell = ['sh']: the command on standard input.
        run = complete(["sh"], input=starship_command().encode(), env=env, capture_output=True)
        assert run.returncode == 0 and run.stderr == b""
        return run.stdout

    line = digiday("countdown", "--format", "line", "--date", "2027-10-09").stdout
    assert not cache.exists() and prompt() == line and cache.read_bytes() == line
    midnight = dt.datetime.now(VIETNAM).replace(hour=0, minute=0, second=0, microsecond=0)
    cache.write_bytes(b"kept\n")
    os.utime(cache, (midnight.timestamp() + 1, midnight.timestamp() + 1))
    assert prompt() == b"kept\n"  # written today in Vietnam: read, digiday not run
    os.utime(cache, (midnight.timestamp() - 1, midnight.timestamp() - 1))
    assert prompt() == line  # written yesterday: written anew


def follow_line(command: str) -> tuple[subprocess.Popen[bytes], bytes]:
    assert SCRIPT is not None
    path = f"{os.path.dirname(SCRIPT)}{os.pathsep}{os.environ['PATH']}"
    bar = start(
        ["/bin/sh", "-c", command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=process_env({"PATH": path}),
        session=True,
    )
    assert bar.stdout is not None
    return bar, bar.stdout.readline()


def test_the_waybar_command_ends_with_the_signal_to_its_shell() -> None:
    # waybar 0.9.17 signals the shell it started, alone: `exec` makes that shell digiday.
    bar, first = follow_line(waybar_exec())
    try:
        assert first == digiday("countdown", "--format", "line", "--lang", "vi").stdout
        time.sleep(0.3)
        bar.send_signal(signal.SIGTERM)
        assert bar.wait(timeout=20) == 0
        assert bar.stderr is not None and bar.stderr.read() == b""
    finally:
        end_group(bar)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("which", ["polybar", "i3blocks"])
def test_the_polybar_and_i3blocks_commands_end_with_their_group(which: str) -> None:
    ini = blocks("ini")
    command = ini_value(ini[0], "exec") if which == "polybar" else ini_value(ini[1], "command")
    bar, first = follow_line(command)
    try:
        assert first == digiday("countdown", "--format", "line").stdout
        time.sleep(0.3)
        os.killpg(bar.pid, signal.SIGTERM)  # as polybar and i3bar stop their scripts
        _, stderr = bar.communicate(timeout=20)
        assert stderr == b""
        deadline = time.monotonic() + 20
        while living(bar.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert living(bar.pid) == []  # digiday ended too, not left behind
    finally:
        end_group(bar)


def end_group(bar: subprocess.Popen[bytes]) -> None:
    """Whatever a failed test left of the command's group, ended."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(bar.pid, signal.SIGKILL)
    bar.wait(timeout=20)
    for stream in (bar.stdout, bar.stderr):
        if stream is not None:
            stream.close()


def living(group: int) -> list[int]:
    """The processes of a process group that have not ended (a zombie has)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def test_the_login_line_is_silent_and_exits_0_where_digiday_is_missing(tmp_path: Path) -> None:
    # newcomer D27: a motd script's failure shows at every login.
    (motd,) = blocks("sh")
    script = tmp_path / "60-digiday"
    script.write_text(motd, encoding="utf-8")
    missing = complete(["/bin/sh", str(script)], env=process_env({"PATH": "/usr/bin:/bin"}))
    assert (missing.returncode, missing.stdout, missing.stderr) == (0, b"", b"")
    assert SCRIPT is not None
    found = complete(
        ["/bin/sh", str(script)],
        env=process_env({"PATH": f"{os.path.dirname(SCRIPT)}{os.pathsep}/usr/bin:/bin"}),
    )
    assert found.returncode == 0 and found.stdout.count(b"\n") == 1 and b"days" in found.stdout


README = PAGE.parent.parent / "README.md"


def test_the_readme_s_cron_line_runs_with_cron_s_path(tmp_path: Path) -> None:
    # cron runs with PATH=/usr/bin:/bin, where ~/.local/bin (pipx's, uv's) is not.
    (line,) = re.findall(r"^0 8 \* \* \* (.*)$", README.read_text(encoding="utf-8"), re.M)
    command = line.split(" && ")[0]
    assert SCRIPT is not None
    (tmp_path / ".local" / "bin").mkdir(parents=True)
    (tmp_path / ".local" / "bin" / "digiday").symlink_to(SCRIPT)
    result = complete(
        ["/bin/sh", "-c", command], env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    )
    assert result.returncode in (0, 1), result.stderr  # found and run: the Day, or not
    assert result.stderr == b""


@pytest.mark.skipif(not Path("/usr/bin/man").exists(), reason="needs man")
def test_the_manpath_line_finds_both_manual_pages_where_an_installer_leaves_them() -> None:
    # The README's MANPATH lines for pipx and uv name <the environment>/share/man, as a
    # wheel lays it out: there man finds the English page and the Vietnamese one.
    import sys

    share = Path(sys.prefix) / "share" / "man"
    if not (share / "vi" / "man1" / "digiday.1").exists():
        pytest.skip("this environment has no manual pages (not installed from a wheel)")
    env = process_env({"MANPATH": f"{share}:", "LANG": "C.UTF-8"})
    english = complete(["man", "-w", "digiday"], env=env)
    vietnamese = complete(["man", "-L", "vi", "-w", "digiday"], env=env)
    assert english.stdout.decode().strip() == str(share / "man1" / "digiday.1")
    assert vietnamese.stdout.decode().strip() == str(share / "vi" / "man1" / "digiday.1")
