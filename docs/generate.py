"""Make docs/cli.md and docs/screenshot.svg from the program itself.

    python docs/generate.py           # write both
    python docs/generate.py --check   # exit 1 if either is stale (the tests do this too)

The reference is every command's real --help; the screenshot is the real, coloured output
of two commands, recorded with Rich's own SVG export. Both are deterministic: a fixed width,
a fixed date for the countdown, and a neutral environment.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from typer.testing import CliRunner

DOCS = Path(__file__).resolve().parent
COMMANDS = [
    "info",
    "agencies",
    "themes",
    "countdown",
    "is-today",
    "ics",
    "search",
    "sources",
    "validate",
]
NEUTRAL = {
    "COLUMNS": "100",
    "DIGIDAY_LANG": None,
    "DIGIDAY_DATA": None,
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "LANG": None,
    "NO_COLOR": None,
    "FORCE_COLOR": None,
}


def _run(*args: str, **env: str) -> str:
    from digiday.cli import app

    result = CliRunner().invoke(app, list(args), env={**NEUTRAL, **env})
    if result.exit_code != 0:
        raise SystemExit(f"digiday {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def cli_reference() -> str:
    parts = [
        "# digiday command reference",
        "",
        "Generated from the program's own `--help` by `python docs/generate.py`; a test fails "
        "when this file is out of date. See the README for a guided tour.",
        "",
        "## digiday",
        "",
        "```text",
        _run("--help").rstrip(),
        "```",
    ]
    for command in COMMANDS:
        parts += [
            "",
            f"## digiday {command}",
            "",
            "```text",
            _run(command, "--help").rstrip(),
            "```",
        ]
    return "\n".join(parts) + "\n"


def screenshot() -> str:
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=io.StringIO(), record=True, width=92, force_terminal=True, color_system="truecolor"
    )
    for args in (
        ("countdown", "--lang", "vi", "--date", "2026-11-28"),
        ("agencies", "--role", "lead", "--lang", "vi"),
    ):
        console.print(Text(f"$ digiday {' '.join(args)}", style="bold"))
        output = _run(*args, FORCE_COLOR="1", COLUMNS="92").rstrip("\n")
        console.print(Text.from_ansi(output), soft_wrap=True)
    return console.export_svg(title="digiday")


def main() -> int:
    outputs = {DOCS / "cli.md": cli_reference(), DOCS / "screenshot.svg": screenshot()}
    if "--check" in sys.argv[1:]:
        stale = [
            path.name
            for path, text in outputs.items()
            if not path.exists() or path.read_text(encoding="utf-8") != text
        ]
        if stale:
            print(f"stale: {', '.join(stale)}; run python docs/generate.py", file=sys.stderr)
            return 1
        return 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
