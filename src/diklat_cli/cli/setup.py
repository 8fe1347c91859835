"""`diklat init` (a starter workspace) and `diklat schema` (the JSON Schema editors check with)."""

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from string import Template
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from ..errors import UsageError
from ..i18n import Catalog, Lang
from .base import app
from .context import options

SCHEMA_FILE = "diklat.schema.json"
SCHEMA_LINE = f"#:schema ./{SCHEMA_FILE}"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "init"

M = Catalog(
    {
        "exists": {
            "id": "diklat init tidak menimpa berkas yang sudah ada: {files}. Pilih folder lain "
            "(diklat init FOLDER) atau pindahkan berkas itu dulu.",
            "en": "diklat init does not overwrite existing files: {files}. Choose another folder "
            "(diklat init FOLDER) or move those files first.",
        },
        "not_folder": {
            "id": "'{path}' adalah berkas, bukan folder",
            "en": "'{path}' is a file, not a folder",
        },
        "created": {
            "id": "Ruang kerja dibuat di {where}:",
            "en": "Workspace created in {where}:",
        },
        "file_diklat": {
            "id": "profil dan pengaturan",
            "en": "profile and settings",
        },
        "file_tasks": {
            "id": "contoh tugas kantor",
            "en": "example office tasks",
        },
        "file_training": {
            "id": "contoh pelatihan, rapat, masa sibuk",
            "en": "example training, meetings, busy period",
        },
        "file_team": {
            "id": "contoh rekan kerja",
            "en": "example colleagues",
        },
        "file_schema": {
            "id": "skema untuk editor (VS Code + Even Better TOML)",
            "en": "schema for editors (VS Code + Even Better TOML)",
        },
        "next": {
            "id": "Langkah berikutnya:\n"
            "  1. Isi profil Anda di diklat.toml, lalu ganti contoh di berkas lain dengan milik Anda.\n"
            "  2. Periksa berkas:        {cmd} check\n"
            "  3. Rencana hari ini:      {cmd} plan\n"
            "{extra}"
            "Semua berkas diawali '#:schema ./diklat.schema.json': VS Code dengan ekstensi Even Better "
            "TOML (Taplo) melengkapi dan memeriksa isian saat Anda mengetik.",
            "en": "Next steps:\n"
            "  1. Fill in your profile in diklat.toml, then replace the examples in the other files.\n"
            "  2. Check the files:       {cmd} check\n"
            "  3. Today's plan:          {cmd} plan\n"
            "{extra}"
            "Every file starts with '#:schema ./diklat.schema.json': VS Code with the Even Better TOML "
            "extension (Taplo) completes and checks what you type.",
        },
        "elsewhere": {
            "id": "  Agar dipakai dari folder mana pun: export DIKLAT_WORKSPACE={path}\n",
            "en": "  To use it from any folder: export DIKLAT_WORKSPACE={path}\n",
        },
        "schema_written": {
            "id": "Skema ditulis ke {path}. Tambahkan baris ini di awal setiap berkas TOML: {line}",
            "en": "Schema written to {path}. Put this line at the top of each TOML file: {line}",
        },
    }
)


def next_monday(today: date) -> date:
    return today + timedelta(days=7 - today.weekday())


def starter_values(today: date, lang: Lang) -> dict[str, str]:
    """The dates of the starter files, relative to today: a real week ahead and a training after it."""
    mon = next_monday(today)
    start = mon + timedelta(days=21)
    end = start + timedelta(days=88)
    days: dict[str, date] = {
        "week1_mon": mon,
        "week1_tue": mon + timedelta(days=1),
        "week1_wed": mon + timedelta(days=2),
        "week1_thu": mon + timedelta(days=3),
        "week1_fri": mon + timedelta(days=4),
        "t_start": start,
        "t_offline_end": start + timedelta(days=11),
        "t_online_from": start + timedelta(days=15),
        "t_online_until": start + timedelta(days=78),
        "t_end": end,
        "t_after": end + timedelta(days=10),
        "quiet_start": start + timedelta(days=28),
        "quiet_end": start + timedelta(days=56),
        "away_start": start + timedelta(days=35),
        "away_end": start + timedelta(days=39),
    }
    values = {k: v.isoformat() for k, v in days.items()}
    values.update(schema_line=SCHEMA_LINE, language=lang, year=str(start.year))
    return values


def starter_files(today: date, lang: Lang) -> dict[str, str]:
    """File name -> content of a starter workspace (the schema file included)."""
    values = starter_values(today, lang)
    folder = TEMPLATES / lang
    names = {
        "diklat.toml": "diklat.toml",
        "tugas.toml": "tugas.toml",
        f"diklat-{values['year']}.toml": "pelatihan.toml",
        "tim.toml": "tim.toml",
    }
    files = {
        name: Template((folder / source).read_text("utf-8")).substitute(values)
        for name, source in names.items()
    }
    files[SCHEMA_FILE] = schema_text()
    return files


def schema_text() -> str:
    from ..workspace.schema import workspace_schema

    return json.dumps(workspace_schema(), ensure_ascii=False, indent=2) + "\n"


@app.command()
def init(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            metavar="DIR",
            help="Folder ruang kerja baru (bawaan: -w, atau folder ini) / new workspace folder "
            "(default: -w, or the current folder).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Buat ruang kerja awal berisi contoh / create a starter workspace with examples.

    Never overwrites: when any of the files exists, nothing is written (exit 2).

    Example: diklat init ~/diklat
    """
    o = options(ctx)
    # `diklat -w DIR init` names the folder as every other command does
    folder = folder or o.workspace or Path()
    lang = o.current_lang()
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    files = starter_files(today, lang)
    if folder.exists() and not folder.is_dir():
        raise UsageError(M(lang, "not_folder", path=folder))
    existing = [name for name in files if (folder / name).exists()]
    if existing:
        raise UsageError(M(lang, "exists", files=", ".join(existing)))
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        with (folder / name).open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    here = folder.resolve() == o.cwd.resolve()
    typer.echo(M(lang, "created", where=folder))
    labels = ["file_diklat", "file_tasks", "file_training", "file_team", "file_schema"]
    width = max(len(n) for n in files)
    for name, label in zip(files, labels, strict=True):
        typer.echo(f"  {name:<{width}}  {M(lang, label)}")
    cmd = "diklat" if here else f"diklat -w {folder}"
    extra = "" if here else M(lang, "elsewhere", path=folder.resolve())
    typer.echo("")
    typer.echo(M(lang, "next", cmd=cmd, extra=extra))


@app.command()
def schema(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Tulis ke berkas / write to a file.", show_default=False
        ),
    ] = None,
) -> None:
    """JSON Schema berkas ruang kerja untuk editor / JSON Schema of the workspace files for editors.

    Example: diklat schema --output diklat.schema.json
    (then put '#:schema ./diklat.schema.json' at the top of each TOML file)
    """
    text = schema_text()
    if output is None:
        typer.echo(text, nl=False)
        return
    from .output import write_output

    lang = options(ctx).current_lang()
    write_output(output, text.encode("utf-8"), lang)
    typer.echo(M(lang, "schema_written", path=output, line=f"#:schema ./{output.name}"), err=True)
