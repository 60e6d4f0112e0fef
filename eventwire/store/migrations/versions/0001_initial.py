"""Initial schema: articles, mentions, canonical events, actors, places, decisions,
corrections, feeds.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("inter", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_actors_name", "actors", ["name"], unique=False)
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("hash", sa.String(length=40), nullable=False),
        sa.Column("raw_hash", sa.String(length=40), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("n_events", sa.Integer(), server_default="0", nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_articles_hash", "articles", ["hash"], unique=False)
    op.create_index("ix_articles_url", "articles", ["url"], unique=False)
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("target_kind", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.String(length=40), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("old_value", sa.JSON(), nullable=True),
        sa.Column("new_value", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("who", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_corrections_target", "corrections", ["target_kind", "target_id"], unique=False
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("canonical_id", sa.String(length=40), nullable=True),
        sa.Column("other_id", sa.String(length=40), nullable=True),
        sa.Column("mention_id", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("who", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "feeds",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("last_ok", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_poll", sa.DateTime(timezone=True), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("url"),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("iso3", sa.String(length=3), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("admin2", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=False),
        sa.Column("geonames_id", sa.BigInteger(), nullable=True),
        sa.Column("feature_code", sa.String(length=10), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "canonical_events",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=10), server_default="active", nullable=False),
        sa.Column("merged_into", sa.String(length=40), nullable=True),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("sub_event_type", sa.Text(), nullable=False),
        sa.Column("disorder_type", sa.Text(), nullable=True),
        sa.Column("actor1_id", sa.String(length=40), nullable=True),
        sa.Column("actor2_id", sa.String(length=40), nullable=True),
        sa.Column("place_id", sa.String(length=40), nullable=True),
        sa.Column("iso3", sa.String(length=3), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), server_default="3", nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_first", sa.Date(), nullable=True),
        sa.Column("date_last", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.Integer(), server_default="3", nullable=False),
        sa.Column("window_start", sa.Date(), nullable=True),
        sa.Column("window_end", sa.Date(), nullable=True),
        sa.Column("fatalities_best", sa.Integer(), server_default="0", nullable=False),
        sa.Column("fatalities_low", sa.Integer(), server_default="0", nullable=False),
        sa.Column("fatalities_high", sa.Integer(), server_default="0", nullable=False),
        sa.Column("n_mentions", sa.Integer(), server_default="0", nullable=False),
        sa.Column("n_sources", sa.Integer(), server_default="0", nullable=False),
        sa.Column("n_outlets", sa.Integer(), server_default="0", nullable=False),
        sa.Column("first_seen", sa.Date(), nullable=True),
        sa.Column("last_seen", sa.Date(), nullable=True),
        sa.Column("signature", sa.JSON(), nullable=False),
        sa.Column("reviewed", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor1_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["actor2_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_canonical_candidates", "canonical_events", ["event_type", "date_first"], unique=False
    )
    op.create_index("ix_canonical_country_date", "canonical_events", ["iso3", "date"], unique=False)
    op.create_table(
        "mentions",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("article_id", sa.String(length=40), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("canonical_id", sa.String(length=40), nullable=True),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("sub_event_type", sa.Text(), nullable=False),
        sa.Column("disorder_type", sa.Text(), nullable=True),
        sa.Column("actor1_id", sa.String(length=40), nullable=True),
        sa.Column("actor2_id", sa.String(length=40), nullable=True),
        sa.Column("place_id", sa.String(length=40), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=False),
        sa.Column("fatalities_best", sa.Integer(), nullable=False),
        sa.Column("fatalities_low", sa.Integer(), nullable=False),
        sa.Column("fatalities_high", sa.Integer(), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("attribution", sa.Text(), nullable=True),
        sa.Column("evidence_text", sa.Text(), nullable=True),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("joined_by", sa.String(length=16), nullable=True),
        sa.Column("join_score", sa.Float(), nullable=True),
        sa.Column("join_reasons", sa.JSON(), nullable=True),
        sa.Column("pinned", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor1_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["actor2_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["canonical_id"],
            ["canonical_events.id"],
        ),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("article_id", "event_id", name="uq_mentions_article_event"),
    )
    op.create_index("ix_mentions_canonical", "mentions", ["canonical_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_mentions_canonical", table_name="mentions")
    op.drop_table("mentions")
    op.drop_index("ix_canonical_country_date", table_name="canonical_events")
    op.drop_index("ix_canonical_candidates", table_name="canonical_events")
    op.drop_table("canonical_events")
    op.drop_table("places")
    op.drop_table("feeds")
    op.drop_table("decisions")
    op.drop_index("ix_corrections_target", table_name="corrections")
    op.drop_table("corrections")
    op.drop_index("ix_articles_url", table_name="articles")
    op.drop_index("ix_articles_hash", table_name="articles")
    op.drop_table("articles")
    op.drop_index("ix_actors_name", table_name="actors")
    op.drop_table("actors")
