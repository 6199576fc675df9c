"""``sohoa serve``: the counter and review web app plus the HTTP API (uvicorn).

Accounts: ``sohoa serve --create-user NAME --role ROLE [--full-name TEXT] [--unit CODE]`` creates one (in
unit CODE, default ``SOHOA_UNIT_CODE``) and exits,
``sohoa serve --set-password NAME`` sets a new password (and ends the account's sessions); the password
comes from ``SOHOA_WEB_PASSWORD`` or is asked for twice on the terminal (never an argument).

Personal signing credentials (additions): ``sohoa serve --set-signer NAME --credential SPEC [--pin-env VAR |
--pin-file PATH]`` binds the account to its own key (SPEC as ``SOHOA_SIGNER``: ``pkcs12:PATH`` or
``pkcs11:MODULE;token=LABEL;key=LABEL``); the key is opened and its certificate checked first, and only where
the PIN comes from is kept. ``sohoa serve --remove-signer NAME`` unbinds it (the account then acts with the
server's HMAC only and its approvals are signed by the installation's signer).
"""

from __future__ import annotations

import os

import typer

from app.web.users import ROLES


def _password() -> str:
    if os.environ.get("SOHOA_WEB_PASSWORD"):
        return os.environ["SOHOA_WEB_PASSWORD"]
    return typer.prompt("Mật khẩu", hide_input=True, confirmation_prompt=True)


def register(cli: typer.Typer) -> None:
    @cli.command()
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Địa chỉ lắng nghe"),
        port: int = typer.Option(8000, "--port", help="Cổng"),
        create_user: str = typer.Option(None, "--create-user", help="Tạo tài khoản NAME rồi thoát"),
        set_password: str = typer.Option(None, "--set-password", help="Đặt lại mật khẩu của NAME rồi thoát"),
        role: str = typer.Option(None, "--role", help=f"Vai trò của tài khoản mới: {', '.join(ROLES)}"),
        full_name: str = typer.Option("", "--full-name", help="Họ và tên của tài khoản mới"),
        unit: str = typer.Option(None, "--unit",
                                 help="Mã đơn vị của tài khoản mới (QCVN 102:2016; mặc định SOHOA_UNIT_CODE)"),
        secure_cookies: bool = typer.Option(False, "--secure-cookies",
                                            help="Cookie chỉ gửi qua HTTPS (bật khi chạy sau proxy TLS)"),
        set_signer: str = typer.Option(None, "--set-signer",
                                       help="Gắn chứng thư số riêng (--credential) cho tài khoản NAME rồi thoát"),
        credential: str = typer.Option(None, "--credential",
                                       help="pkcs12:ĐƯỜNG_DẪN hoặc pkcs11:MÔ_ĐUN;token=NHÃN;key=NHÃN"),
        pin_env: str = typer.Option(None, "--pin-env", help="Biến môi trường chứa mật khẩu/PIN (không lưu PIN)"),
        pin_file: str = typer.Option(None, "--pin-file", help="Tệp chứa mật khẩu/PIN (không lưu PIN)"),
        remove_signer: str = typer.Option(None, "--remove-signer", help="Bỏ chứng thư số riêng của NAME rồi thoát"),
    ) -> None:
        """Ứng dụng web tiếp nhận, kiểm tra, tra cứu và API HTTP (the web app and the HTTP API)."""
        if create_user:
            _create_user(create_user, role, full_name, unit)
            return
        if set_signer:
            from app.commands.account_signer import set_signer as _set_signer

            _set_signer(set_signer, credential, pin_env, pin_file)
            return
        if remove_signer:
            from app.commands.account_signer import remove_signer as _remove_signer

            _remove_signer(remove_signer)
            return
        if set_password:
            _set_password(set_password)
            return
        import uvicorn

        from app.web.app import create_app

        app = create_app(secure_cookies=secure_cookies)
        if not app.state.ctx.users.all():
            typer.echo("sohoa: chưa có tài khoản nào; tạo bằng: sohoa serve --create-user TEN --role giam_sat",
                       err=True)
        uvicorn.run(app, host=host, port=port, proxy_headers=True, log_level="info")


def _user_store():
    from app.web.users import UserStore
    from pipeline.config import settings
    from pipeline.store.database import open_catalog

    return UserStore(open_catalog(settings().catalog_url), settings().unit_code)


def _set_password(name: str) -> None:
    from app.web.users import UserError

    store = _user_store()
    try:
        store.set_password(name, _password())
    except UserError as err:
        typer.echo(f"sohoa: {err}", err=True)
        raise typer.Exit(2) from err
    finally:
        store.engine.dispose()
    typer.echo(f"Đã đặt lại mật khẩu của {name}; các phiên đăng nhập cũ đã kết thúc.")


def _create_user(name: str, role: str | None, full_name: str, unit: str | None) -> None:
    from app.web.users import UserError

    if role not in ROLES:
        typer.echo(f"sohoa: cần --role, một trong: {', '.join(ROLES)}", err=True)
        raise typer.Exit(2)
    store = _user_store()
    try:
        user = store.create(name, role, _password(), full_name, unit)
    except UserError as err:
        typer.echo(f"sohoa: {err}", err=True)
        raise typer.Exit(2) from err
    finally:
        store.engine.dispose()
    typer.echo(f"Đã tạo tài khoản {user.username} ({user.role_label}), đơn vị {user.unit_code}.")
