"""Web accounts: a small ``web_users`` table in the repository's catalog database (its own SQLAlchemy
metadata, created on first use; the repository's Alembic migrations do not manage it).

Roles (``ROLES``): ``tiep_nhan`` counter officer, ``kiem_tra`` verifier (the batch review queue), ``giam_sat``
supervisor, ``tham_dinh`` appraiser of dossiers and ``lanh_dao`` the leader who approves and signs (the five
steps of a dossier: ``app/counter/lifecycle.py``).
"""

from __future__ import annotations

import secrets
import unicodedata
from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from app.web.security import hash_password, verify_password
from pipeline.store.dossier import UNIT_CODE

ROLES = {"tiep_nhan": "Cán bộ tiếp nhận", "kiem_tra": "Cán bộ kiểm tra", "giam_sat": "Giám sát",
         "tham_dinh": "Cán bộ thẩm định", "lanh_dao": "Lãnh đạo"}
MIN_PASSWORD = 10

metadata = MetaData()
users_table = Table(
    "web_users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), unique=True, nullable=False),
    Column("full_name", String(200), nullable=False, default=""),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("session_version", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("unit_code", String(64)),  # the account's unit (NULL: the configured SOHOA_UNIT_CODE); migration 0003
)


class UserError(ValueError):
    """A user that cannot be created as asked; the message is Vietnamese, one line."""


class User(BaseModel):
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    session_version: int
    unit_code: str  # the unit the account belongs to: what it may see (need-to-know)

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    @property
    def actor(self) -> str:
        """How the audit log names this user."""
        return f"web:{self.username}"


def normalize_username(name: str) -> str:
    """How a user name is stored, looked up and counted: NFC, case-folded (``HƯƠNG``, ``hương`` typed
    with combining marks and ``hương`` are one name)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name.strip()).casefold())


_DUMMY_HASH: list[str] = []


def _dummy_hash() -> str:
    """A hash of a random password, made once: an unknown name costs the same one scrypt as a known one."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password(secrets.token_urlsafe(16)))
    return _DUMMY_HASH[0]


class UserStore:
    def __init__(self, engine: Engine, default_unit: str = "000.00.00.H49"):
        self.engine = engine
        self.default_unit = default_unit  # for accounts made before units were kept
        metadata.create_all(engine, checkfirst=True)

    def create(self, username: str, role: str, password: str, full_name: str = "",
               unit_code: str | None = None) -> User:
        username = normalize_username(username)
        unit_code = (unit_code or "").strip() or self.default_unit
        if not UNIT_CODE.match(unit_code):
            raise UserError(f"mã đơn vị không đúng dạng QCVN 102:2016 (VD 000.00.00.H49): {unit_code!r}")
        if role not in ROLES:
            raise UserError(f"vai trò không hợp lệ: {role!r} (một trong: {', '.join(ROLES)})")
        if not username or not username.replace("_", "").replace(".", "").isalnum():
            raise UserError("tên đăng nhập chỉ gồm chữ, số, dấu chấm và gạch dưới")
        if len(password) < MIN_PASSWORD:
            raise UserError(f"mật khẩu cần ít nhất {MIN_PASSWORD} ký tự")
        row = {"username": username, "full_name": unicodedata.normalize("NFC", full_name.strip()), "role": role,
               "password_hash": hash_password(password), "active": True, "session_version": 1,
               "created_at": datetime.now(UTC), "unit_code": unit_code}
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(users_table).values(**row))
        except IntegrityError as err:
            raise UserError(f"tên đăng nhập {username!r} đã có") from err
        user = self.by_name(username)
        assert user is not None
        return user

    def set_password(self, username: str, password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise UserError(f"mật khẩu cần ít nhất {MIN_PASSWORD} ký tự")
        with self.engine.begin() as conn:
            done = conn.execute(
                update(users_table).where(users_table.c.username == normalize_username(username))
                .values(password_hash=hash_password(password),
                        session_version=users_table.c.session_version + 1)
            )
        if done.rowcount != 1:
            raise UserError(f"không có tài khoản {username!r}")

    def end_sessions(self, user_id: int) -> None:
        """Every session of the user ends (logout, lock): the cookies carry the old session_version."""
        with self.engine.begin() as conn:
            conn.execute(update(users_table).where(users_table.c.id == user_id)
                         .values(session_version=users_table.c.session_version + 1))

    def set_active(self, username: str, active: bool) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(
                update(users_table).where(users_table.c.username == normalize_username(username))
                .values(active=active, session_version=users_table.c.session_version + 1)
            )
        if done.rowcount != 1:
            raise UserError(f"không có tài khoản {username!r}")

    def by_name(self, username: str) -> User | None:
        return self._one(users_table.c.username == normalize_username(username))

    def by_id(self, user_id: int) -> User | None:
        return self._one(users_table.c.id == user_id)

    def all(self) -> list[User]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(users_table).order_by(users_table.c.username)).mappings().all()
        return [self._user(row) for row in rows]

    def authenticate(self, username: str, password: str) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users_table).where(users_table.c.username == normalize_username(username))
            ).mappings().first()
        # one scrypt whatever the name: unknown, locked or real (the time must not tell them apart)
        matches = verify_password(password, row["password_hash"] if row is not None else _dummy_hash())
        if row is None or not row["active"] or not matches:
            return None
        return self._user(row)

    def _one(self, condition) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(users_table).where(condition)).mappings().first()
        return self._user(row) if row else None

    def _user(self, row) -> User:
        return User(**{**row, "unit_code": row["unit_code"] or self.default_unit})
