"""Hostile surroundings as a real process meets them: a full disk, a closed stdout, an
argument that is not UTF-8, and the script the tests run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.environment import SCRIPT, complete, digiday, process_env


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [("countdown",), ("countdown", "--json"), ("countdown", "--days"), ("info",)]
)
def test_a_full_disk_is_exit_74_with_one_line(args: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        result = complete(
            [SCRIPT or "digiday", *args], stdout=full, stderr=subprocess.PIPE, env=process_env()
        )
    assert result.returncode == 74
    assert result.stderr == (
        b"digiday: cannot write the answer to standard output: No space left on device\n"
    )


def test_a_full_disk_is_reported_in_vietnamese(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = complete(
            [SCRIPT or "digiday", "info", "--lang", "vi"],
            stdout=full,
            stderr=subprocess.PIPE,
            env=process_env(),
        )
    assert result.stderr.decode().startswith("digiday: không ghi được câu trả lời")


def test_a_closed_stdout_is_exit_74() -> None:
    result = complete(
        f"'{SCRIPT}' countdown >&-", shell=True, capture_output=True, env=process_env()
    )
    assert result.returncode == 74
    assert result.stderr == b"digiday: cannot write the answer to standard output: " + (
        os.strerror(9).encode() + b"\n"
    )
    quiet = complete(f"'{SCRIPT}' is-today --date 2026-10-10 >&-", shell=True, env=process_env())
    assert quiet.returncode == 0  # nothing to write, so nothing failed


def test_the_processes_run_this_checkout_s_digiday() -> None:
    # The real-process tests run the console script installed beside this interpreter, so
    # they test the code the in-process tests import, not another digiday on PATH.
    import digiday as package

    assert SCRIPT is not None
    assert Path(SCRIPT).parent == Path(sys.executable).parent
    version = digiday("--version").stdout.decode()
    assert version.startswith(f"digiday {package.__version__} ")


def test_a_byte_that_is_not_utf8_is_shown_as_that_byte_in_a_vietnamese_message(
    tmp_path: Path,
) -> None:
    assert SCRIPT is not None
    name = os.fsencode(tmp_path) + b"/d\xfe.yaml"
    result = complete(
        [os.fsencode(SCRIPT), b"themes", b"--data", name, b"--lang", b"vi"],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 3
    assert result.stderr.decode() == f"digiday: '{tmp_path}/d\\xfe.yaml': không tồn tại\n"
