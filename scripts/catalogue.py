"""The catalogue's steps in one place: the tool's words taken from the code, the Vietnamese
catalogue brought in step with them, and the check that it is.

    python3 scripts/catalogue.py           # update digiday/l10n/locale/vi/LC_MESSAGES/digiday.po
                                           # and compile its .mo beside it
    python3 scripts/catalogue.py --check   # change nothing; exit 1 if the .po lacks a msgid
                                           # of the code, keeps one the code no longer has,
                                           # or has an entry untranslated or fuzzy

The words are found by reading the code's syntax tree, not its tokens as `pybabel extract`
does: under Python 3.11 and older a tokenizer sees an f-string as one string, so it would
miss `tr("Sources", lang)` written inside one. The keywords are Babel's own (`_`, `gettext`,
`ngettext`, `pgettext`, ...) and digiday's: `tr` (said where it is written) and `N_`
(marked where it is defined, said later). Needs Babel (the test extra).
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "digiday"
DOMAIN = "digiday"
PO = PACKAGE / "l10n" / "locale" / "vi" / "LC_MESSAGES" / f"{DOMAIN}.po"
KEYWORDS: dict[str, Any] = {**DEFAULT_KEYWORDS, "N_": None, "tr": None}
Message = tuple[str | None, Any]  # (context, msgid or its plural forms)


def extract_python_ast(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, tuple[str | None, ...], list[str]]]:
    """A Babel extraction method: each call of a keyword (`tr(...)`, `t.gettext(...)`),
    with its arguments that are string literals (None for any other), inside f-strings
    too."""
    tree = ast.parse(fileobj.read())
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    for node in sorted(calls, key=lambda call: (call.lineno, call.col_offset)):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if not isinstance(name, str) or name not in keywords:
            continue
        arguments = tuple(
            arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
            for arg in node.args
        )
        yield node.lineno, name, arguments, []


def template() -> Catalog:
    """Every msgid the code marks, as a template (a .pot) without locations."""
    found = Catalog(domain=DOMAIN, project=DOMAIN, charset="utf-8")
    # Babel takes a callable where its types say a method's name.
    methods: Any = [("**.py", extract_python_ast)]
    for _file, _line, msgid, _comments, context in extract_from_dir(
        str(PACKAGE), method_map=methods, keywords=KEYWORDS
    ):
        found.add(msgid, context=context)
    return found


def read(path: Path = PO) -> Catalog:
    with path.open("rb") as source:
        return read_po(source)


def messages(catalog: Catalog) -> set[Message]:
    return {(m.context, m.id) for m in catalog if m.id}


def problems(po: Catalog | None = None) -> list[str]:
    """What keeps the .po from matching the code, one line each; none when it does."""
    po = read() if po is None else po
    in_code, in_po = messages(template()), messages(po)
    said = []
    said += [f"missing from the .po: {m!r}" for m in sorted(in_code - in_po, key=repr)]
    said += [f"obsolete in the .po: {m!r}" for m in sorted(in_po - in_code, key=repr)]
    said += [f"obsolete in the .po: {m.id!r}" for m in po.obsolete.values()]
    for message in po:
        if not message.id:
            continue
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            said.append(f"fuzzy: {message.id!r}")
        elif not all(texts):
            said.append(f"untranslated: {message.id!r}")
    return said


def update(path: Path = PO) -> Catalog:
    """The .po brought in step with the code (new msgids untranslated, gone ones dropped,
    no fuzzy guesses), written, and compiled to its .mo."""
    po = read(path)
    code = template()
    code.creation_date = po.creation_date  # the same code, the same file: no date to churn
    po.update(code, no_fuzzy_matching=True)
    po.obsolete.clear()
    with path.open("wb") as out:
        write_po(out, po, omit_header=False, sort_output=True, no_location=True)
    with path.with_suffix(".mo").open("wb") as out:
        write_mo(out, po, use_fuzzy=False)
    return po


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    if not args.check:
        update()
    found = problems()
    for problem in found:
        print(f"{PO.relative_to(ROOT)}: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
