"""The bundled data, read once for each module of fact tests."""

from __future__ import annotations

import pytest

from digiday.core.model import Dataset
from digiday.store.loader import Data


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return Data().dataset
