"""Options the commands share, defined once, and how each is resolved.

The option types are `Annotated` aliases; `content_command` adds the five every content
command takes. Values are checked here rather than by click, so that every message is in
the reader's language and names both the bad value and the good ones.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn, Optional

import typer

from digiday import i18n
from digiday.errors import ExitStatus, fail, shown
from digiday.model import LANGS, Lang

if TYPE_CHECKING:
    from digiday.model import Dataset
    from digiday.views import Payload

FORMATS = ("text", "plain", "json", "markdown")
DEFAULT_ZONE = "Asia/Ho_Chi_Minh"


def complete(choices: tuple[str, ...]) -> Callable[[str], list[str]]:
    """Shell completion for an option whose values are a fixed list."""

    def candidates(incomplete: str) -> list[str]:
        return [choice for choice in choices if choice.startswith(incomplete)]

    return candidates


# Typer reads these annotations at run time, so they keep Optional[...] for Python 3.10.
LangOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--lang",
        help="vi or en. Default: $DIGIDAY_LANG, else the locale, else en.",
        autocompletion=complete(LANGS),
        metavar="[vi|en]",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--format",
        "-f",
        help="text, plain, json or markdown. Default: text.",
        autocompletion=complete(FORMATS),
        metavar="[text|plain|json|markdown]",
        show_default=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
PlainFlag = Annotated[bool, typer.Option("--plain", help="Short for --format plain.")]
DataOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--data",
        envvar="DIGIDAY_DATA",
        help="A YAML file laid over the bundled data (see `digiday validate`).",
        metavar="FILE",
        show_envvar=True,
    ),
]
DateOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--date", help="Take this as today: YYYY-MM-DD or DD/MM/YYYY.", metavar="DATE"),
]
ZoneOption = Annotated[
    str,
    typer.Option(
        "--tz",
        help="Whose today: an IANA time zone such as Asia/Tokyo, or local.",
        metavar="ZONE",
    ),
]


ERRORS: dict[str, tuple[str, str]] = {
    "lang": (
        "ngôn ngữ không hợp lệ {value} ở {where} (chọn: vi, en)",
        "unknown language {value} in {where} (choose: vi, en)",
    ),
    "formats": (
        "chỉ chọn một định dạng: {given}",
        "choose one format only: {given}",
    ),
    "choice": (
        "{what} không hợp lệ {value} (chọn: {choices})",
        "unknown {what} {value} (choose: {choices})",
    ),
    "date_form": (
        "ngày không đúng dạng {value} (viết YYYY-MM-DD hoặc DD/MM/YYYY)",
        "not a date {value} (write YYYY-MM-DD or DD/MM/YYYY)",
    ),
    "date_missing": (
        "không có ngày {value} trong lịch (viết YYYY-MM-DD hoặc DD/MM/YYYY)",
        "no such day as {value} in the calendar (write YYYY-MM-DD or DD/MM/YYYY)",
    ),
    "zone": (
        "múi giờ không rõ {value} (dùng tên IANA như Asia/Ho_Chi_Minh, hoặc local)",
        "unknown time zone {value} (use an IANA name such as Asia/Ho_Chi_Minh, or local)",
    ),
    "year": (
        "năm {value} không hợp lệ: Ngày Chuyển đổi số quốc gia có từ năm 2022 (chọn 2022–9999)",
        "year {value} has no Day: the first was in 2022 (choose 2022–9999)",
    ),
    "range": (
        "khoảng năm không hợp lệ: --from {start} lớn hơn --to {end}",
        "empty range: --from {start} is after --to {end}",
    ),
    "source": (
        "không có nguồn {value} (gần nhất: {close}; xem digiday sources)",
        "unknown source id {value} (closest: {close}; see digiday sources)",
    ),
    "no_words": (
        "cần ít nhất một từ để tìm, ví dụ: digiday search chuyen doi so",
        "give at least one word to search for, e.g. digiday search digital economy",
    ),
    "many_words": (
        "quá nhiều từ để tìm ({count}); tối đa {limit}",
        "too many words to search for ({count}); at most {limit}",
    ),
    "watch": (
        "--watch là đồng hồ trực tiếp trên màn hình; không dùng cùng {other}",
        "--watch is a live clock for a terminal; it cannot be combined with {other}",
    ),
    "write": ("không ghi được {path}: {reason}", "cannot write {path}: {reason}"),
    "calendar_end": (
        "không có ngày 10/10 nào sau {value} trong lịch",
        "no 10 October after {value} in the calendar",
    ),
}


def error(
    key: str, lang: Lang, status: ExitStatus = ExitStatus.USAGE, **values: object
) -> NoReturn:
    """End the run with message `key` in `lang`; `value` and `path` come from outside, so
    they are shown quoted, escaped and cut (numbers as they are)."""
    vi, en = ERRORS[key]
    for name in ("value", "path"):
        if isinstance(values.get(name), str):
            values[name] = shown(values[name])
    fail((vi if lang == "vi" else en).format(**values), status)


def resolve_lang(explicit: str | None) -> Lang:
    value, where = i18n.choose_lang(explicit, os.environ)
    if value == "vi":
        return "vi"
    if value == "en":
        return "en"
    fallback, _ = i18n.choose_lang(
        None, {k: v for k, v in os.environ.items() if k != "DIGIDAY_LANG"}
    )
    error("lang", "vi" if fallback == "vi" else "en", value=value, where=where)


def choose(value: str, choices: tuple[str, ...], what: tuple[str, str], lang: Lang) -> str:
    """`value` if it is one of `choices`; otherwise a usage error naming them all."""
    if value not in choices:
        error(
            "choice",
            lang,
            what=what[0 if lang == "vi" else 1],
            value=value,
            choices=", ".join(choices),
        )
    return value


def resolve_format(fmt: str | None, as_json: bool, plain: bool, lang: Lang) -> str:
    given = [flag for flag, on in (("--json", as_json), ("--plain", plain)) if on]
    if fmt is not None:
        choose(fmt, FORMATS, ("định dạng", "format"), lang)
        implied = {"json": "--json", "plain": "--plain"}.get(fmt)
        if any(flag != implied for flag in given):
            error("formats", lang, given=", ".join([f"--format {fmt}", *given]))
    if len(given) > 1:
        error("formats", lang, given=", ".join(given))
    if given:
        return given[0].removeprefix("--")
    return fmt or "text"


class Today(NamedTuple):
    date: dt.date
    zone_name: str
    zone: dt.tzinfo


def zone(name: str, lang: Lang) -> dt.tzinfo:
    if name == "local":
        return local_zone()[1]
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError, UnicodeError):
        error("zone", lang, value=name)


def local_zone(
    environ: Mapping[str, str] | None = None, localtime: str = "/etc/localtime"
) -> tuple[str, dt.tzinfo]:
    """This machine's zone and its name: TZ when it names an IANA zone, else the zone that
    /etc/localtime links to, else the current UTC offset (`UTC+07:00`)."""
    from zoneinfo import ZoneInfo

    environ = os.environ if environ is None else environ
    candidates = [environ.get("TZ", "").removeprefix(":")]
    if not candidates[0]:
        target = os.path.realpath(localtime)
        if "/zoneinfo/" in target:
            candidates.append(target.split("/zoneinfo/", 1)[1])
    for candidate in candidates:
        if candidate and not candidate.startswith("/"):
            try:
                return candidate, ZoneInfo(candidate)
            except (KeyError, ValueError, OSError, UnicodeError):
                pass
    local = dt.datetime.now().astimezone().tzinfo
    assert local is not None  # astimezone() always sets one
    offset = dt.datetime.now(local).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}", local


def today(date_text: str | None, zone_name: str, lang: Lang) -> Today:
    """Today's date in the zone, or the date given with --date (the zone is still checked)."""
    from digiday import calendar, clock

    tz = zone(zone_name, lang)
    if zone_name == "local":
        zone_name = local_zone()[0]
    if date_text is None:
        return Today(calendar.date_in(clock.now(), tz), zone_name, tz)
    try:
        return Today(calendar.parse_date(date_text), zone_name, tz)
    except calendar.DateFormError:
        error("date_form", lang, value=date_text)
    except ValueError:
        error("date_missing", lang, value=date_text)


def year(value: int, lang: Lang) -> int:
    from digiday.calendar import YEARS

    if value not in YEARS:
        error("year", lang, value=value)
    return value


def load(data_file: str | None) -> Dataset:
    """The data, with the user's file laid over; a bad file ends the run with status 3."""
    from digiday import data

    try:
        return data.load(data_file)
    except data.DataError as problem:
        fail(str(problem), ExitStatus.DATA)


def styled() -> bool:
    """Whether text output gets colour and styles: FORCE_COLOR, or a terminal without NO_COLOR."""
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


class Output(NamedTuple):
    """What the shared options of a content command resolve to."""

    lang: Lang
    format: str
    data_file: str | None

    def data(self) -> Dataset:
        return load(self.data_file)

    def emit(self, command: str, payload: Payload, terms: list[str] | None = None) -> None:
        from digiday.render import emit

        emit(command, payload, self.format, self.lang, terms)


_SHARED = {
    "lang": (LangOption, None),
    "fmt": (FormatOption, None),
    "as_json": (JsonFlag, False),
    "plain": (PlainFlag, False),
    "data_file": (DataOption, None),
}


def content_command(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command --lang, --format/-f, --json, --plain and --data, resolved into the
    `out: Output` it takes: the options every content command shares, defined once.

    Typer reads a command's parameters from its signature and annotations, so the wrapper
    shows Typer the command's own parameters (less `out`) followed by the shared ones.
    """
    own = [p for p in inspect.signature(command).parameters.values() if p.name != "out"]
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
        for name, (kind, default) in _SHARED.items()
    ]

    @functools.wraps(command)
    def wrapper(**values: Any) -> None:
        lang = resolve_lang(values.pop("lang"))
        fmt = resolve_format(values.pop("fmt"), values.pop("as_json"), values.pop("plain"), lang)
        out = Output(lang, fmt, values.pop("data_file"))
        command(**values, out=out)

    wrapper.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {
        **{p.name: p.annotation for p in own},
        **{name: kind for name, (kind, _) in _SHARED.items()},
    }
    return wrapper
