"""Large-data benchmark: `quiz`, `search`, `agencies` and `targets` on valid user files near
the 1 MiB limit, one or several laid over each other.

A user's file (`--data`, or DIGIDAY_DATA for every run) may hold thousands of records, and
hostile reviews found `quiz` quadratic in them (minutes for 8,000 themes), `search`'s slow
path quadratic in a long query, and `agencies` and `targets` quadratic in the records of all
the files laid (a successor, a document, a target's measurements each found by a scan of
all). This script writes such files into a temporary folder (they are never committed:
generated, they cannot go stale), checks that `digiday validate` takes each of them, then
times whole processes, with the files in DIGIDAY_DATA, against the goals the fixes were
made for: 2 and 4 layers must cost about 2 and 4 times one.

    python benchmarks/hostile_data.py                  # each row 3 times, the median
    python benchmarks/hostile_data.py -n 1 --timeout 60 -k themes
    python benchmarks/hostile_data.py --source /tmp/old-checkout   # another copy's code
    python benchmarks/hostile_data.py --keep /tmp/big  # keep the files, to try by hand

Standard library only, like startup.py. Exits 1 when a row misses its goal.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # for tests.environment, when run as a script

from tests.environment import process_env  # noqa: E402

MAX_BYTES = 1024 * 1024  # the contract's limit for one user file
SOURCE = 'sources:\n  - {id: s, title: Nguồn, url: "https://example.org/s"}\n'
ROLES = ("lead", "coordinator", "implementer", "association", "media", "press")
WORDS = ["table", "about", "cable", "lorem", "ipsum", "dolor", "sit", "amet", "data", "people"]
# One word of as many parts as search takes (answers/search.py's MAX_WORDS: the review's
# 15 KB query of 5,000 parts is refused at once now), each tried at every place it stands.
QUERY = "-".join(["ab"] * 32)


def _q(text: str) -> str:
    """A YAML double-quoted scalar: JSON's string syntax is a subset of it."""
    return json.dumps(text, ensure_ascii=False)


def themes_file() -> str:
    # Every year the schema takes, 2022 to 9999: the review's 7,978 themes.
    lines = ["themes:"]
    for year in range(2022, 10000):
        word = WORDS[year % len(WORDS)]
        lines.append(
            f"  - {{year: {year}, theme: {{vi: {_q(f'Chủ đề {year}: {word}')}, "
            f"en: {_q(f'Theme {year}: {word}')}}}, sources: [s]}}"
        )
    return "\n".join(lines) + "\n" + SOURCE


def agencies_file(count: int = 10_000) -> str:
    """`count` bodies of every role, one task each. Some tasks name another body (so that
    it is not offered), some bodies hand their work to a successor, and every 50th body
    has the same task as another (so that it is not asked)."""
    lines = ["agencies:"]
    for n in range(count):
        pair = n // 100
        task = f"Do {n}" if n % 50 else f"Share {pair} {WORDS[pair % len(WORDS)]}"
        if n % 7 == 0:
            task += f" with B{(n * 31) % count}"
        successor = f",successor: a{n + 1}" if n % 100 == 0 and n + 1 < count else ""
        # Plain scalars, no indent, no space after a comma: 10,000 bodies must fit in 1 MiB.
        lines.append(
            f"- {{id: a{n},name: {{vi: Q{n},en: B{n}}},role: {ROLES[n % len(ROLES)]},"
            f"tasks: [{{vi: V{n},en: {task}}}],sources: [s]{successor}}}"
        )
    return "\n".join(lines) + "\n" + SOURCE


def tasks_file(per_body: int = 10_000) -> str:
    """Two bodies with thousands of tasks each: the review's other quadratic case."""
    lines = ["agencies:"]
    for body in range(2):
        lines.append(f"  - id: t{body}\n    name: {{vi: CQ{body}, en: B{body}}}")
        lines.append(f"    role: {ROLES[body]}\n    sources: [s]\n    tasks:")
        for n in range(per_body):
            word = WORDS[(n + body) % len(WORDS)]
            lines.append(f"      - {{vi: {_q(f'Việc {body}-{n}')}, en: {_q(f'{word} {n}')}}}")
    return "\n".join(lines) + "\n" + SOURCE


def documents_file(count: int = 10_000) -> str:
    lines = ["documents:"]
    for n in range(count):
        date = f"{2022 + n % 78}-{1 + n % 12:02}-{1 + n % 28:02}"
        lines.append(
            f'- {{id: d{n}, number: {n}/QĐ, date: "{date}", '
            f"title: {{vi: VB {n}, en: Doc {n}}}, sources: [s]}}"
        )
    return "\n".join(lines) + "\n" + SOURCE


def text_file(words: int = 150_000) -> str:
    """One entry whose English text has `words` words, one of them `Straße`: a character
    that folds to two sends the whole text down search's word-by-word path."""
    body = [WORDS[n % len(WORDS)] for n in range(words)]
    for n in range(0, words, 1000):
        body[n] = "ab"  # the query's first part, so that every such place is tried
    body[words // 2 + 1] = "Straße"
    entry = f"{{vi: {_q('Một văn bản dài')}, en: {_q(' '.join(body))}}}"
    return f"info:\n  overview:\n    - id: long-text\n      text: {entry}\n      sources: [s]\n" + (
        SOURCE
    )


def chain_file(prefix: str, count: int = 8_500) -> str:
    """A layer of `count` bodies, each handing its work on to the next: the review's M2
    case, with ids of their own (`prefix`) so that layers add to each other."""
    lines = ["agencies:"]
    for n in range(count):
        successor = f",successor: {prefix}{n + 1}" if n + 1 < count else ""
        lines.append(
            f"- {{id: {prefix}{n},name: {{vi: Q{n},en: B{n}}},role: implementer,"
            f"tasks: [{{vi: V{n},en: T{n}}}],sources: [s]{successor}}}"
        )
    return "\n".join(lines) + "\n" + SOURCE


def measured_file(prefix: str, count: int = 3_000) -> str:
    """A layer of `count` documents, targets citing them and measurements of them."""
    lines = ["documents:"]
    lines += [
        f'- {{id: {prefix}d{n},number: {n}/QĐ,date: "2024-01-02",'
        f"title: {{vi: V{n},en: D{n}}},sources: [s]}}"
        for n in range(count)
    ]
    lines.append("targets:")
    lines += [
        f"- {{id: {prefix}t{n},indicator: {{vi: C{n},en: I{n}}},year: 2025,"
        f"document: {prefix}d{n},measure: {prefix}m{n},target: 50,unit: '%',sources: [s]}}"
        for n in range(count)
    ]
    lines.append("measurements:")
    lines += [
        f"- {{id: {prefix}x{n},measure: {prefix}m{n},year: 2025,kind: official,"
        f"by: {{vi: B,en: B}},value: {n % 100},unit: '%',sources: [s]}}"
        for n in range(count)
    ]
    return "\n".join(lines) + "\n" + SOURCE


LAYERS = "abcd"
FILES: dict[str, Callable[[], str]] = {
    "themes.yaml": themes_file,
    "agencies.yaml": agencies_file,
    "tasks.yaml": tasks_file,
    "documents.yaml": documents_file,
    "text.yaml": text_file,
    **{f"chain-{p}.yaml": functools.partial(chain_file, p) for p in LAYERS},
    **{f"measured-{p}.yaml": functools.partial(measured_file, p) for p in LAYERS},
}


@dataclass(frozen=True)
class Case:
    label: str
    files: tuple[str, ...]  # laid in this order (DIGIDAY_DATA)
    args: list[str]
    goal: float  # seconds


def cases() -> list[Case]:
    quiz = ["quiz", "--seed", "1", "--json"]

    def topic(name: str) -> list[str]:
        return [*quiz, "--topic", name]

    def layers(kind: str, count: int) -> tuple[str, ...]:
        return tuple(f"{kind}-{p}.yaml" for p in LAYERS[:count])

    layered = [
        Case(f"{args[0]} --json, {count} × {what}", layers(kind, count), args, goal * count)
        for kind, what, args, goal in (
            ("chain", "8,500 bodies", ["agencies", "--json"], 5),
            ("measured", "9,000 records", ["targets", "--json"], 5),
        )
        for count in (1, 2, 4)
    ]
    return [
        Case("quiz, 7,978 themes", ("themes.yaml",), quiz, 2),
        Case("quiz --topic themes, 7,978 themes", ("themes.yaml",), topic("themes"), 2),
        Case("quiz --topic agencies, 10,000 bodies", ("agencies.yaml",), topic("agencies"), 5),
        Case(
            "quiz --topic agencies, 2 bodies, 20,000 tasks", ("tasks.yaml",), topic("agencies"), 5
        ),
        Case("quiz --topic documents, 10,000", ("documents.yaml",), topic("documents"), 5),
        Case(
            "search 32-part word, 150,000 words",
            ("text.yaml",),
            ["search", QUERY, "--plain"],
            2,
        ),
        *layered,
    ]


class Failed(Exception):
    """A run that exited other than 0 or 1 (an answer, or none found)."""


def run_once(argv: list[str], env: dict[str, str], cwd: Path, timeout: float) -> float | None:
    """Wall seconds of one whole process, or None when it was stopped at `timeout`."""
    start = time.perf_counter()
    try:
        done = subprocess.run(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            cwd=cwd,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode not in (0, 1):
        last = done.stderr.decode(errors="replace").strip().splitlines()[-1:]
        raise Failed(f"exit {done.returncode}: {' '.join(last)[:300]}")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a run is stopped")
    parser.add_argument(
        "-k", "--only", action="append", default=[], help="only rows whose label holds this"
    )
    parser.add_argument(
        "--source", type=Path, help="run `python -m digiday` from this checkout instead"
    )
    parser.add_argument("--keep", type=Path, help="write the files here and leave them")
    options = parser.parse_args()
    env = process_env()  # the one test environment (tests/environment.py)
    if options.source is not None:
        command = [sys.executable, "-m", "digiday"]
        env["PYTHONPATH"] = str(options.source.resolve())
    else:
        script = shutil.which("digiday", path=os.path.dirname(sys.executable)) or shutil.which(
            "digiday"
        )
        if script is None:
            raise SystemExit("install digiday first: python3 -m pip install .")
        command = [script]

    folder = options.keep or Path(tempfile.mkdtemp(prefix="digiday-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        chosen = [case for case in cases() if any(k in case.label for k in options.only or [""])]
        for name in sorted({file for case in chosen for file in case.files}):
            content = FILES[name]().encode()
            if len(content) > MAX_BYTES:
                raise SystemExit(f"{name} is {len(content)} bytes, over the 1 MiB limit")
            (folder / name).write_bytes(content)
            checked = subprocess.run(
                [*command, "validate", name], capture_output=True, env=env, cwd=folder, check=False
            )
            if checked.returncode != 0:
                raise SystemExit(f"{name} is not valid: {checked.stderr.decode()[:500]}")
            print(f"{name}: {len(content) / 1024:.0f} KiB, valid", file=sys.stderr)
        rows = []
        for case in chosen:
            argv = [*command, *case.args]
            laid = {**env, "DIGIDAY_DATA": ":".join(str(folder / name) for name in case.files)}
            times: list[float] = []
            shown = f">{options.timeout:g}"
            try:
                for _ in range(options.rounds):
                    elapsed = run_once(argv, laid, folder, options.timeout)
                    if elapsed is None:
                        break  # over the timeout once is answer enough
                    times.append(elapsed)
            except Failed as failure:  # one broken command should not hide the other rows
                print(f"{case.label}: {failure}", file=sys.stderr)
                shown = "failed"
            median = statistics.median(times) if len(times) == options.rounds else None
            rows.append((case, median, f"{median:.2f}" if median is not None else shown))
    finally:
        if options.keep is None:
            shutil.rmtree(folder)

    version = sys.version.split()[0]
    print(f"Python {version}, median of {options.rounds}, timeout {options.timeout:g} s\n")
    print(f"| {'command and data file':<46} | seconds | goal | ok |")
    print(f"|{'-' * 48}|---------|------|----|")
    missed = 0
    for case, median, shown in rows:
        ok = median is not None and median <= case.goal
        missed += not ok
        print(f"| {case.label:<46} | {shown:>7} | {case.goal:>2g} s | {'yes' if ok else 'NO':<2} |")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
