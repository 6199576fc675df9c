"""``sohoa search`` (look up stored records) and ``sohoa export hotich`` (a register book for the Ministry
of Justice). Thin over ``pipeline.store``; every lookup is written to the audit log under the OS user."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

console = Console()
err_console = Console(stderr=True)

SCHEMA_LABELS = {
    "birth_certificate": "Giấy khai sinh",
    "marriage_certificate": "Giấy chứng nhận kết hôn",
    "death_extract": "Trích lục khai tử",
    "marital_status_confirmation": "Xác nhận tình trạng hôn nhân",
    "citizen_id_card": "Thẻ căn cước",
    "birth_register": "Sổ đăng ký khai sinh",
}
STATUS_LABELS = {"extracted": "đã trích xuất", "reviewed": "đã kiểm tra", "signed": "đã ký số", "stored": "đã lưu"}
ROLE_LABELS = {"subject": "bản thân", "husband": "chồng", "wife": "vợ", "mother": "mẹ", "father": "cha"}


def actor() -> str:
    return f"cli:{getpass.getuser()}"


def open_repository():
    from pipeline.store import Repository

    try:
        return Repository.from_settings()
    except Exception as err:  # noqa: BLE001 - one clear line instead of a traceback
        err_console.print(f"sohoa: không mở được kho lưu trữ: {err}")
        raise typer.Exit(1) from err


def records_table(records, title: str, roles: dict[int, str] | None = None) -> Table:
    table = Table(title=title)
    keep_whole = {"Mã", "Họ và tên", "Số định danh", "Ngày sinh"}
    for header in ("Mã", "Loại giấy tờ", "Họ và tên", "Số định danh", "Ngày sinh", "Số", "Quyển số",
                   "Mã hồ sơ", "Trạng thái", "Phiên bản"):
        table.add_column(header, no_wrap=header in keep_whole)
    if roles is not None:
        table.add_column("Vai trò")
    for index, record in enumerate(records):
        person = record.subject()
        row = [
            str(record.id), SCHEMA_LABELS.get(record.schema_id, record.schema_id),
            person.full_name or "" if person else "", person.personal_id or "" if person else "",
            person.date_of_birth or "" if person else "", record.number or "", record.book or "",
            record.dossier_code or "", STATUS_LABELS.get(record.status, record.status),
            f"{record.version}" + ("" if record.is_current else " (cũ)"),
        ]
        if roles is not None:
            row.append(roles[index])
        table.add_row(*row)
    return table


def register(cli: typer.Typer) -> None:
    @cli.command()
    def search(
        personal_id: str = typer.Option(None, "--personal-id", help="Số định danh cá nhân (12 số) hoặc CMND (9 số)"),
        name: str = typer.Option(None, "--name", help="Họ và tên, có hoặc không dấu"),
        schema: str = typer.Option(None, "--schema", help="Loại giấy tờ (schema id)"),
        number: str = typer.Option(None, "--number", help="Số (số đăng ký)"),
        book: str = typer.Option(None, "--book", help="Quyển số"),
        date_of_birth: str = typer.Option(None, "--dob", help="Ngày sinh YYYY-MM-DD"),
        dossier_code: str = typer.Option(None, "--dossier", help="Mã hồ sơ"),
        history: bool = typer.Option(False, "--history", help="Kể cả các phiên bản cũ"),
        person: bool = typer.Option(False, "--person", help="Mọi hồ sơ có tên người này (cần --personal-id)"),
        limit: int = typer.Option(100, "--limit", help="Số kết quả tối đa"),
        as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON"),
    ) -> None:
        """Tra cứu hồ sơ đã lưu (looks up stored records). Exit 0 whether found or not."""
        if person and not personal_id:
            err_console.print("sohoa: --person cần --personal-id")
            raise typer.Exit(2)
        if not any((personal_id, name, schema, number, book, date_of_birth, dossier_code)):
            err_console.print("sohoa: cần ít nhất một tiêu chí tra cứu (--personal-id, --name, --schema, --number…)")
            raise typer.Exit(2)
        repo = open_repository()
        try:
            if person:
                view = repo.person(personal_id, actor=actor())
                if as_json:
                    typer.echo(json.dumps(view.model_dump(mode="json"), ensure_ascii=False, indent=2))
                    return
                roles = {i: ROLE_LABELS.get(link.role, link.role) + (" (theo tên)" if link.match == "name" else "")
                         for i, link in enumerate(view.links)}
                title = f"Hồ sơ của {view.personal_id}: {', '.join(view.names) or 'chưa rõ tên'}"
                console.print(records_table([link.record for link in view.links], title, roles))
                return
            records = repo.search(actor=actor(), personal_id=personal_id, name=name, schema=schema, number=number,
                                  book=book, date_of_birth=date_of_birth, dossier_code=dossier_code,
                                  include_history=history, limit=limit)
        finally:
            repo.close()
        if as_json:
            typer.echo(json.dumps([r.model_dump(mode="json") for r in records], ensure_ascii=False, indent=2))
        elif not records:
            console.print("Không tìm thấy hồ sơ nào.")
        else:
            console.print(records_table(records, f"{len(records)} hồ sơ"))

    export = typer.Typer(help="Xuất dữ liệu (exports).", no_args_is_help=True)

    @export.command("hotich")
    def export_hotich(
        book: str = typer.Option(..., "--book", help="Quyển số của sổ đăng ký khai sinh"),
        authority: str = typer.Option(None, "--authority", help="Nơi đăng ký (khi cùng quyển số ở nhiều nơi)"),
        out: Path = typer.Option(..., "--out", help="Tệp .zip đầu ra"),
    ) -> None:
        """Sổ hộ tịch cho Bộ Tư pháp: mỗi dòng đăng ký một PDF và một dòng Excel, trong một tệp .zip."""
        from pipeline.store.export import ExportError, export_hotich

        repo = open_repository()
        try:
            summary = export_hotich(repo, book, out, actor=actor(), authority=authority)
        except ExportError as err:
            err_console.print(f"sohoa: {err}")
            raise typer.Exit(2) from err
        finally:
            repo.close()
        err_console.print(f"{summary.out}: quyển {summary.book} ({summary.authority}), "
                          f"{len(summary.entries)} dòng đăng ký, {len(summary.records)} trang sổ")

    cli.add_typer(export, name="export")
