"""The `digiday` console script's first step, importing no more than it must.

Everything from the command line's reading to the error policy is in digiday.cli.app and
digiday.cli.root; but importing them (Typer, click) is itself a step that can fail, under a
small memory limit, before any policy of theirs exists. This is the one place that catches
that, so the user still gets one line and the contract's status, not a traceback.
"""

from __future__ import annotations

import errno
import os
import sys


def main() -> None:
    try:
        _fast()
        from digiday.cli.app import main as run
    except MemoryError:
        _out_of_memory()
    except OSError as problem:  # an import can fail so too, under a small memory limit
        if problem.errno != errno.ENOMEM:
            raise
        _out_of_memory()
    run()


def _fast() -> None:
    """Answer here and exit, when digiday.cli.fast recognises the command line."""
    from digiday.cli.fast import answer
    from digiday.output import tolerate_narrow_encodings

    tolerate_narrow_encodings()
    try:
        status = answer(sys.argv[1:], os.environ)
    except KeyboardInterrupt:
        sys.exit(130)  # as the full command line: interrupted, quietly
    except Exception:  # a bug of the fast path's own, met before it wrote anything:
        status = None  # the full command line answers, or reports it under its policy
    if status is not None:
        import gc

        gc.freeze()  # as cli.main does: the exit's collections would cost more than the answer
        sys.exit(status)


def _out_of_memory() -> None:
    """One line and 71; in the reader's language when that can still be had, and in plain
    bytes on the descriptor when nothing more can be imported."""
    try:
        from digiday.errors import ExitStatus, Failure, report
        from digiday.l10n.translate import N_

        message = Failure(N_("the system ran out of memory"))
        try:
            from digiday.environment import choose_lang

            text = message.text(choose_lang(sys.argv[1:], os.environ)[0])
        except Exception:  # MemoryError included: the words need no catalogue
            text = message.msgid
        report(text)
        sys.exit(int(ExitStatus.OSERR))
    except (MemoryError, OSError):
        try:
            os.write(2, b"digiday: the system ran out of memory\n")
        finally:
            os._exit(71)


if __name__ == "__main__":
    main()
