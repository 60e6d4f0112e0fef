"""API tokens for the web app's write endpoints: ``ew_<id>_<secret>``, only a SHA-256 of the
whole token is stored, so a leaked database does not leak working tokens."""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ..errors import InputError, StoreError
from ..store import Store
from ..store.schema import api_tokens

_PREFIX = "ew_"


@dataclass(slots=True)
class TokenInfo:
    id: str
    name: str
    created_at: _dt.datetime | None
    revoked_at: _dt.datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name,
                "created_at": self.created_at.isoformat() if self.created_at else None,
                "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None}


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> tuple[str, TokenInfo]:
    """A new token for reviewer ``name``; the secret is returned once and never stored."""
    name = " ".join(name.split())
    if not name:
        raise InputError("name", "a token needs the reviewer's name")
    tid = secrets.token_hex(4)
    token = f"{_PREFIX}{tid}_{secrets.token_urlsafe(24)}"
    now = _dt.datetime.now(_dt.UTC)
    with store.engine.begin() as conn:
        conn.execute(api_tokens.insert().values(id=tid, name=name, token_hash=_hash(token),
                                                created_at=now, revoked_at=None))
    return token, TokenInfo(tid, name, now, None)


def list_tokens(store: Store) -> list[TokenInfo]:
    with store.read() as conn:
        rows = conn.execute(sa.select(api_tokens).order_by(api_tokens.c.created_at)).all()
    return [TokenInfo(r.id, r.name, r.created_at, r.revoked_at) for r in rows]


def revoke_token(store: Store, token_id: str) -> None:
    with store.engine.begin() as conn:
        res = conn.execute(api_tokens.update()
                           .where(api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None))
                           .values(revoked_at=_dt.datetime.now(_dt.UTC)))
    if res.rowcount == 0:
        raise StoreError(f"{token_id}: no such active token")


def check_token(store: Store, token: str | None) -> str | None:
    """The reviewer name of a valid, unrevoked token; None otherwise."""
    if not token or not token.startswith(_PREFIX) or len(token) > 200:
        return None
    digest = _hash(token)
    with store.read() as conn:
        row = conn.execute(sa.select(api_tokens.c.name, api_tokens.c.token_hash,
                                     api_tokens.c.revoked_at)
                           .where(api_tokens.c.token_hash == digest)).first()
    if row is None or row.revoked_at is not None:
        return None
    return row.name if hmac.compare_digest(row.token_hash, digest) else None
