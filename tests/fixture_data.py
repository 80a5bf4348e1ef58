"""The tests' own dataset, tests/fixtures/data/: a few invented records, in the bundled
data's shape, that exercise every layout (tests/render/test_golden.py) and the calendar ledger
(tests/render/test_ics.py), so that an edit of the real data changes none of their files.

It stands in for the bundled data entirely: the data layers (`--data`, DIGIDAY_DATA, the
data folders) only lay records over the bundled ones and never take one away, so no layer
can. `bundled(folder)` replaces what `digiday.store.loader` reads as the bundled data, in this
process, for the duration of the block: the one hook into the package the tests use for it,
and only in-process (a real `digiday` process always reads its own bundled data).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

FOLDER = Path(__file__).resolve().parent / "fixtures" / "data"


@contextlib.contextmanager
def bundled(folder: Path = FOLDER) -> Iterator[None]:
    """Inside the block, the bundled data is `folder`'s files (the bundled data's names,
    meta.yaml with them), checked as the bundled data is."""
    from digiday.store import loader as data

    checked = data._check_bundled(folder)
    with mock.patch.object(data, "_bundled", return_value=checked):
        yield
