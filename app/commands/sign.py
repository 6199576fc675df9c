"""``sohoa sign IN.pdf OUT.pdf`` (PAdES, visible stamp) and ``sohoa verify FILE.pdf`` (every signature).

Exit statuses (docs/contract.md): sign 0 signed, 2 bad input or unusable signer; verify 0 all valid,
1 some invalid (a test signature of the development signer included), 2 not a PDF / no signature, and the
addition 4 cannot validate (the verifier failed on the file; the report says why, ``--json`` still prints it).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import typer

from pipeline.errors import BadInput

# by ``Verdict`` value (pipeline.signing is imported only when a signing command runs)
VERIFY_EXIT = {"valid": 0, "invalid": 1, "test_signature": 1, "cannot_validate": 4}


def _quiet_libraries() -> None:
    """pyHanko logs path-building failures with tracebacks at WARNING; the report already says what
    matters, in Vietnamese, so the terminal shows sohoa's own lines only."""
    logging.basicConfig(level=logging.WARNING, format="sohoa: cảnh báo / warning: %(message)s")
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _parse_at(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as err:
        raise BadInput(value, "--at cần thời điểm ISO 8601 / --at needs an ISO 8601 date-time") from err
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def register(cli: typer.Typer) -> None:
    @cli.command()
    def sign(
        src: Path = typer.Argument(..., help="PDF to sign"),
        out: Path = typer.Argument(..., help="Where to write the signed PDF (may equal IN)"),
        level: str = typer.Option(
            None, "--level", help="B-B, B-T, B-LT or B-LTA (default: SOHOA_SIGN_LEVEL, else B-T with a TSA)"
        ),
        copy_form: str = typer.Option("SAO Y", "--copy-form", help='"SAO Y", "SAO LỤC" or "TRÍCH SAO"'),
        invisible: bool = typer.Option(False, "--invisible", help="No visible stamp (e.g. attachments)"),
    ) -> None:
        """Sign a PDF with the configured signer (PAdES, visible stamp top right of page 1)."""
        from pipeline.signing import sign_pdf
        from pipeline.signing.options import parse_level
        from pipeline.signing.stamp import normalize_copy_form

        try:
            chosen = parse_level(level) if level else None
            normalize_copy_form(copy_form)
        except ValueError as err:
            raise BadInput(src, str(err)) from err
        _quiet_libraries()
        result = sign_pdf(src, out, level=chosen, copy_form=copy_form, visible=not invisible)
        dev = " (khóa thử nghiệm / development signer)" if result.signer_is_development else ""
        typer.echo(f"{out}: đã ký PAdES {result.level.value}{dev}, {result.field_name}", err=True)

    @cli.command()
    def verify(
        path: Path = typer.Argument(..., help="Signed PDF"),
        as_json: bool = typer.Option(False, "--json", help="Print the full JSON report"),
        trust_root: list[Path] = typer.Option(
            None, "--trust-root", help="PEM trust anchor (repeatable), besides SOHOA_TRUST_ROOTS"
        ),
        at: str = typer.Option(None, "--at", help="Validation time, ISO 8601 (default: now)"),
    ) -> None:
        """Validate every signature: integrity, coverage, later changes (objects and what is seen), trust,
        timestamp, revocation."""
        from pipeline.signing import verify_pdf
        from pipeline.signing.verify import cannot_validate_report

        _quiet_libraries()
        moment = _parse_at(at)
        try:
            report = verify_pdf(path, trust_roots=list(trust_root or []), at=moment)
        except BadInput:
            raise
        except Exception as err:  # noqa: BLE001 - verify_pdf reports its own failures; this is the last net
            report = cannot_validate_report(path, err, moment)
        if as_json:
            typer.echo(report.model_dump_json(indent=2))
        else:
            typer.echo(report.summary)
        raise typer.Exit(VERIFY_EXIT[report.verdict.value])
