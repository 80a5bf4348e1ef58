"""What a user's data file changes in the data under it, told in the reader's language:
`adds 1 theme and 1 source, replaces 1 agency` (`digiday validate`, one line a layer)."""

from __future__ import annotations

from typing import NamedTuple

from digiday.core.constants import Lang
from digiday.l10n.translate import catalogue, tr


class Summary(NamedTuple):
    """What a valid user file adds to or replaces in the bundled data, by collection."""

    added: dict[str, int]
    replaced: dict[str, int]

    def text(self, lang: Lang) -> str:
        """`adds 1 theme and 1 source, replaces 1 agency`."""
        t = catalogue(lang)
        nouns = {
            "info": lambda n: t.ngettext("{count} info entry", "{count} info entries", n),
            "agencies": lambda n: t.ngettext("{count} agency", "{count} agencies", n),
            "themes": lambda n: t.ngettext("{count} theme", "{count} themes", n),
            "editions": lambda n: t.ngettext("{count} edition", "{count} editions", n),
            "documents": lambda n: t.ngettext("{count} document", "{count} documents", n),
            "targets": lambda n: t.ngettext("{count} target", "{count} targets", n),
            "measurements": lambda n: t.ngettext("{count} measurement", "{count} measurements", n),
            "sources": lambda n: t.ngettext("{count} source", "{count} sources", n),
        }

        def counted(counts: dict[str, int]) -> str:
            words = [nouns[name](n).format(count=n) for name, n in counts.items()]
            if len(words) == 1:
                return words[0]
            return tr("{list} and {last}", lang, list=", ".join(words[:-1]), last=words[-1])

        parts = [tr("adds {what}", lang, what=counted(self.added))] if self.added else []
        if self.replaced:
            parts.append(tr("replaces {what}", lang, what=counted(self.replaced)))
        return ", ".join(parts) or tr("changes nothing", lang)
