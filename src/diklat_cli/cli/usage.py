"""Usage errors (exit 2) in the user's language.

Typer's click writes its usage errors in English only (its vendored copy has no gettext). The
errors carry what they are about (the option, the parameter, the value), so they are told here
again, in Indonesian or English: the usage line, where to find help, and what is wrong. A
message this module does not know is kept as Click wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..i18n import Catalog, Lang

M = Catalog(
    {
        "usage": {"id": "Cara pakai:", "en": "Usage:"},
        "hint": {
            "id": "Bantuan: '{command} {option}'.",
            "en": "Try '{command} {option}' for help.",
        },
        "error": {"id": "Kesalahan: {text}", "en": "Error: {text}"},
        "no_option": {"id": "opsi {option} tidak dikenal", "en": "no such option: {option}"},
        "maybe": {"id": " (maksud Anda {near}?)", "en": " (did you mean {near}?)"},
        "no_command": {"id": "perintah '{name}' tidak dikenal", "en": "no such command '{name}'"},
        "missing_command": {"id": "perintah belum disebut", "en": "no command given"},
        "extra": {
            "id": "ada argumen yang tidak dikenal: {args}",
            "en": "an unexpected extra argument: {args}|unexpected extra arguments: {args}",
        },
        "needs_value": {
            "id": "opsi {option} perlu nilai",
            "en": "the option {option} needs a value",
        },
        "value_is_option": {
            "id": "opsi {option} perlu nilai, tetapi sesudahnya tertulis opsi {next}; tulis "
            "{option} {metavar} sebelum {next}",
            "en": "the option {option} needs a value, but the option {next} follows it; write "
            "{option} {metavar} before {next}",
        },
        "no_value": {
            "id": "opsi {option} tidak menerima nilai",
            "en": "the option {option} takes no value",
        },
        "missing": {"id": "{what} {name} belum diisi", "en": "{what} {name} is missing"},
        "argument": {"id": "argumen", "en": "the argument"},
        "option": {"id": "opsi", "en": "the option"},
        "bad_value": {
            "id": "nilai {name} tidak dapat dipakai: {why}",
            "en": "invalid value for {name}: {why}",
        },
        "not_number": {
            "id": "'{value}' bukan bilangan bulat",
            "en": "'{value}' is not a whole number",
        },
        "not_in_range": {
            "id": "{value} di luar rentang {range}",
            "en": "{value} is not in the range {range}",
        },
        "not_choice": {
            "id": "'{value}' bukan salah satu dari {choices}",
            "en": "'{value}' is not one of {choices}",
        },
    }
)


def show(exc: Any, args: Sequence[str], lang: Lang) -> str:
    """The text of a usage error `exc` (typer's click UsageError) as the user should read it."""
    ctx = getattr(exc, "ctx", None)
    lines: list[str] = []
    if ctx is not None:
        usage = ctx.get_usage()
        lines.append(usage.replace("Usage:", M(lang, "usage"), 1))
        if ctx.command.get_help_option(ctx) is not None:
            option = ctx.help_option_names[0]
            lines.append(M(lang, "hint", command=ctx.command_path, option=option))
        lines.append("")
    lines.append(M(lang, "error", text=explain(exc, args, lang)))
    return "\n".join(lines)


def explain(exc: Any, args: Sequence[str], lang: Lang) -> str:
    """What is wrong, in `lang`; Click's own words when the error is not one of the known kinds."""
    kind = type(exc).__name__
    message = str(getattr(exc, "message", "") or "")
    ctx = getattr(exc, "ctx", None)
    if (found := _value_is_option(ctx, args)) is not None:
        option, following, metavar = found
        return M(lang, "value_is_option", option=option, next=following, metavar=metavar)
    if kind == "NoSuchOption":
        near = sorted(getattr(exc, "possibilities", None) or ())
        maybe = M(lang, "maybe", near=", ".join(near)) if near else ""
        return M(lang, "no_option", option=exc.option_name) + maybe
    if kind == "MissingParameter":
        param = getattr(exc, "param", None)
        what = "argument" if getattr(param, "param_type_name", "") == "argument" else "option"
        name = param.get_error_hint(ctx) if param is not None else ""
        return M(lang, "missing", what=M(lang, what), name=name)
    if kind == "BadParameter":
        param = getattr(exc, "param", None)
        name = param.get_error_hint(ctx) if param is not None else ""
        return M(lang, "bad_value", name=name, why=_why(message, lang))
    if kind == "BadOptionUsage":
        option = getattr(exc, "option_name", "")
        key = "no_value" if "does not take a value" in message else "needs_value"
        return M(lang, key, option=option)
    if m := re.match(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?$", message):
        maybe = M(lang, "maybe", near=m.group(2)) if m.group(2) else ""
        return M(lang, "no_command", name=m.group(1)) + maybe
    if message == "Missing command.":
        return M(lang, "missing_command")
    if m := re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)$", message):
        return M.count(lang, "extra", len(m.group(1).split()), args=m.group(1))
    return exc.format_message() if hasattr(exc, "format_message") else message


def _why(message: str, lang: Lang) -> str:
    """Click's reason for refusing a value, in `lang` when it is one of the usual ones."""
    if m := re.match(r"'(.*)' is not a valid (?:integer|int range)\.?$", message):
        return M(lang, "not_number", value=m.group(1))
    if m := re.match(r"(.*) is not in the range (.*)\.$", message):
        return M(lang, "not_in_range", value=m.group(1), range=m.group(2))
    if m := re.match(r"'(.*)' is not one of (.*)\.$", message):
        return M(lang, "not_choice", value=m.group(1), choices=m.group(2))
    return message


def _value_is_option(ctx: Any, args: Sequence[str]) -> tuple[str, str, str] | None:
    """(option, the option after it, its metavar) when an option that takes a value is followed
    by another option: `check --suggest --date 2026-12-07` took '--date' as the training."""
    if ctx is None:
        return None
    for param in getattr(ctx.command, "params", ()):
        if getattr(param, "param_type_name", "") != "option" or getattr(param, "is_flag", True):
            continue
        for i, arg in enumerate(args[:-1]):
            following = args[i + 1]
            if arg in param.opts and following.startswith("--"):
                metavar = param.make_metavar(ctx) if hasattr(param, "make_metavar") else "..."
                return arg, following, metavar
    return None
