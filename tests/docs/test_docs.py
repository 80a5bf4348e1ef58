"""Documentation that cannot drift: the generated reference and screenshot match the
program, and the README documents every command and gives the test command CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.environment import ROOT, generator

ROOT = ROOT


@pytest.mark.parametrize(
    ("path", "make"),
    [
        ("docs/cli.md", "cli_reference"),
        ("docs/screenshot.svg", "screenshot"),
        ("README.md", None),
    ],
)
def test_generated_docs_are_current(path: str, make: str | None) -> None:
    module = generator()
    current = (ROOT / path).read_text(encoding="utf-8")
    expected = getattr(module, make)() if make else module.readme(current)
    assert current == expected, f"{path} is stale: run python3 docs/generate.py"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_golden_help_is_current(lang: str) -> None:
    """Every --help, exactly; `python3 docs/generate.py` rewrites them, for review."""
    made = {p: t for p, t in generator().golden_help().items() if p.parent.name == lang}
    folder = ROOT / "tests" / "golden" / "help" / lang
    assert sorted(folder.glob("*.txt")) == sorted(made), "a golden file too many or missing"
    for path, text in made.items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} ({lang}) is stale"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_golden_outputs_are_current(lang: str) -> None:
    """What `countdown` prints from the real data, whole, at the fixed instant; `python3
    docs/generate.py` rewrites it, for review. (Every layout is checked on the tests' own
    data, against files kept by hand: tests/render/test_golden.py.)"""
    made = {p: t for p, t in generator().golden_outputs().items() if p.parent.name == lang}
    folder = ROOT / "tests" / "golden" / "output" / lang
    assert sorted(folder.iterdir()) == sorted(made), "a golden file too many or missing"
    for path, text in made.items():  # bytes: the calendar's CRLF line ends count
        assert path.read_bytes().decode("utf-8") == text, f"{path.name} ({lang}) is stale"


def test_the_reference_covers_every_command() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in generator().command_names():
        assert f"## digiday {command}\n" in reference
        assert f"Usage: digiday {command} " in reference


def test_readme_tours_every_command_and_gives_both_quick_start_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in generator().command_names():
        assert re.search(rf"^### `digiday {command}[ `]", readme, re.M), command
    venv = "python3 -m venv .venv && .venv/bin/python -m pip install"
    assert f"\n{venv} . && .venv/bin/digiday countdown\n" in readme
    assert f'\n{venv} -e ".[test]" && .venv/bin/python -m pytest\n' in readme
    assert "pipx install ." in readme and "uv tool install ." in readme
    assert "BENCHMARK_TABLE" not in readme


def test_ci_runs_the_readmes_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "grep -m1 -E '^python3 -m venv .venv && " in ci and 'bash -c "$test_command"' in ci


def test_the_screenshot_carries_a_font_for_every_character_it_draws() -> None:
    import base64
    import io
    import unicodedata

    from fontTools.ttLib import TTFont

    svg = (ROOT / "docs" / "screenshot.svg").read_text(encoding="utf-8")
    drawn = generator().drawn(svg)
    assert "ố" in drawn and "ậ" in drawn and "╭" in drawn  # Vietnamese and the boxes
    assert unicodedata.is_normalized("NFC", drawn)
    faces = re.findall(r'url\("data:font/woff;base64,([A-Za-z0-9+/=]+)"\)', svg)
    assert len(faces) == 2  # regular and bold
    for face in faces:
        cmap = TTFont(io.BytesIO(base64.b64decode(face)))["cmap"].getBestCmap()
        assert [c for c in drawn if ord(c) not in cmap and c not in " \n"] == []
    # Nothing names a font the reader may lack: only the embedded one, then any monospace.
    families = set(re.findall(r"font-family: ([^;]+);", svg))
    assert families == {'"digiday-mono"', "digiday-mono, monospace"}


def test_check_fresh_fails_once_a_day_passes_that_the_data_is_older_than() -> None:
    import datetime as dt

    import yaml

    bundled = dt.date.fromisoformat(
        str(yaml.safe_load((ROOT / "data" / "meta.yaml").read_text("utf-8"))["data_as_of"])
    )
    check = generator().check_fresh
    # The next 10 October after the data's date: the day before it, fresh; on it, stale.
    day = dt.date(bundled.year, 10, 10)
    day = day if day > bundled else dt.date(bundled.year + 1, 10, 10)
    assert check(day - dt.timedelta(days=1)) == 0
    assert check(day) == 1
    assert check(day + dt.timedelta(days=400)) == 1


def test_the_map_names_every_module() -> None:
    development = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    block = development.split("## How it is built", 1)[1].split("```")[1]
    named = set(re.findall(r"^(digiday/\S+\.py)", block, re.M))
    modules = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "digiday").rglob("*.py")
        if path.name != "__init__.py"
    }
    assert sorted(modules - named) == [] and sorted(named - modules) == []


# The layers of docs/development.md's map, lowest first: a module imports from its own
# layer and those below it. The libraries only some layers may import.
LAYERS = [
    "core", "l10n", "errors", "environment", "store", "answers", "render", "interactive",
    "cli", "api", "__main__", "__init__",
]  # fmt: skip
LIBRARIES = {
    "typer": ("cli",), "click": ("cli",), "rich": ("render", "interactive"),
    "yaml": ("store/yamlsafe.py",), "icalendar": ("render/ics.py",),
}  # fmt: skip


def _imports(path: Path) -> set[str]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            if node.module == "digiday":  # `from digiday import api` (not its __version__)
                found |= {f"digiday.{a.name}" for a in node.names if not a.name.startswith("_")}
    return found


def _layer(name: str) -> int:
    """The layer of `digiday.X.Y` or of the path `X/Y.py` under digiday/."""
    first = name.removeprefix("digiday.").replace("/", ".").split(".")[0]
    return LAYERS.index(first.removesuffix(".py") if first else "__init__")


def test_each_layer_imports_only_the_layers_below_it_and_its_own_libraries() -> None:
    wrong = []
    for path in sorted((ROOT / "digiday").rglob("*.py")):
        inside = path.relative_to(ROOT / "digiday").as_posix()
        for name in _imports(path):
            top = name.split(".")[0]
            if name.startswith("digiday.") and _layer(name) > _layer(inside):
                wrong.append(f"{inside} imports {name}")
            if top in LIBRARIES and not inside.startswith(LIBRARIES[top]):
                wrong.append(f"{inside} imports {top}")
    assert wrong == []


def test_the_layer_check_sees_a_layer_reaching_up() -> None:
    assert _layer("digiday.cli.app") > _layer("store/loader.py") > _layer("digiday.core.model")
    assert _layer("digiday.environment") > _layer("errors.py")
    assert not "store/schema.py".startswith(LIBRARIES["rich"])


def test_the_api_page_s_examples_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # newcomer D19: each example prints what the page says it prints (in a folder of its
    # own: one writes a file).
    import doctest

    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```$", page, re.M | re.S)
    examples = "\n\n".join(block for block in blocks if block.startswith(">>>"))
    monkeypatch.chdir(tmp_path)
    test = doctest.DocTestParser().get_doctest(examples, {}, "docs/api.md", "docs/api.md", 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.failures == 0 and runner.tries >= 14
