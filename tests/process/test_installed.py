"""The manual pages and completion files a wheel installs: current, clean roff, every
command in them, and a completion script for each shell that asks digiday itself."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import tomli

from digiday.cli.root import command_names
from digiday.core.model import Lang
from tests.environment import ROOT, complete, generator, process_env, start

ROOT = ROOT
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


def _shown(lang: str) -> list[str]:
    """The manual page as `man -l` shows it, 100 columns wide: its lines."""
    if shutil.which("man") is None:
        pytest.skip("needs man")
    env = process_env({"LANG": "C.UTF-8", "MANWIDTH": "100", "MANPAGER": "cat"})
    shown = complete(["man", "-l", str(PAGES[lang])], capture_output=True, env=env, timeout=60)
    return shown.stdout.decode().splitlines()


def _section(lines: list[str], heading: str) -> dict[str, str]:
    """A section of the page: each entry (a line indented 7) with the text under it, joined."""
    start = lines.index(heading) + 1
    end = next(n for n in range(start, len(lines)) if lines[n][:1] not in ("", " "))
    entries: dict[str, str] = {}
    for line in lines[start:end]:
        if line.startswith(" " * 7) and not line.startswith(" " * 8):
            entries[line.strip()] = ""
        elif line.strip():
            last = list(entries)[-1]
            entries[last] = " ".join([entries[last], line.strip()]).strip()
    return entries


# What the examples do, told by hand (newcomer-3.md, D6): not their command's summary.
EXAMPLES = {
    "en": {
        "digiday countdown --days": "Print the number of days only.",
        "digiday countdown --lang vi": "Show the countdown in Vietnamese.",
        "digiday themes 2024": "Show the 2024 theme.",
        "digiday is-today && echo 'Chúc mừng Ngày Chuyển đổi số quốc gia!'": (
            "Print a greeting on the Day, and nothing on any other day."
        ),
    },
    "vi": {
        "digiday countdown --days": "Chỉ in số ngày.",
        "digiday countdown --lang vi": "Hiện số ngày đếm ngược bằng tiếng Việt.",
        "digiday themes 2024": "Hiện chủ đề năm 2024.",
        "digiday is-today && echo 'Chúc mừng Ngày Chuyển đổi số quốc gia!'": (
            "In lời chúc vào đúng Ngày; ngày khác không in gì."
        ),
    },
}
HEADINGS = {
    "en": ("NAME", "DESCRIPTION", "EXAMPLES", "SEE ALSO"),
    "vi": ("TÊN", "MÔ TẢ", "VÍ DỤ", "XEM THÊM"),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_each_example_is_told_by_what_it_does(lang: Lang) -> None:
    from digiday.cli.help import PROGRAM, SHORT
    from digiday.l10n.translate import tr

    examples = _section(_shown(lang), HEADINGS[lang][2])
    assert len(examples) == len(command_names()) + 1  # the program's and each command's
    for example, said in EXAMPLES[lang].items():
        assert examples[example] == said
    summaries = {tr(PROGRAM, lang)} | {tr(said, lang) for said in SHORT.values()}
    summaries = {" ".join(summary.split("\n\n")[-1].split()) for summary in summaries}
    assert set(examples.values()).isdisjoint(summaries)
    assert len(set(examples.values())) == len(examples)


@pytest.mark.parametrize(("lang", "other"), [("en", "vi"), ("vi", "en")])
def test_see_also_names_the_guide_and_the_page_in_the_other_language(lang: str, other: str) -> None:
    see_also = _section(_shown(lang), HEADINGS[lang][3])
    assert list(see_also) == ["docs/usage.md", "README.md", f"man -L {other} digiday"]
    assert all(see_also.values())
    assert (ROOT / "docs" / "usage.md").is_file() and (ROOT / "README.md").is_file()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_description_does_not_repeat_the_name(lang: str) -> None:
    lines = _shown(lang)
    name, description = HEADINGS[lang][:2]
    (named,) = _section(lines, name)
    assert named.startswith("digiday - ")
    told = " ".join(" ".join(_section(lines, description)).split())
    said = named.removeprefix("digiday - ")
    assert said not in told and told[: len(said)] != said


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


def _tab_in_zsh(
    home: Path, typed: str, wanted: list[str], *, setup: str, flags: tuple[str, ...]
) -> str:
    """What an interactive zsh on a terminal 200 columns wide lists on the first TAB after
    `typed`, once `setup` has run: the screen after the line typed, once it holds `wanted`."""
    import fcntl
    import pty
    import struct
    import termios

    from tests.environment import read_until

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
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
        os.write(leader, f"{typed}\t".encode())
        screen = read_until(leader, lambda screen: all(w.encode() in screen for w in wanted))
    finally:
        shell.kill()
        shell.wait(timeout=20)
        os.close(leader)
    # The listing is lines of their own under the line typed, which zsh then redraws.
    return screen.decode().split(typed, 1)[1]


def _first_tab_in_zsh(home: Path, *, setup: str, flags: tuple[str, ...]) -> list[str]:
    """The roles zsh lists on the first TAB after `digiday agencies --role `."""
    after = _tab_in_zsh(home, "digiday agencies --role ", ROLES, setup=setup, flags=flags)
    return sorted(next((line for line in after.splitlines() if "association" in line), "").split())


def test_the_zsh_file_completes_on_the_first_tab_from_fpath(tmp_path: Path) -> None:
    # Installed as zsh installs it: a folder of $fpath, autoloaded by compinit. The first
    # TAB must list the roles (the file as Typer writes it only registered itself on the
    # first TAB of a shell, and completed from the second).
    _needs("zsh")
    folder = SHARE / "zsh" / "site-functions"
    setup = f"fpath=('{folder}' $fpath); autoload -Uz compinit; compinit -u"
    assert _first_tab_in_zsh(tmp_path, setup=setup, flags=("-f",)) == ROLES


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("digiday ", "themes -- The theme of each year's Day, with its edition."),
        (
            "digiday countdown --da",
            "--data -- A YAML file laid over the data, after $DIGIDAY_DATA's and the data "
            "folders' (repeatable; see digiday validate).",
        ),
    ],
)
def test_zsh_shows_the_descriptions_whole(tmp_path: Path, typed: str, said: str) -> None:
    # Typer's answer writes an apostrophe twice inside single quotes, which zsh reads as one
    # only under rc_quotes: the descriptions lost theirs ("each years Day", "$DIGIDAY_DATAs").
    _needs("zsh")
    folder = SHARE / "zsh" / "site-functions"
    setup = f"fpath=('{folder}' $fpath); autoload -Uz compinit; compinit -u"
    described = said.split(" -- ", 1)[1]
    listing = _tab_in_zsh(tmp_path, typed, [described], setup=setup, flags=("-f",))
    shown = [" ".join(line.split()) for line in listing.splitlines()]
    assert said in shown, listing


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
