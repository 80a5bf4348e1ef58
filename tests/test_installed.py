"""The manual pages and completion files a wheel installs: current, clean roff, every
command in them, and a completion script for each shell that asks digiday itself."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import tomli

from digiday.cli.root import command_names
from tests.environment import complete, generator, process_env, start

ROOT = Path(__file__).resolve().parent.parent
SHARE = ROOT / "docs" / "share"
PAGES = {
    "en": SHARE / "man" / "man1" / "digiday.1",
    "vi": SHARE / "man" / "vi" / "man1" / "digiday.1",
}


def test_the_installed_files_are_current_and_all_in_the_wheel() -> None:
    made = generator().installed_files()
    assert sorted(p for p in SHARE.rglob("*") if p.is_file()) == sorted(made)
    for path, text in made.items():
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale"
    config = tomli.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shared = config["tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"]
    assert {ROOT / source for source in shared} == set(made)
    assert set(shared.values()) == {
        "share/man/man1/digiday.1",
        "share/man/vi/man1/digiday.1",
        "share/bash-completion/completions/digiday",
        "share/zsh/site-functions/_digiday",
        "share/fish/vendor_completions.d/digiday.fish",
    }


@pytest.mark.skipif(shutil.which("groff") is None, reason="needs groff")
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_manual_page_is_clean_roff(lang: str) -> None:
    result = complete(
        ["groff", "-man", "-ww", "-z", str(PAGES[lang])],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")


@pytest.mark.skipif(shutil.which("groff") is None, reason="needs groff")
@pytest.mark.parametrize(
    ("lang", "headings"),
    [
        ("en", ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXAMPLES"]),
        ("vi", ["TÊN", "CÚ PHÁP", "MÔ TẢ", "TÙY CHỌN", "CÁC LỆNH", "VÍ DỤ"]),
    ],
)
def test_the_manual_page_reads_in_its_language(lang: str, headings: list[str]) -> None:
    shown = complete(
        ["groff", "-man", "-Tutf8", "-P-c", "-P-b", "-P-u", str(PAGES[lang])],
        capture_output=True,
        env=process_env({"LANG": "C.UTF-8"}),
        timeout=60,
        check=True,
    ).stdout.decode()
    lines = shown.splitlines()
    for heading in headings:
        assert heading in lines, heading
    for command in command_names():
        assert any(line.strip().startswith(f"digiday {command} ") for line in lines), command
    said = {"en": "Days until the next National Digital Transformation Day", "vi": "Số ngày"}
    assert said[lang] in " ".join(shown.split())
    # Each command's example stands once, in the examples, after the commands and before
    # the exit statuses: not as the first line of a description.
    examples = lines.index(headings[-1])
    assert lines.index({"en": "EXIT STATUS", "vi": "MÃ THOÁT"}[lang]) > examples
    for example in ("digiday countdown --days", "digiday targets --year 2025"):
        (where,) = [n for n, line in enumerate(lines) if line.strip() == example]
        assert where > examples
    assert not any(line.strip().startswith(("Example:", "Ví dụ:")) for line in lines)


@pytest.mark.parametrize(
    ("place", "marker"),
    [
        ("bash-completion/completions/digiday", "complete -o default -F _digiday_completion"),
        ("zsh/site-functions/_digiday", "#compdef digiday"),
        ("fish/vendor_completions.d/digiday.fish", "complete --command digiday"),
    ],
)
def test_each_completion_file_asks_digiday(place: str, marker: str) -> None:
    script = (SHARE / place).read_text(encoding="utf-8")
    assert marker in script
    assert "_DIGIDAY_COMPLETE" in script


def test_the_bash_completion_file_completes_in_bash() -> None:
    # As bash-completion would: the file sourced, then its function called for a line.
    from tests.environment import SCRIPT

    assert SCRIPT is not None
    script = SHARE / "bash-completion" / "completions" / "digiday"
    folder = str(Path(SCRIPT).parent)
    line = (
        f"source '{script}'; COMP_WORDS=(digiday agencies --role ''); COMP_CWORD=3; "
        "_digiday_completion digiday; printf '%s\\n' \"${COMPREPLY[@]}\""
    )
    result = complete(
        ["/bin/bash", "--norc", "-c", line],
        capture_output=True,
        text=True,
        env=process_env({"PATH": f"{folder}:/usr/bin:/bin"}),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "lead",
        "coordinator",
        "implementer",
        "association",
        "media",
        "press",
    ]


ROLES = ["association", "coordinator", "implementer", "lead", "media", "press"]


def _needs(shell: str) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here (apt-get install {shell})")


def _path_with_digiday() -> str:
    from tests.environment import SCRIPT

    assert SCRIPT is not None
    return f"{Path(SCRIPT).parent}:/usr/bin:/bin"


def _first_tab_in_zsh(home: Path, *, setup: str, flags: tuple[str, ...]) -> list[str]:
    """What an interactive zsh on a terminal lists on the first TAB after
    `digiday agencies --role `, once `setup` has run."""
    import pty

    from tests.environment import read_until

    leader, follower = pty.openpty()
    shell = start(
        ["zsh", *flags, "-i"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=process_env({"PATH": _path_with_digiday(), "TERM": "dumb", "HOME": str(home)}),
        session=True,
    )
    os.close(follower)
    try:
        os.write(leader, f"{setup}; echo RE''ADY\n".encode())
        assert b"READY" in read_until(leader, lambda screen: b"READY" in screen)
        os.write(leader, b"digiday agencies --role \t")
        screen = read_until(leader, lambda screen: all(r.encode() in screen for r in ROLES))
    finally:
        shell.kill()
        shell.wait(timeout=20)
        os.close(leader)
    # The listing is a line of its own under the line typed, which zsh then redraws.
    after = screen.split(b"--role", 1)[1].decode()
    return sorted(next((line for line in after.splitlines() if "association" in line), "").split())


def test_the_zsh_file_completes_on_the_first_tab_from_fpath(tmp_path: Path) -> None:
    # Installed as zsh installs it: a folder of $fpath, autoloaded by compinit. The first
    # TAB must list the roles (the file as Typer writes it only registered itself on the
    # first TAB of a shell, and completed from the second).
    _needs("zsh")
    folder = SHARE / "zsh" / "site-functions"
    setup = f"fpath=('{folder}' $fpath); autoload -Uz compinit; compinit -u"
    assert _first_tab_in_zsh(tmp_path, setup=setup, flags=("-f",)) == ROLES


def test_install_completion_for_zsh_completes_on_the_first_tab(tmp_path: Path) -> None:
    # The user's way: --install-completion writes ~/.zfunc/_digiday and a line of .zshrc;
    # a new zsh reads that .zshrc.
    _needs("zsh")
    result = complete(
        ["digiday", "--install-completion", "zsh"],
        capture_output=True,
        env=process_env({"PATH": _path_with_digiday(), "HOME": str(tmp_path)}),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".zfunc" / "_digiday").is_file()
    assert _first_tab_in_zsh(tmp_path, setup="true", flags=()) == ROLES


def test_the_fish_file_completes_in_fish() -> None:
    _needs("fish")
    place = SHARE / manpage_places()["fish"]
    ask = f"source '{place}'; complete -C 'digiday agencies --role '; complete -C 'digiday ag'"
    result = complete(
        ["fish", "--no-config", "-c", ask],
        capture_output=True,
        text=True,
        env=process_env({"PATH": _path_with_digiday()}),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    *roles, command = result.stdout.splitlines()
    assert roles == ROLES
    assert command.split("\t")[0] == "agencies"


def manpage_places() -> dict[str, str]:
    return {
        "zsh": "zsh/site-functions/_digiday",
        "fish": "fish/vendor_completions.d/digiday.fish",
    }
