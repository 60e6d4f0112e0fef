"""Web app: API tokens for reviewers, and indexes for the map's filtered queries.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_api_tokens_hash", "api_tokens", ["token_hash"], unique=True)
    # covering: an unfiltered map or a count by day reads the index alone, not the wide rows
    op.create_index("ix_canonical_map", "canonical_events",
                    ["status", "date", "event_type", "lat", "lon", "fatalities_best", "iso3",
                     "id"], unique=False)
    op.create_index("ix_canonical_type_date", "canonical_events", ["event_type", "date"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_canonical_type_date", table_name="canonical_events")
    op.drop_index("ix_canonical_map", table_name="canonical_events")
    op.drop_index("ix_api_tokens_hash", table_name="api_tokens")
    op.drop_table("api_tokens")
