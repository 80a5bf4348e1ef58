"""Where the tool leans on Typer's internals (digiday.usage, digiday.root): each use with a
contract test, so that a Typer release that changes one fails here first (see
docs/development.md before raising the pin)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import typer.core

from digiday.usage import typer_words
from tests.conftest import Invoke
from tests.environment import process_env

PACKAGE = Path(__file__).resolve().parent.parent / "digiday"


def test_typer_core_looks_its_words_up_through_its_own_underscore() -> None:
    # typer_words swaps this one name; it must be there, and be what Typer calls.
    underscore = vars(typer.core)
    assert callable(underscore["_"])
    with typer_words("vi"):
        assert underscore["_"]("Options") == "Tùy chọn"
    assert underscore["_"]("Options") == "Options"


def test_the_words_come_back_and_the_process_is_untouched(run: Invoke) -> None:
    import gettext
    import os

    domain = gettext.textdomain()
    before = os.environ.get("LANGUAGE")
    assert "Tùy chọn:" in run("countdown", "--help", "--lang", "vi").stdout
    assert gettext.textdomain() == domain and os.environ.get("LANGUAGE") == before
    assert "Options:" in run("countdown", "--help").stdout


@pytest.mark.skipif(not (PACKAGE / "locale/vi/LC_MESSAGES/digiday.mo").exists(), reason="no .mo")
def test_a_zipapp_speaks_vietnamese(tmp_path: Path) -> None:
    # gettext cannot open a catalogue inside a zip; the tool reads it as bytes.
    app = tmp_path / "digiday.pyz"
    with zipfile.ZipFile(app, "w") as archive:
        archive.writestr("__main__.py", "from digiday.launch import main\nmain()\n")
        for path in PACKAGE.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, f"digiday/{path.relative_to(PACKAGE)}")
        for path in (PACKAGE.parent / "data").glob("*.yaml"):
            archive.write(path, f"digiday/data/{path.name}")
    probe = [sys.executable, "-I", str(app)]
    where = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(app)!r}); "
         "import digiday; print(digiday.__file__)"],
        capture_output=True, text=True, env=process_env(), timeout=60, check=False,
    )  # fmt: skip
    assert str(app) in where.stdout, where
    result = subprocess.run(
        [*probe, "countdown", "--date", "2026-11-28", "--lang", "vi", "--plain"],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("316\t2027-10-10\tChủ Nhật\t")
    usage = subprocess.run(
        [*probe, "countdown", "--help", "--lang", "vi"],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert "Tùy chọn:" in usage.stdout.decode()
