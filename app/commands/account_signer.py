"""``sohoa serve --set-signer NAME`` / ``--remove-signer NAME``: an account's own signing credential
(``app/web/credentials.py``). The key is opened with its PIN and the certificate checked before it is kept;
the PIN itself is never stored nor taken as an argument (``--pin-env VAR`` or ``--pin-file PATH``)."""

from __future__ import annotations

import typer

from app.commands.serve import _user_store


def set_signer(name: str, credential: str | None, pin_env: str | None, pin_file: str | None) -> None:
    from app.web.credentials import CredentialStore
    from pipeline.errors import BadInput
    from pipeline.signing.credential import pin_file_too_open

    if not credential:
        typer.echo("sohoa: cần --credential pkcs12:ĐƯỜNG_DẪN hoặc pkcs11:MÔ_ĐUN;token=NHÃN;key=NHÃN", err=True)
        raise typer.Exit(2)
    if pin_env and pin_file:
        typer.echo("sohoa: chỉ một trong --pin-env, --pin-file", err=True)
        raise typer.Exit(2)
    source = f"env:{pin_env}" if pin_env else f"file:{pin_file}" if pin_file else None
    store = _user_store()
    try:
        if store.by_name(name) is None:
            typer.echo(f"sohoa: không có tài khoản {name!r}", err=True)
            raise typer.Exit(2)
        if pin_file_too_open(source):
            typer.echo(f"sohoa: cảnh báo: tệp PIN {pin_file} người khác đọc được (nên chmod 600)", err=True)
        try:
            kept = CredentialStore(store.engine).set(name, credential, source, actor="cli")
        except BadInput as err:
            typer.echo(f"sohoa: {err}", err=True)
            raise typer.Exit(2) from err
    finally:
        store.engine.dispose()
    typer.echo(f"Đã gắn chứng thư số cho tài khoản {kept.username}: {kept.cert_subject} "
               f"(SHA-256 {kept.cert_sha256[:16]}…). Mỗi bước tài khoản thực hiện sẽ được ký bằng khóa này.")


def remove_signer(name: str) -> None:
    from app.web.credentials import CredentialStore

    store = _user_store()
    try:
        removed = CredentialStore(store.engine).remove(name, actor="cli")
    finally:
        store.engine.dispose()
    if not removed:
        typer.echo(f"sohoa: tài khoản {name!r} không có chứng thư số riêng", err=True)
        raise typer.Exit(2)
    typer.echo(f"Đã bỏ chứng thư số riêng của {name}: các bước sau chỉ có xác nhận HMAC của máy chủ.")
