"""The `digiday` console script, and `python -m digiday`: the fast path where it answers,
else the command line (cli/root.py, whose error policy takes over from here).

Importing the command line (Typer) is itself a step that can be interrupted or fail, before
any policy of its own exists. This is the one place that catches that: Ctrl-C then ends the
run quietly with 130 (0 for `countdown --follow`, which SIGINT, SIGTERM and SIGHUP stop
quietly at any moment), and running out of memory is one line and 71, never a traceback.
"""

from __future__ import annotations

import errno
import itertools
import os
import sys


def main() -> None:
    from digiday.cli.params import follows

    interrupted = 0 if follows(sys.argv[1:]) else 130
    try:
        if not interrupted:
            _stop_quietly()
        _fast()
        from digiday.cli.app import main as run
    except KeyboardInterrupt:
        sys.exit(interrupted)
    except MemoryError:
        _out_of_memory()
    except OSError as problem:  # an import can fail so too, under a small memory limit
        if problem.errno != errno.ENOMEM:
            raise
        _out_of_memory()
    run()


def _stop_quietly() -> None:
    """SIGTERM and SIGHUP end the run with 0 wherever they come; ignored stays ignored."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(0)

    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, stop)


def _fast() -> None:
    """Answer here and exit, when digiday.cli.fast recognises the command line."""
    from digiday.cli.fast import answer
    from digiday.environment import tolerate_narrow_encodings

    tolerate_narrow_encodings()
    try:
        status = answer(sys.argv[1:], os.environ)
    except Exception:  # a bug of its own, met before it wrote anything: the command line
        if os.environ.get("DIGIDAY_TRACEBACK"):  # answers, or reports it under its policy
            import traceback

            traceback.print_exc()
        status = None
    if status is not None:
        sys.exit(status)


def _out_of_memory() -> None:
    """One line and 71; in the reader's language when that can still be had, and in plain
    bytes on the descriptor when nothing more can be imported."""
    try:
        from digiday.environment import choose_lang, report
        from digiday.errors import ExitStatus, Failure
        from digiday.l10n.translate import N_

        message = Failure(N_("the system ran out of memory"))
        try:
            words = sys.argv[1:]  # a last resort's reading: click may be what failed to load
            given = [b for a, b in itertools.pairwise(words) if a == "--lang"]
            given += [w.removeprefix("--lang=") for w in words if w.startswith("--lang=")]
            text = message.text(choose_lang(given[-1] if given else None, os.environ)[0])
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
