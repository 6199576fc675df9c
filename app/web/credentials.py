"""Each account's own signing credential, kept as data in the catalog (``account_signers``, migration 0010):
the key's place (``pkcs12:PATH`` or ``pkcs11:MODULE;token=LABEL;key=LABEL``) and the PIN's source (``env:NAME``
or ``file:PATH``), never the PIN. Set by ``sohoa serve --set-signer NAME`` after the key was opened and its
certificate checked; every change is audited. An account without one acts with the server's HMAC only and its
approvals are signed by the installation's signer (``SOHOA_SIGNER``)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Engine, MetaData, String, Table, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from app.web.users import normalize_username
from pipeline.signing.credential import AccountCredential, check_pin_source, check_spec, load_credential
from pipeline.signing.detached import cert_sha256
from pipeline.signing.options import configured_trust_roots
from pipeline.store.audit import event_insert

metadata = MetaData()
signers_table = Table(
    "account_signers",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("spec", String(1024), nullable=False),
    Column("pin_source", String(1024)),
    Column("cert_subject", String(1024), nullable=False),
    Column("cert_sha256", String(64), nullable=False),
    Column("set_by", String(128), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
)


class CredentialStore:
    """``account_signers`` of the catalog (created by the catalog's migrations, not here)."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def get(self, username: str) -> AccountCredential | None:
        name = normalize_username(username)
        with self.engine.connect() as conn:
            row = conn.execute(select(signers_table).where(signers_table.c.username == name)).mappings().first()
        if row is None:
            return None
        return AccountCredential(username=row["username"], spec=row["spec"], pin_source=row["pin_source"],
                                 cert_subject=row["cert_subject"], cert_sha256=row["cert_sha256"])

    def set(self, username: str, spec: str, pin_source: str | None, actor: str = "cli") -> AccountCredential:
        """Opens the key with its PIN and checks the certificate (validity, key usage, chain to
        ``SOHOA_TRUST_ROOTS``, revocation) before keeping it; ``SignerUnusable`` otherwise."""
        from pipeline.signing.certcheck import check_signer

        credential = AccountCredential(username=normalize_username(username), spec=check_spec(spec),
                                       pin_source=check_pin_source(pin_source))
        loaded = load_credential(credential)
        try:
            check_signer(loaded, configured_trust_roots())
            subject, digest = loaded.cert.subject.human_friendly, cert_sha256(loaded.cert)
        finally:
            loaded.close()
        row = {"username": credential.username, "spec": credential.spec, "pin_source": credential.pin_source,
               "cert_subject": subject, "cert_sha256": digest, "set_by": actor, "set_at": datetime.now(UTC)}
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        upsert = dialect.insert(signers_table).values(**row)
        upsert = upsert.on_conflict_do_update(index_elements=[signers_table.c.username],
                                              set_={k: v for k, v in row.items() if k != "username"})
        with self.engine.begin() as conn:
            conn.execute(upsert)
            conn.execute(event_insert(actor, "account_signer_set", detail={
                "username": credential.username, "kind": credential.kind, "cert_subject": subject,
                "cert_sha256": digest}))
        return AccountCredential(credential.username, credential.spec, credential.pin_source, subject, digest)

    def remove(self, username: str, actor: str = "cli") -> bool:
        name = normalize_username(username)
        with self.engine.begin() as conn:
            done = conn.execute(delete(signers_table).where(signers_table.c.username == name))
            if done.rowcount:
                conn.execute(event_insert(actor, "account_signer_removed", detail={"username": name}))
        return bool(done.rowcount)
