"""Which data files are in use, and in what order they are laid over the bundled data.

1. each `DIR/digiday/` of $XDG_DATA_DIRS (default /usr/local/share:/usr/share), the last
   listed first, so that the first listed wins (the XDG Base Directory specification); then
   $XDG_DATA_HOME/digiday/ (default ~/.local/share/digiday/); in each, every `*.yaml` and
   `*.yml` file, in the byte order of their names;
2. the files of $DIGIDAY_DATA (`:`-separated), left to right;
3. the `--data` files, left to right.

A data folder reaches cron jobs, systemd timers and status bars, which read no shell start-up
file; a missing one costs one failed `scandir`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from digiday.l10n.translate import N_

_SUFFIXES = (".yaml", ".yml")
_DEFAULT_DATA_DIRS = "/usr/local/share:/usr/share"


def folders(environ: Mapping[str, str]) -> list[str]:
    """The data folders, in the order their files are laid (the strongest last). A relative
    path in either variable is ignored, as the XDG specification asks: the data must not
    depend on the folder a command is run in."""
    shared = environ.get("XDG_DATA_DIRS") or _DEFAULT_DATA_DIRS
    found = [os.path.join(d, "digiday") for d in reversed(shared.split(":")) if os.path.isabs(d)]
    home = environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(home):
        base = environ.get("HOME") or os.path.expanduser("~")
        home = os.path.join(base, ".local", "share") if base and base != "~" else ""
    if home:
        found.append(os.path.join(home, "digiday"))
    return found


def folder_files(folder: str) -> list[str]:
    """The data files of `folder`, in the byte order of their names; none when it does not
    exist or cannot even be looked for. Raises DataError when it exists but cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries]
    except FileNotFoundError:
        return []
    except OSError as error:
        if isinstance(error, PermissionError) and not os.path.exists(folder):
            return []  # a folder above it cannot be searched: a HOME the user may not enter
        from digiday.store.loader import refuse, unreadable  # only now: most runs read no data

        if isinstance(error, NotADirectoryError):
            raise refuse(folder, N_("is not a folder")) from None
        raise unreadable(folder, error) from None
    chosen = [n for n in names if n.endswith(_SUFFIXES) and not n.startswith(".")]
    return [os.path.join(folder, name) for name in sorted(chosen, key=os.fsencode)]


def user_files(given: Sequence[str], environ: Mapping[str, str]) -> list[str]:
    """Every user file in use, in the order laid, each once (the first time it is met): the
    data folders' files, then $DIGIDAY_DATA's, then `given` (the --data files)."""
    paths = [path for folder in folders(environ) for path in folder_files(folder)]
    paths += [path for path in environ.get("DIGIDAY_DATA", "").split(":") if path]
    first: dict[object, str] = {}
    for path in [*paths, *given]:
        first.setdefault(identity_of(path), path)
    return list(first.values())


def identity_of(path: str) -> object:
    """What makes two paths the same file: its device and inode, else its absolute path, else
    (the working folder was deleted) the path as given; it is read, and reported, later."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        try:
            return os.path.abspath(path) if path else path
        except OSError:
            return path
    return (found.st_dev, found.st_ino)
