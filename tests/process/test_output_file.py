"""`digiday ics -o FILE`: what each kind of file gets (digiday/cli/outfile.py).

Real processes for what a user sees (modes, links, FIFOs, devices, exit statuses and
messages); a small driver process for signals in the middle of a write; in-process tests for
the exact OSError and for the signal handlers being put back.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from digiday.cli.outfile import write_file
from digiday.errors import Interrupted
from tests.environment import SCRIPT, base_env, complete, digiday, process_env, start

ICS = ("ics", "--from", "2022", "--to", "2023")
TIMEOUT = 60  # seconds: no process, thread or wait of this file may take longer


@pytest.fixture(scope="module")
def calendar() -> bytes:
    """What `-o FILE` must write: the same command's standard output."""
    with contextlib.ExitStack() as stack:
        home = stack.enter_context(tempfile.TemporaryDirectory(prefix="digiday-home-"))
        result = complete(
            [_script(), *ICS],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            env=base_env(home),
            timeout=TIMEOUT,
            check=False,
        )
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.startswith(b"BEGIN:VCALENDAR")
    return result.stdout


def _script() -> str:
    assert SCRIPT is not None, "the test command installs the package first"
    return SCRIPT


def _side_by_side(
    runs: list[tuple[list[str], dict[str, Any]]],
) -> list[subprocess.CompletedProcess[bytes]]:
    """`digiday ARGS...` for each (ARGS, options for `start`) of `runs`, all started before
    any is waited for: stdout and stderr captured, no stdin, the test environment."""
    processes = [
        start(
            [_script(), *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            **options,
        )
        for args, options in runs
    ]
    done = []
    for process in processes:
        out, err = process.communicate(timeout=TIMEOUT)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".digiday-*"))


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _failed(result: subprocess.CompletedProcess[bytes], blamed: Path, reason: int) -> bool:
    """The run ended with status 74, one line naming `blamed` whole and quoted (the file or
    the folder at fault) with the system's reason (or, for a missing folder or a file where
    a folder should be, the tool's words for it), no traceback and nothing on stdout."""
    said = {
        errno.ENOENT: b"does not exist",
        errno.ENOTDIR: b"is not a folder",
    }.get(reason, os.strerror(reason).encode())
    return (
        result.returncode == 74
        and result.stdout == b""
        and b"'" + os.fsencode(blamed) + b"'" in result.stderr
        and said in result.stderr
        and result.stderr.count(b"\n") == 1
        and b"Traceback" not in result.stderr
    )


# New and regular files: replaced atomically, modes and owners kept.


def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path: Path, calendar: bytes) -> None:
    # One process for each umask, side by side, each in a folder of its own.
    modes = {0o077: 0o600, 0o022: 0o644, 0o002: 0o664}
    folders = {umask: tmp_path / f"{umask:03o}" for umask in modes}
    for folder in folders.values():
        folder.mkdir()
    results = _side_by_side(
        [
            # The umask is the child's alone, not the suite's.
            ([*ICS, "-o", str(folders[umask] / "day.ics")], {"umask": umask})
            for umask in modes
        ]
    )
    for (umask, mode), result in zip(modes.items(), results, strict=True):
        target = folders[umask] / "day.ics"
        assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
        assert target.read_bytes() == calendar
        assert (umask, _mode(target)) == (umask, mode)
        assert _leftovers(folders[umask]) == []


def test_an_existing_file_keeps_its_mode_and_gets_the_new_content(
    tmp_path: Path, calendar: bytes
) -> None:
    # One process for each mode, side by side, each in a folder of its own.
    targets = {mode: tmp_path / f"{mode:03o}" / "day.ics" for mode in (0o600, 0o640, 0o755)}
    for mode, target in targets.items():
        target.parent.mkdir()
        target.write_bytes(b"old")
        target.chmod(mode)
    results = _side_by_side([([*ICS, "-o", str(target)], {}) for target in targets.values()])
    for (mode, target), result in zip(targets.items(), results, strict=True):
        assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
        assert target.read_bytes() == calendar
        assert (mode, _mode(target)) == (mode, mode)
        assert _leftovers(target.parent) == []


def test_an_existing_file_keeps_its_owner_and_group_when_root_writes_it(
    tmp_path: Path, calendar: bytes
) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another owner")
    target = tmp_path / "day.ics"
    target.write_bytes(b"old")
    os.chown(target, 65534, 65534)
    result = digiday(*ICS, "-o", str(target))
    assert (result.returncode, result.stderr) == (0, b"")
    assert target.read_bytes() == calendar
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534)


def test_a_symlink_stays_a_link_and_its_target_is_replaced(tmp_path: Path, calendar: bytes) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "day.ics"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link = tmp_path / "link.ics"
    link.symlink_to(Path("real") / "day.ics")
    result = digiday(*ICS, "-o", str(link))
    assert (result.returncode, result.stderr) == (0, b"")
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "day.ics")
    assert target.read_bytes() == calendar
    assert _mode(target) == 0o640
    assert _leftovers(tmp_path) == _leftovers(tmp_path / "real") == []


def test_a_dangling_symlink_gets_its_target_written(tmp_path: Path, calendar: bytes) -> None:
    link = tmp_path / "link.ics"
    link.symlink_to("day.ics")
    result = digiday(*ICS, "-o", str(link))
    assert (result.returncode, result.stderr) == (0, b"")
    assert link.is_symlink() and (tmp_path / "day.ics").read_bytes() == calendar


# What is not a regular file: written into, never replaced.


def test_a_fifo_is_written_into_and_stays_a_fifo(tmp_path: Path, calendar: bytes) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        result = digiday(*ICS, "-o", str(fifo))
    finally:
        # A reader still waiting in open() (the run failed before opening the FIFO) is let go.
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(TIMEOUT)
    assert not reader.is_alive()
    assert (result.returncode, result.stderr) == (0, b"")
    assert received == [calendar]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert _leftovers(tmp_path) == []


def _device(path: Path, minor: int) -> Path:
    """A private copy of /dev/null (minor 3) or /dev/full (minor 7) at `path`."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        os.close(os.open(path, os.O_WRONLY))  # a file system mounted nodev refuses it
    except PermissionError as problem:
        pytest.skip(f"cannot make a device node here: {problem.strerror}")
    return path


def test_a_device_like_dev_full_is_an_error_that_names_it(tmp_path: Path) -> None:
    full = _device(tmp_path / "full", 7)
    result = digiday(*ICS, "-o", str(full))
    assert _failed(result, full, errno.ENOSPC), result.stderr
    assert stat.S_ISCHR(full.lstat().st_mode)
    assert _leftovers(tmp_path) == []


def test_a_device_like_dev_null_is_written_into_and_stays_a_device(tmp_path: Path) -> None:
    null = _device(tmp_path / "null", 3)
    result = digiday(*ICS, "-o", str(null))
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert _leftovers(tmp_path) == []


def test_dev_stdout_on_a_pipe_gives_the_calendar_on_stdout(calendar: bytes) -> None:
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout on this system")
    result = digiday(*ICS, "-o", "/dev/stdout")
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == calendar


@pytest.mark.parametrize("name", ["/dev/stdout", "/proc/self/fd/1", "own name"])
def test_the_file_stdout_is_open_on_is_written_through_stdout_after_what_it_holds(
    tmp_path: Path, calendar: bytes, name: str
) -> None:
    # `{ echo x; digiday ics -o /dev/stdout; } > f`: the x stays, the calendar follows it.
    # Replacing the file that /dev/stdout leads to would have lost it.
    if name.startswith("/") and not os.path.exists(name):
        pytest.skip(f"no {name} on this system")
    out = tmp_path / "f.ics"
    with out.open("wb") as stdout:
        stdout.write(b"x\n")
        stdout.flush()
        target = str(out) if name == "own name" else name
        result = complete(
            [_script(), *ICS, "-o", target],
            stdout=stdout,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=process_env(),
            timeout=TIMEOUT,
            check=False,
        )
    assert (result.returncode, result.stderr) == (0, b"")
    assert out.read_bytes() == b"x\n" + calendar
    assert _leftovers(tmp_path) == []


# Failures: status 74, the file at fault named whole, nothing left behind.


@pytest.mark.parametrize("mode", [0o555, 0o000], ids=["not-writable", "not-searchable"])
def test_a_folder_that_refuses_the_file_is_named(mode: int) -> None:
    # Root writes anywhere, so as root the run is made as nobody, in folders nobody can
    # reach (the test's own tmp_path is in a folder only root may enter).
    as_root = os.geteuid() == 0
    top = Path(tempfile.mkdtemp(prefix="digiday-ro-"))
    folder = top / "refusing"
    try:
        top.chmod(0o755)
        folder.mkdir()
        folder.chmod(mode)
        home = top / "home"
        home.mkdir()
        if as_root:
            os.chown(home, 65534, 65534)
        try:
            result = complete(
                [_script(), *ICS, "-o", str(folder / "day.ics")],
                capture_output=True,
                stdin=subprocess.DEVNULL,
                env=base_env(home),
                user=65534 if as_root else None,
                group=65534 if as_root else None,
                extra_groups=[] if as_root else None,
                timeout=TIMEOUT,
                check=False,
            )
        except PermissionError:  # the checkout is in a folder only root may enter
            pytest.skip("the user nobody cannot run this checkout's digiday")
        assert _failed(result, folder, errno.EACCES), result.stderr
        folder.chmod(0o755)
        assert list(folder.iterdir()) == []
    finally:
        with contextlib.suppress(OSError):
            folder.chmod(0o755)
        shutil.rmtree(top, ignore_errors=True)


LONG = "a-folder-name-longer-than-any-message-would-cut-" * 3


def test_a_missing_folder_is_named_whole(tmp_path: Path) -> None:
    # One process for each, side by side, each in an empty folder of its own.
    cases = [("missing", "missing"), ("missing/deeper", "missing"), (f"{LONG}/deeper", LONG)]
    folders = [tmp_path / str(number) for number in range(len(cases))]
    for folder in folders:
        folder.mkdir()
    results = _side_by_side(
        [
            ([*ICS, "-o", str(folder / under / "day.ics")], {})
            for folder, (under, _) in zip(folders, cases, strict=True)
        ]
    )
    for folder, (under, blamed), result in zip(folders, cases, results, strict=True):
        assert _failed(result, folder / blamed, errno.ENOENT), (under, result.stderr)
        assert list(folder.iterdir()) == []
    assert sorted(tmp_path.iterdir()) == sorted(folders)  # nothing written beside them


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"old")
    result = digiday(*ICS, "-o", str(tmp_path / "file" / "day.ics"))
    assert _failed(result, tmp_path / "file", errno.ENOTDIR), result.stderr
    assert (tmp_path / "file").read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_a_directory_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    result = digiday(*ICS, "-o", str(folder))
    assert _failed(result, folder, errno.EISDIR), result.stderr
    assert list(folder.iterdir()) == [] and _leftovers(tmp_path) == []


# The exact OSError, in-process.


@pytest.mark.parametrize(
    ("given", "blamed", "reason"),
    [
        ("missing/day.ics", "missing", errno.ENOENT),
        ("missing/deeper/day.ics", "missing", errno.ENOENT),
        ("file/day.ics", "file", errno.ENOTDIR),
        ("file/deeper/day.ics", "file", errno.ENOTDIR),
        ("folder", "folder", errno.EISDIR),
        ("dangling/day.ics", "nowhere", errno.ENOENT),  # the link's target is at fault
    ],
)
def test_the_error_names_the_file_at_fault(
    tmp_path: Path, given: str, blamed: str, reason: int
) -> None:
    root = tmp_path.resolve()
    (root / "file").write_bytes(b"old")
    (root / "folder").mkdir()
    (root / "dangling").symlink_to("nowhere")
    with pytest.raises(OSError, match=os.strerror(reason)) as caught:
        write_file(str(root / given), b"new")
    assert (caught.value.filename, caught.value.errno) == (str(root / blamed), reason)
    assert caught.value.strerror == os.strerror(reason)
    assert (root / "file").read_bytes() == b"old"
    assert _leftovers(root) == []


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "day.ics"
    target.write_bytes(b"old")
    written: list[str] = []

    def disk_full(handle: int, data: bytes) -> int:
        written.extend(_leftovers(tmp_path))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(OSError, match=os.strerror(errno.ENOSPC)) as caught:
        write_file(str(target), b"new")
    monkeypatch.undo()
    assert (caught.value.filename, caught.value.errno) == (str(target), errno.ENOSPC)
    assert len(written) == 1  # the temporary file existed, in the same folder
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_a_file_is_written_from_a_thread_too(tmp_path: Path) -> None:
    target = tmp_path / "day.ics"
    problems: list[BaseException] = []

    def write() -> None:
        try:
            write_file(str(target), b"new")
        except BaseException as problem:  # reported below, in the test's thread
            problems.append(problem)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    writer.join(TIMEOUT)
    assert not writer.is_alive() and problems == []
    assert target.read_bytes() == b"new"


# Signals: SIGTERM and SIGHUP in the middle of a write.


def test_interrupted_carries_the_signal_and_is_no_exception() -> None:
    interrupted = Interrupted(signal.SIGTERM)
    assert interrupted.signum == signal.SIGTERM
    assert isinstance(interrupted, BaseException) and not isinstance(interrupted, Exception)
    assert "SIGTERM" in str(interrupted)


@contextlib.contextmanager
def _handlers(handler: Callable[[int, FrameType | None], None]) -> Iterator[None]:
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        for signum in saved:
            signal.signal(signum, handler)
        yield
    finally:
        for signum, before in saved.items():
            signal.signal(signum, before)


def test_the_previous_handlers_are_back_after_a_write(tmp_path: Path) -> None:
    def previous(signum: int, frame: FrameType | None) -> None:
        raise AssertionError("the previous handler ran during the write")

    with _handlers(previous):
        write_file(str(tmp_path / "day.ics"), b"new")
        assert signal.getsignal(signal.SIGTERM) is previous
        assert signal.getsignal(signal.SIGHUP) is previous
    assert (tmp_path / "day.ics").read_bytes() == b"new"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_write_raises_interrupted_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    target = tmp_path / "day.ics"
    target.write_bytes(b"old")
    came: list[int] = []

    def previous(number: int, frame: FrameType | None) -> None:
        came.append(number)  # never kills the suite, even if write_file set no handler

    def fsync(handle: int) -> None:
        assert _leftovers(tmp_path) != []
        signal.raise_signal(signum)

    with _handlers(previous):
        monkeypatch.setattr(os, "fsync", fsync)
        with pytest.raises(Interrupted) as caught:
            write_file(str(target), b"new")
        monkeypatch.undo()
        assert signal.getsignal(signum) is previous
    assert caught.value.signum == signum and came == []
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


# The driver: write_file with a stalled fsync, in a process of its own that the test signals.
# It says `writing` once the temporary file exists, then waits for a `go` file.
DRIVER = textwrap.dedent(
    """
    import os, signal, sys, time
    from digiday.cli import outfile
    from digiday.errors import Interrupted

    target, go, ignored = sys.argv[1], sys.argv[2], sys.argv[3:]
    for name in ignored:
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    real_fsync = os.fsync

    def stalled_fsync(handle):
        print("writing", flush=True)
        deadline = time.monotonic() + 30
        while not os.path.exists(go) and time.monotonic() < deadline:
            time.sleep(0.02)
        real_fsync(handle)

    os.fsync = stalled_fsync
    try:
        outfile.write_file(target, b"new")
    except Interrupted as interrupted:
        sys.exit(128 + interrupted.signum)
    """
)


def _drive(tmp_path: Path, signum: int, *ignored: str) -> tuple[int, bytes]:
    """Start the driver on tmp_path/day.ics, send `signum` once its temporary file exists,
    then let it go on: its exit status, and the file's content after."""
    target = tmp_path / "day.ics"
    target.write_bytes(b"old")
    go = tmp_path / "go"
    driver = start(
        [sys.executable, "-c", DRIVER, str(target), str(go), *ignored],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=process_env(),
    )
    try:
        assert driver.stdout is not None
        ready, _, _ = select.select([driver.stdout], [], [], TIMEOUT)
        assert ready and driver.stdout.readline() == b"writing\n"
        assert len(_leftovers(tmp_path)) == 1
        driver.send_signal(signum)
        time.sleep(0.2)  # time for a handler that would ignore the signal to run
        go.touch()
        status = driver.wait(TIMEOUT)
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait(TIMEOUT)
        if driver.stdout is not None:
            driver.stdout.close()
    return status, target.read_bytes()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, signum: int
) -> None:
    assert _drive(tmp_path, signum) == (128 + signum, b"old")
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_an_ignored_signal_stays_ignored_during_a_write(tmp_path: Path, signum: int) -> None:
    assert _drive(tmp_path, signum, signal.Signals(signum).name) == (0, b"new")
    assert _leftovers(tmp_path) == []


def test_a_name_that_can_only_be_a_folder_or_walks_a_missing_one_is_refused(
    tmp_path: Path,
) -> None:
    # One process for each name, side by side, each in an empty folder of its own.
    names = ["zz/", "qq/.", "nodir/../a.ics", ""]
    folders = [tmp_path / str(number) for number in range(len(names))]
    for folder in folders:
        folder.mkdir()
    results = _side_by_side(
        [
            ([*ICS, "-o", given], {"cwd": str(folder)})
            for given, folder in zip(names, folders, strict=True)
        ]
    )
    for given, folder, result in zip(names, folders, results, strict=True):
        assert result.returncode == 74, (given, result.stderr)
        assert list(folder.iterdir()) == []
    assert sorted(tmp_path.iterdir()) == sorted(folders)  # nothing written beside them
