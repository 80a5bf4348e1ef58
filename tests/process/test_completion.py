"""Shell completion through Typer's completion variables, as a shell would ask for it."""

from __future__ import annotations

import pytest

from tests.environment import SCRIPT, process_env
from tests.environment import complete as complete_process

if SCRIPT is None:  # pragma: no cover - the test command installs the package first
    pytest.skip("the digiday console script is not installed", allow_module_level=True)


def complete(words: str) -> list[str]:
    """What bash completion offers for the command line `words` (the cursor at its end)."""
    assert SCRIPT is not None
    env = {
        **process_env(),
        "_DIGIDAY_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    result = complete_process(
        [SCRIPT], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("digiday ", ["info", "agencies", "themes", "countdown", "is-today", "ics", "search"]),
        ("digiday info ", ["overview", "definition", "activities", "purposes", "history"]),
        ("digiday info p", ["purposes"]),
        ("digiday agencies --role ", ["lead", "coordinator", "implementer", "association"]),
        ("digiday agencies --role m", ["media"]),
        ("digiday themes --lang ", ["vi", "en"]),
        ("digiday countdown --format ", ["text", "plain", "json", "markdown"]),
        ("digiday countdown --d", ["--date", "--days", "--data"]),
    ],
)
def test_completion(words: str, expected: list[str]) -> None:
    offered = complete(words)
    for word in expected:
        assert word in offered, (words, offered)


def test_show_completion_prints_a_script_and_changes_nothing() -> None:
    env = process_env({"SHELL": "/bin/bash"})
    result = complete_process(
        [SCRIPT or "digiday", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "_DIGIDAY_COMPLETE=complete_bash" in result.stdout


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o default -F"),
        ("zsh", "#compdef digiday"),
        ("fish", "complete --command"),
    ],
)
def test_show_completion_takes_the_shell_named_whatever_the_shell_running(
    shell: str, marker: str
) -> None:
    result = complete_process(
        [SCRIPT or "digiday", "--show-completion", shell],
        capture_output=True,
        text=True,
        env=process_env({"SHELL": "/bin/bash"}),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout
