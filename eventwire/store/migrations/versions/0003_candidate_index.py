"""Dedup candidates by (event_type, iso3, window_end): a tight index range at 100k+ events.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_canonical_candidates", table_name="canonical_events")
    op.create_index("ix_canonical_candidates", "canonical_events",
                    ["event_type", "iso3", "window_end"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_canonical_candidates", table_name="canonical_events")
    op.create_index("ix_canonical_candidates", "canonical_events",
                    ["event_type", "date_first"], unique=False)
