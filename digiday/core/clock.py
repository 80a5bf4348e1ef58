"""The real clock, which the Environment carries as `now` (tests carry another). Only
`--tz local`'s last resort, the machine's current UTC offset, asks the system directly."""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
