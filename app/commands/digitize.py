"""``sohoa digitize PATH... [--out DIR] [--schema ID] [--no-sign] [--no-store] [--jobs N] [--dask ADDRESS|local]``:
the batch flow (flows.batch.batch_digitize) with Prefect's local ephemeral API (unless PREFECT_API_URL), a
progress bar on stderr and a summary table at the end. A PATH is a file, a folder or ``s3://BUCKET/PREFIX``
(objects in the S3 server of SOHOA_S3_ENDPOINT); ``--dask`` runs the inputs on Dask workers.

Exit statuses (CONTRACT.md): 0 all done (or skipped as done before), 3 some inputs quarantined,
2 bad arguments (no such path, unknown schema, unusable signer, an output folder another run is using), 1 some
inputs failed (internal error; they are not marked done, so running the command again retries them).
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from app.progress import err_console, progress_bars
from pipeline.errors import BadInput

STATUS_LABELS = {
    "done": "[green]xong[/green]",
    "skipped": "[cyan]đã có[/cyan]",
    "duplicate": "[cyan]trùng[/cyan]",
    "quarantined": "[yellow]cách ly[/yellow]",
    "failed": "[red]lỗi[/red]",
}
MAX_ROWS = 40


def check_arguments(paths: list[str], schema: str | None, jobs: int, dask: str | None = None) -> None:
    """Raises BadInput (exit 2, one line) for a path that does not exist, an S3 prefix that cannot be read, an
    unknown schema, bad --jobs, a Dask scheduler that cannot be reached."""
    from flows.s3inputs import S3InputError, check, is_s3

    for path in paths:
        if is_s3(path):
            try:
                check(path)
            except S3InputError as err:
                raise BadInput(path, f"không đọc được / cannot read: {err}") from None
        elif not Path(path).exists():
            raise BadInput(path, "không có tệp hay thư mục này / no such file or folder")
    if jobs < 0:
        raise BadInput("--jobs", "phải ≥ 0 / must be 0 or more")
    if schema:
        from schemas import load_schemas

        known = sorted(load_schemas())
        if schema not in known:
            raise BadInput("--schema", f"không biết mẫu {schema!r} / unknown schema; one of: {', '.join(known)}")
    if dask and dask != "local":
        check_dask_scheduler(dask)


def check_dask_scheduler(address: str) -> None:
    """A TCP connection to the scheduler (``tcp://host:port``, ``host:port``; port 8786 by default)."""
    scheme, _, rest = address.rpartition("://")
    if scheme not in ("", "tcp", "tls"):
        return  # another transport: Dask itself says what is wrong
    host, _, port = rest.rpartition(":") if ":" in rest else (rest, "", "8786")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=5):
            pass
    except (OSError, ValueError) as err:
        raise BadInput("--dask", f"không kết nối được bộ lập lịch Dask / cannot reach the Dask scheduler at "
                                 f"{address} ({err})") from None


def check_signer() -> list[str]:
    """Loads the signer once before the batch (raises SignerUnusable, a BadInput, when it cannot sign) and
    returns the notes worth showing once rather than once per document."""
    from pipeline.config import settings
    from pipeline.signing import load_signer
    from pipeline.signing.sign import resolve_level

    notes: list[str] = []
    level = resolve_level(None, settings().tsa_url, notes)
    loaded = load_signer()
    try:
        if loaded.is_development:
            notes.append("Đang dùng khóa ký thử nghiệm, KHÔNG dùng cho sản xuất / development signer")
    finally:
        loaded.close()
    notes.append(f"Ký PAdES {level.value} / signing at PAdES {level.value}")
    return notes


@contextmanager
def quiet_libraries() -> Iterator[None]:
    """Per-document warnings of the signing libraries are shown once before the batch, not per document."""
    names = ["pipeline.signing", "pyhanko"]
    before = {name: logging.getLogger(name).level for name in names}
    for name in names:
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        yield
    finally:
        for name, level in before.items():
            logging.getLogger(name).setLevel(level)


@contextmanager
def progress_bar() -> Iterator[None]:
    """A bar for the files of the batch and one for the pages of each file in OCR (stderr, terminals only)."""
    from flows import progress

    with progress_bars() as bar:
        overall = bar.add_task("Tệp / files", total=None)
        pages: dict[str, Any] = {}

        def listener(event: progress.Event) -> None:
            if event.kind == "plan":
                bar.update(overall, total=event.total)
            elif event.kind == "start":
                pages[event.name] = bar.add_task(f"  {event.name}", total=None)
            elif event.kind == "pages" and event.name in pages:
                bar.update(pages[event.name], completed=event.done, total=event.total)
            elif event.kind == "done":
                bar.advance(overall)
                if event.name in pages:
                    bar.remove_task(pages.pop(event.name))

        progress.listen(listener)
        try:
            yield
        finally:
            progress.stop_listening(listener)


def print_summary(summary: dict[str, Any], out: Path) -> None:
    console = Console()
    files = summary["files"]
    shown = files if len(files) <= MAX_ROWS else [f for f in files if f["status"] not in ("done", "skipped")]
    if shown:
        table = Table(title="sohoa digitize")
        table.add_column("Tệp", no_wrap=True, overflow="ellipsis", max_width=36)
        for col in ("Trạng thái", "Trang", "Tài liệu", "Ký số", "Bản ghi"):
            table.add_column(col, no_wrap=True)
        table.add_column("Ghi chú", overflow="fold", min_width=16)
        for f in shown:
            note = f["reason"] or ("cần xem lại" if f["needs_review"] else "")
            table.add_row(f["name"], STATUS_LABELS.get(f["status"], f["status"]), str(f["pages"] or ""),
                          str(f["documents"] or ""), f["signature_level"] or "",
                          ", ".join(map(str, f["records"])), note)
        console.print(table)
    c = summary["counts"]
    console.print(
        f"{c['inputs']} tệp / inputs: {c['done']} xong / done, {c['skipped']} đã có / skipped, "
        f"{c['duplicate']} trùng / duplicate, {c['quarantined']} cách ly / quarantined, {c['failed']} lỗi / failed, "
        f"{c['ignored']} bỏ qua / ignored (not scans)"
    )
    if c.get("not_followed"):
        console.print(f"[yellow]{c['not_followed']} liên kết tượng trưng không theo / symbolic links not followed "
                      f"(summary.json, not_followed)[/yellow]")
    console.print(f"{summary['pages_processed']} trang / pages in {summary['seconds']:.1f} s "
                  f"({summary['pages_per_second']:.2f} pages/s)")
    console.print(f"Kết quả / outputs: {out}/  báo cáo / report: {out / 'summary.json'}")
    if c["quarantined"]:
        console.print(f"[yellow]Cách ly / quarantined: {out / 'quarantine'}/ (NAME.reason.txt)[/yellow]")
    if c["failed"]:
        console.print(f"[red]Lỗi / failed: chi tiết / details in {out / '.sohoa' / 'batch.log'}; "
                      "chạy lại để thử lại / run again to retry[/red]")


def has_scans(paths: list[str], out: Path) -> bool:
    """Whether the batch has inputs to look at (an S3 prefix counts as some: its objects are not listed twice)."""
    from flows.discover import discover
    from flows.s3inputs import is_s3

    return any(is_s3(p) for p in paths) or bool(discover(paths, out).inputs)


def start_page_workers(jobs: int) -> None:
    """The page workers (the pool the batch will use) start now, in the background: their fork server imports
    OpenCV and Tesseract's bindings while Prefect loads here."""
    from pipeline.process import BATCH_PAGE_WORKERS, shared_pool

    shared_pool(jobs or None, kind=BATCH_PAGE_WORKERS)


def stop_on_sigterm() -> None:
    """SIGTERM ends the command like Ctrl-C does, through Python's exit path, so that Prefect stops its
    temporary API server (an ``atexit`` hook) instead of leaving it running."""

    def handler(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)


def exit_status(summary: dict[str, Any]) -> int:
    counts = summary["counts"]
    if counts["failed"]:
        return 1
    return 3 if counts["quarantined"] else 0


def register(cli: typer.Typer) -> None:
    @cli.command()
    def digitize(
        paths: list[str] = typer.Argument(..., help="Scans (PDF, TIFF, PNG, JPEG, WebP), folders of scans, "
                                                    "s3://BUCKET/PREFIX (objects in the SOHOA_S3_ENDPOINT server)"),
        out: Path = typer.Option(Path("out"), "--out", help="Output folder (NAME.pdf, NAME.json, summary.json)"),
        schema: str = typer.Option(None, "--schema", help="Document schema id (default: classify each page)"),
        no_sign: bool = typer.Option(False, "--no-sign", help="Do not sign the archive copies"),
        no_store: bool = typer.Option(False, "--no-store", help="Do not store in the repository"),
        jobs: int = typer.Option(0, "--jobs", "-j", help="Files and pages in parallel (default: one per core)"),
        dask: str = typer.Option(None, "--dask", metavar="ADDRESS|local",
                                 help="Run the inputs on Dask workers: a scheduler's address (tcp://HOST:8786), "
                                      "or 'local' for a cluster of processes on this machine"),
    ) -> None:
        """The whole pipeline over files, folders and S3 prefixes: OCR, extract, PDF/A, sign, store; resumable."""
        check_arguments(paths, schema, jobs, dask)
        stop_on_sigterm()
        from flows.lock import output_folder_lock

        with output_folder_lock(out):  # a second run into the same folder: one line, exit 2
            # The page workers start first (their imports overlap the signer's here); with nothing to read there
            # is nothing to sign, and the signer (pyHanko, a second to load) is not loaded.
            scans = has_scans(paths, out)
            if scans and not dask:
                start_page_workers(jobs)
            notes = check_signer() if scans and not no_sign else []
            from flows.prefect_env import configure

            configure(quiet_console=True, local_server=True)
            from flows.batch import batch_digitize

            for note in notes:
                err_console.print(f"[yellow]•[/yellow] {note}")
            with quiet_libraries(), progress_bar():
                summary = batch_digitize(
                    paths=paths, out_dir=str(out), schema=schema, sign=not no_sign,
                    store=not no_store, jobs=jobs or None, dask=dask,
                )
        print_summary(summary, out)
        raise typer.Exit(exit_status(summary))
