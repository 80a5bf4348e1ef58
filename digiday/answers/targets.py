"""`targets`: what the documents behind the Day set out to reach, every figure measured
against each target, and the verdict on it (CONTRACT.md, "targets: the verdict")."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from digiday.answers.arguments import year as checked_year
from digiday.answers.sources import said
from digiday.core.model import Lang, Measurement, Target
from digiday.l10n.translate import measured_figure, target_figure, target_words

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.store.loader import Data

FIRST_YEAR = 2000  # a target may be set for any year from here on; the Days began in 2022
_DECIDE = ("official", "estimate")  # a claim never decides
# Whether the deciding figures reached the target: none, all, none of them; else disputed.
_VERDICTS: dict[frozenset[bool], payloads.Verdict] = {
    frozenset(): "unmeasured",
    frozenset({True}): "met",
    frozenset({False}): "not_met",
}


def short_by(target: Target, measured: Measurement) -> float | None:
    """How far `measured` falls short of `target` (0 once it is reached): percentage points,
    or places in a ranking; None where the two cannot be compared: they count different
    things, either has no number, or the figure was made by another method."""
    if target.target is None or measured.value is None or target.unit is None or measured.method:
        return None
    if measured.unit != target.unit.removesuffix(", top"):  # a "rank, top" is measured as a "rank"
        return None
    if target.unit.startswith("rank"):  # places in a ranking, where fewer is better
        return max(measured.value - target.target, 0)
    return max(round(target.target - measured.value, 6), 0)


def verdict(
    target: Target, measured: list[Measurement], data_as_of: str
) -> tuple[payloads.Verdict, list[str]]:
    """The verdict on `target` and the ids of the figures that decided it: `open` while its
    year is not over as of the data's date; else decided only by official and estimate
    figures of its own year that can be compared with it (a claim never decides): `met` or
    `not_met` when they agree, `disputed` when they do not, `unmeasured` when there is none."""
    if int(data_as_of[:4]) <= target.year:
        return "open", []
    deciding = [
        (m.id, gap)
        for m in measured
        if m.year == target.year and m.kind in _DECIDE and (gap := short_by(target, m)) is not None
    ]
    reached = frozenset(gap == 0 for _, gap in deciding)
    return _VERDICTS.get(reached, "disputed"), [ident for ident, _ in deciding]


_MEASURED = ("id", "year", "value", "unit", "out_of", "kind", "by", "date")


def _measured(target: Target, measured: Measurement, lang: Lang) -> payloads.Measured:
    return cast(
        "payloads.Measured",
        said(measured, lang, *_MEASURED)
        | {"text": measured_figure(measured, lang)}
        | said(measured, lang, "note", "method")
        | {"short_by": short_by(target, measured), "sources": list(measured.sources)},
    )


def targets(data: Data, year: object, lang: Lang) -> list[payloads.Target]:
    """Each target (those for `year`, when given) with every figure measured against it,
    and its verdict."""
    chosen = None if year is None else checked_year(year, FIRST_YEAR)
    dataset = data.dataset
    by_measure: dict[str, list[Measurement]] = {}
    for measured in dataset.measurements.values():
        by_measure.setdefault(measured.measure, []).append(measured)
    result: list[payloads.Target] = []
    for target in dataset.targets.values():
        if chosen not in (None, target.year):
            continue
        document = dataset.documents.get(target.document)
        figures = by_measure.get(target.measure, [])
        found, decided_by = verdict(target, figures, data.data_as_of)
        payload = said(target, lang, "id", "indicator", "target", "unit", "year", "document") | {
            "document_number": document.number if document else None,
            "document_title": document.title.get(lang) if document else None,
            "target_text": target_words(target, lang),
            "target_figure": target_figure(target, lang),
            **said(target, lang, "note", "measure"),
            "measured": [_measured(target, m, lang) for m in figures],
            "verdict": found,
            "decided_by": decided_by,
            "sources": list(target.sources),
        }
        result.append(cast("payloads.Target", payload))
    return result
