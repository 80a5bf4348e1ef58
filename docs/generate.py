"""Make the documentation from the program itself, so that it cannot drift.

    python3 docs/generate.py           # rewrite docs/cli.md, docs/screenshot.svg, README.md
                                       # and the golden --help files under tests/golden/
    python3 docs/generate.py --check   # exit 1 if any is stale (the tests do this too)
    python3 docs/generate.py --check-fresh   # exit 1 if a Day has passed that the bundled
                                             # data is older than (on the real clock)

- docs/cli.md is every command's real --help.
- docs/screenshot.svg is the real, coloured output of two commands, recorded with Rich's own
  SVG export.
- In README.md, every example in a ```console block (`$ digiday ...`, optionally piped to
  `head -N`) is run again and its output put below it.

- tests/golden/help/ holds every command's --help in both languages, at 80 columns, and
  tests/golden/output/ what `countdown` prints from the real data, in both languages. (Every
  layout is checked on the tests' own data, against files kept by hand: tests/render/test_golden.py.
  The calendar's revisions in data/meta.yaml are written by scripts/ledger.py.)

All of it is deterministic: the one test environment (tests/environment.py: a fixed "now",
28 November 2026, and no variable that changes the output) at a fixed width.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
README = DOCS.parent / "README.md"
sys.path.insert(0, str(DOCS.parent))  # for tests.environment, when run as a script

from tests.environment import applied, invoke  # noqa: E402


def command_names() -> list[str]:
    """Every command, in the order `digiday --help` lists them."""
    from digiday.cli.root import command_names as names

    return names()


# The one test environment (tests/environment.py), at the width the docs are laid out for.
WIDTH = {"COLUMNS": "90"}


def _run(*args: str, **env: str) -> str:
    """`digiday ARGS` in-process at the fixed instant; its stdout (stderr for a failure)."""
    result = invoke(args, {**WIDTH, **env})
    if result.exit_code != 0:
        raise SystemExit(f"digiday {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def cli_reference() -> str:
    parts = [
        "# digiday command reference",
        "",
        "Generated from the program's own `--help` by `python3 docs/generate.py`; a test fails "
        "when this file is out of date. See the README for a guided tour.",
        "",
        "## digiday",
        "",
        "```text",
        _run("--help").rstrip(),
        "```",
    ]
    for command in command_names():
        parts += ["", f"## digiday {command}", "", "```text", _run(command, "--help").rstrip()]
        parts.append("```")
    return "\n".join(parts) + "\n"


def screenshot() -> str:
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=io.StringIO(), record=True, width=92, force_terminal=True, color_system="truecolor"
    )
    for args in (
        ("countdown", "--lang", "vi"),
        ("agencies", "--role", "lead", "--lang", "vi"),
    ):
        console.print(Text(f"$ digiday {' '.join(args)}", style="bold"))
        output = _run(*args, FORCE_COLOR="1", COLUMNS="92").rstrip("\n")
        console.print(Text.from_ansi(output), soft_wrap=True)
    return embed_font(console.export_svg(title="digiday"))


FONTS = DOCS / "fonts"
FAMILY = "digiday-mono"  # its own name, so that no installed font is taken in its place


def drawn(svg: str) -> str:
    """Every character the SVG draws, in the order first drawn."""
    import html

    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)
    return "".join(dict.fromkeys(html.unescape("".join(texts))))


def _subset_woff(weight: str, characters: str) -> str:
    """Noto Sans Mono `weight` (docs/fonts) cut to `characters`, as base64 WOFF."""
    import base64

    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.name_IDs = ["*"]  # the copyright and licence travel with the font (OFL 2)
    options.flavor = "woff"
    options.notdef_outline = True
    font = TTFont(FONTS / f"NotoSansMono-{weight}.ttf", recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff"
    font.save(buffer, reorderTables=True)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def embed_font(svg: str) -> str:
    """`svg` with its text in a font it carries: Rich's export names Fira Code, which has
    no precomposed glyph for many Vietnamese letters, and then the system's monospace."""
    characters = drawn(svg)
    faces = "\n".join(
        f"""    @font-face {{
        font-family: "{FAMILY}";
        src: url("data:font/woff;base64,{_subset_woff(name, characters)}") format("woff");
        font-style: normal;
        font-weight: {weight};
    }}"""
        for name, weight in (("Regular", 400), ("Bold", 700))
    )
    notice = (
        "<!-- Text set in a subset of Noto Sans Mono, Copyright 2015 Google LLC, "
        "under the SIL Open Font License 1.1 (docs/fonts/OFL.txt). -->"
    )
    rich_faces = re.compile(r"    @font-face \{.*?\}\n(?=\s*\.terminal)", re.S)
    svg = rich_faces.sub(faces + "\n", svg, count=1)
    svg = svg.replace("font-family: Fira Code, monospace;", f"font-family: {FAMILY}, monospace;")
    svg = svg.replace("font-family: arial;", f"font-family: {FAMILY}, monospace;")
    return svg.replace("<!-- Generated with Rich", notice + "\n    <!-- Generated with Rich", 1)


def _example_output(line: str) -> str:
    """The output of one README example line, `digiday ARGS [| head -N]`."""
    command, _, pipe = line.partition("|")
    args = shlex.split(command)[1:]
    output = _run(*args)
    if pipe:
        count = int(re.fullmatch(r"\s*head -(\d+)\s*", pipe).group(1))  # type: ignore[union-attr]
        output = "".join(output.splitlines(keepends=True)[:count])
    return output


def readme(text: str) -> str:
    """README.md with the output under every `$ digiday` example made afresh.

    Examples run in a folder holding the README's own `2027.yaml`, so that
    `digiday validate 2027.yaml` checks the very file the README shows.
    """
    overlay = re.search(r"```yaml\n# 2027\.yaml\n(.*?)```", text, re.S)
    block = re.compile(r"(```console\n)(.*?)(```)", re.S)

    def refresh(match: re.Match[str]) -> str:
        lines = []
        for example in re.findall(r"^\$ (digiday[^\n]*)$", match.group(2), re.M):
            lines.append(f"$ {example}\n{_example_output(example)}")
        return match.group(1) + "".join(lines) + match.group(3)

    here = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        if overlay:
            Path(folder, "2027.yaml").write_text(overlay.group(1), encoding="utf-8")
        os.chdir(folder)
        try:
            return block.sub(refresh, text)
        finally:
            os.chdir(here)


GOLDEN = DOCS.parent / "tests" / "golden"


def golden_help() -> dict[Path, str]:
    """Every command's --help in both languages, at 80 columns: what a reader sees, exactly,
    so that every change to it shows in review (tests/golden/help/LANG/COMMAND.txt)."""
    made = {}
    for lang in ("en", "vi"):
        for command in ["digiday", *command_names()]:
            args = ["--help"] if command == "digiday" else [command, "--help"]
            path = GOLDEN / "help" / lang / f"{command}.txt"
            made[path] = _run(*args, "--lang", lang, COLUMNS="80")
    return made


def golden_outputs() -> dict[Path, str]:
    """What the program prints from the real bundled data, whole: `countdown` in both
    languages, at the fixed instant (tests/golden/output/LANG/countdown.txt). Every other
    layout is checked on the tests' own data, against files kept by hand
    (tests/render/test_golden.py), so that an edit of the real data changes at most these two."""
    return {
        GOLDEN / "output" / lang / "countdown.txt": _run("countdown", "--lang", lang, COLUMNS="80")
        for lang in ("en", "vi")
    }


def installed_files() -> dict[Path, str]:
    """The manual pages and completion files a wheel installs (pyproject.toml, shared-data),
    under docs/share/ as they are laid out under the environment's share/."""
    import datetime as dt

    from digiday.store import loader as data

    sys.path.insert(0, str(DOCS))
    import manpage

    dated = dt.date.fromisoformat(data.bundled_as_of())
    share = DOCS / "share"
    made = {
        share / "man" / "man1" / "digiday.1": manpage.page("en", dated),
        share / "man" / "vi" / "man1" / "digiday.1": manpage.page("vi", dated),
    }
    for shell, place in manpage.COMPLETIONS.items():
        made[share / place] = manpage.completion(shell)
    return made


def outputs() -> dict[Path, str]:
    return {
        **installed_files(),
        DOCS / "cli.md": cli_reference(),
        DOCS / "screenshot.svg": screenshot(),
        README: readme(README.read_text(encoding="utf-8")),
        **golden_help(),
        **golden_outputs(),
    }


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8") if path.exists() else ""


def check_fresh(today: dt.date | None = None) -> int:
    """Exit 1 when, on the real clock (or `today`), a Day has passed that is after the
    bundled data's date: the maintainer's reminder to check the sources again (README, the
    checklist)."""
    from digiday.core import schedule
    from digiday.render.phrases import stale_notice
    from digiday.store import loader as data

    if today is None:
        today = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()  # in Vietnam
    notice = stale_notice(data.bundled_as_of(), today, "en")
    if notice is None:
        latest = schedule.latest_year(today)
        print(f"fresh: the bundled data is as of {data.bundled_as_of()}, after the {latest} Day")
        return 0
    print(f"stale: {notice}", file=sys.stderr)
    return 1


def main() -> int:
    if "--check-fresh" in sys.argv[1:]:
        return check_fresh()
    with applied():  # the one test environment, for Rich's screenshot console too
        made = outputs()
    if "--check" in sys.argv[1:]:
        # Bytes, not text: the calendar's lines end with CRLF, which reading text would hide.
        stale = [path.name for path, text in made.items() if _read(path) != text]
        if stale:
            print(f"stale: {', '.join(stale)}; run python3 docs/generate.py", file=sys.stderr)
            return 1
        return 0
    for path, text in made.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
