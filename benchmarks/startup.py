"""Start-up benchmark: whole-process runs of digiday beside a trivial Typer app.

Every answer, script line and TAB of completion starts digiday afresh, so start-up is its
speed. Each command runs N times after a warm-up, alternating with the floor (a trivial
two-command Typer app on the same interpreter and Typer release), and the table shows the
median wall time, the median of the side-by-side time ratios, and the peak memory (the
child's maxrss, from os.wait4's resource usage) against the floor's.

    python benchmarks/startup.py            # 40 rounds
    python benchmarks/startup.py -n 100     # steadier figures
    python benchmarks/startup.py -k search  # only the rows whose label holds "search"

Standard library only. Exits 1 when a command is over its budget.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOOR = [sys.executable, str(HERE / "trivial_app.py"), "hello"]
# The fast path's floor: the interpreter starting and doing nothing, side by side.
BARE = [sys.executable, "-c", "pass"]
# The fast path's budgets, as ratios to BARE: the line lays out a date in words too.
FAST, FAST_LINE = 2.5, 3.0
# Budgets, as ratios to the floor (the language issue's figures, with the catalogue loaded).
TINY, SCRIPTED, TEXT, HELP, VALIDATE, MEMORY = 1.25, 1.3, 1.7, 1.5, 1.5, 1.5
sys.path.insert(0, str(HERE.parent))  # for tests.environment, when run as a script

from tests.environment import process_env  # noqa: E402


@dataclass(frozen=True)
class Case:
    label: str
    args: list[str]
    budget: float
    env: dict[str, str] | None = None
    floor: tuple[str, ...] = tuple(FLOOR)


def cases() -> list[Case]:
    complete = {
        "_DIGIDAY_COMPLETE": "complete_bash",
        "COMP_WORDS": "digiday info ",
        "COMP_CWORD": "2",
    }
    tiny = [["countdown", "--days"], ["is-today"], ["is-today", "--lang", "vi"]]
    scripted = [
        ["countdown", "--json"],
        ["countdown", "--json", "--lang", "vi"],
        ["info", "--json"],
        ["agencies", "--json"],
        ["themes", "--json"],
        ["editions", "--json"],
        ["search", "chuyen", "doi", "so", "--json"],
        ["sources", "--json"],
        ["quiz", "--seed", "1", "--json"],
        ["info", "--plain"],
        ["agencies", "--plain"],
        ["themes", "--plain"],
    ]
    text = [
        ["countdown"],
        ["countdown", "--lang", "vi"],
        ["info"],
        ["info", "--lang", "vi"],
        ["agencies"],
        ["themes"],
        ["editions"],
        ["search", "so"],
    ]
    helps = [["--help"], ["countdown", "--help"], ["countdown", "--help", "--lang", "vi"]]
    fast = [
        ["is-today"],
        ["is-today", "--lang", "vi"],
        ["countdown", "--days"],
        ["countdown", "--format", "line"],
        ["countdown", "--format", "line", "--lang", "vi", "--tz", "Asia/Tokyo"],
    ]
    # A data folder with a file in it, and a date whose Day is after the data's.
    folder = Path(tempfile.mkdtemp(prefix="digiday-bench-")) / "digiday"
    folder.mkdir()
    shutil.copyfile(HERE / "overlay.yaml", folder / "overlay.yaml")
    layered = {"XDG_DATA_HOME": str(folder.parent)}
    return [
        *(
            Case(
                f"{' '.join(args)} (× python)",
                args,
                FAST_LINE if "line" in args else FAST,
                floor=tuple(BARE),
            )
            for args in fast
        ),
        # A data folder's file is parsed and checked, as validate does.
        Case("themes --json (a data folder)", ["themes", "--json"], VALIDATE, layered),
        Case("is-today (a data folder)", ["is-today"], VALIDATE, layered),
        Case("countdown (stale notice)", ["countdown", "--date", "2027-11-15"], TEXT),
        *(Case(" ".join(args), args, TINY) for args in tiny),
        *(Case(" ".join(args), args, SCRIPTED) for args in scripted),
        Case("(TAB completion of info)", [], SCRIPTED, complete),
        *(Case(" ".join(args), args, TEXT) for args in text),
        *(Case(" ".join(args), args, HELP) for args in helps),
        Case("validate FILE", ["validate", str(HERE / "overlay.yaml")], VALIDATE),
    ]


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {process.returncode}")
    return elapsed, usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--rounds", type=int, default=40)
    parser.add_argument(
        "-k", "--only", action="append", default=[], help="only rows whose label holds this"
    )
    options = parser.parse_args()
    digiday = shutil.which("digiday", path=os.path.dirname(sys.executable)) or shutil.which(
        "digiday"
    )
    if digiday is None:
        raise SystemExit("install digiday first: python3 -m pip install .")
    base_env = process_env()  # the one test environment (tests/environment.py)

    floor_times: dict[tuple[str, ...], list[float]] = {}
    floor_memory: dict[tuple[str, ...], list[int]] = {}
    rows = []
    over = 0
    chosen = [case for case in cases() if any(k in case.label for k in options.only or [""])]
    for case in chosen:
        env = base_env | (case.env or {})
        argv = [digiday, *case.args]
        floor = list(case.floor)
        for _ in range(3):  # warm-up: page cache and byte-code
            run_once(argv, env)
            run_once(floor, base_env)
        times, ratios, memory = [], [], []
        for _ in range(options.rounds):
            floor_time, floor_rss = run_once(floor, base_env)
            time_, rss = run_once(argv, env)
            floor_times.setdefault(case.floor, []).append(floor_time)
            floor_memory.setdefault(case.floor, []).append(floor_rss)
            times.append(time_)
            ratios.append(time_ / floor_time)
            memory.append(rss)
        ratio = statistics.median(ratios)
        memory_ratio = statistics.median(memory) / statistics.median(floor_memory[case.floor])
        ok = ratio <= case.budget and memory_ratio <= MEMORY
        over += not ok
        rows.append(
            (case, statistics.median(times), ratio, statistics.median(memory), memory_ratio, ok)
        )

    import typer

    print(f"Python {sys.version.split()[0]}, typer {typer.__version__}, {options.rounds} rounds")
    names = {tuple(FLOOR): "the trivial Typer app", tuple(BARE): "python3 -c pass"}
    for used, times_ in floor_times.items():
        print(
            f"floor ({names[used]}): {statistics.median(times_) * 1000:.0f} ms, "
            f"{statistics.median(floor_memory[used]) / 1024:.1f} MiB"
        )
    print()
    print(f"| {'command':<34} | median ms | × floor | budget | peak MiB | × floor | ok |")
    print(f"|{'-' * 36}|-----------|---------|--------|----------|---------|----|")
    for case, median, ratio, peak, memory_ratio, ok in rows:
        print(
            f"| {case.label:<34} | {median * 1000:9.0f} | {ratio:7.2f} | {case.budget:6.2f} "
            f"| {peak / 1024:8.1f} | {memory_ratio:7.2f} | {'yes' if ok else 'NO':<2} |"
        )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
