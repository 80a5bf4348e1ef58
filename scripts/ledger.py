"""The calendar ledger: the revision of each year's event in data/meta.yaml (`calendar:`).

    python3 scripts/ledger.py           # bring the revisions up to date with the data
    python3 scripts/ledger.py --check   # exit 1 if they are stale (CI runs this)

A calendar subscribed to `digiday ics` takes an event as changed only when its SEQUENCE
goes up, so each year is listed as [DIGEST, SEQUENCE, LAST-MODIFIED]. DIGEST is the first
16 hexadecimal digits of the SHA-256 of a JSON array (UTF-8, not ASCII-escaped) of what the
event says in Vietnamese, then in English, each as [SUMMARY, DESCRIPTION, URL or null,
[CATEGORIES]] as `digiday ics` writes them (see digiday/render/ics.py). While a year's event
says the same, its line stays as it is; once it says something else, the year moves to the
next SEQUENCE, modified as of `data_as_of`. Every year with a theme or an edition is listed;
a year that is not says what a year with no facts says, at the revision `calendar_rest`,
whose digest is that of such a year's event (the year 2100's, far from any data): when
that wording changes, every year not listed moves on with it.

Run it after every edit of the data: tests/render/test_ics.py fails while a listed digest
is not that of its year's event, or a year with facts is not listed. A maintainer's step,
so it stays out of the wheel.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
META = ROOT / "data" / "meta.yaml"
sys.path.insert(0, str(ROOT))  # the checkout's digiday, which reads data/'s YAML


def ledger() -> str:
    """data/meta.yaml with each year's calendar event at its revision, from the data the
    program reads as bundled (and the revisions listed there now)."""
    import gettext

    from digiday.core.model import NOTHING
    from digiday.l10n.translate import catalogue
    from digiday.render import ics
    from digiday.store import loader

    if not isinstance(catalogue("vi"), gettext.GNUTranslations):
        # Without its catalogue the Vietnamese event is written in English: every digest
        # would change, and every year with it.
        raise SystemExit("the Vietnamese catalogue is not compiled: python3 -m pip install -e .")
    dataset = loader.Data().dataset
    revisions, (digest, sequence, modified) = loader.calendar_revisions()
    as_of = loader.bundled_as_of()
    bundled = {year: ics.Revision(*revision) for year, revision in revisions.items()}
    rest = ics.Revision(digest, sequence, modified)
    now = ics.digest(NOTHING, ics.REST_YEAR)
    if digest != now:  # what a year with no facts says has changed: every such year moves on
        rest = ics.Revision(now, sequence + 1, max(modified, as_of))
    years = set(dataset.themes) | set(dataset.editions)
    lines = [
        "# The date the bundled data was last checked against its sources (`digiday --version`).",
        f'data_as_of: "{as_of}"',
        "",
        "# Each year's calendar event (`digiday ics`): [digest of what it says in both",
        "# languages, SEQUENCE, LAST-MODIFIED]. Written by `python3 scripts/ledger.py`, which",
        "# moves a year to its next revision when its event changes. A year not listed says",
        "# what a year with no facts says (the digest: the year 2100's event), at revision:",
        f'calendar_rest: ["{rest.digest}", {rest.sequence}, "{rest.modified}"]',
        "calendar:",
    ]
    for year in sorted(years | set(bundled)):
        rev = ics.revision(dataset, year, bundled, rest, as_of)
        lines.append(f'  {year}: ["{rev.digest}", {rev.sequence}, "{rev.modified}"]')
    return "\n".join(lines) + "\n"


def main(argv: list[str], meta: Path = META) -> int:
    made = ledger()
    current = meta.read_bytes().decode("utf-8") if meta.exists() else ""
    if "--check" in argv:
        if current != made:
            print(f"stale: {meta}; run python3 scripts/ledger.py", file=sys.stderr)
            return 1
        return 0
    if current != made:
        meta.write_bytes(made.encode("utf-8"))
        print(f"wrote {meta}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
