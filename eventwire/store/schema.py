"""The store's tables (SQLAlchemy Core). Alembic migrations create them; keep both in step
(tests/store/test_migrations.py checks that the migrated database matches this metadata).

Ids are strings derived from content (see ``records.stable_id``), never database sequences, so
a run that was killed and restarted ends with exactly the ids of a clean run, on SQLite and on
PostgreSQL alike.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),  # Article.article_id
    sa.Column("url", sa.Text, nullable=True),
    sa.Column("outlet", sa.Text, nullable=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("published", sa.Date, nullable=True),
    sa.Column("hash", sa.String(40), nullable=False),  # sha1 of text
    sa.Column("raw_hash", sa.String(40), nullable=True),
    sa.Column("language", sa.String(16), nullable=True),
    sa.Column("source_name", sa.Text, nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_articles_url", "url"),
    sa.Index("ix_articles_hash", "hash"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),  # stable_id(name, inter, country)
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("inter", sa.Integer, nullable=True),
    sa.Column("country", sa.String(3), nullable=True),
    sa.Index("ix_actors_name", "name"),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country", sa.Text, nullable=True),
    sa.Column("iso3", sa.String(3), nullable=True),
    sa.Column("admin1", sa.Text, nullable=True),
    sa.Column("admin2", sa.Text, nullable=True),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("geo_precision", sa.Integer, nullable=False),
    sa.Column("geonames_id", sa.BigInteger, nullable=True),
    sa.Column("feature_code", sa.String(10), nullable=True),
)

canonical_events = sa.Table(
    "canonical_events",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    # 'active', or 'merged' (a reviewer merged it into merged_into; kept so old ids resolve)
    sa.Column("status", sa.String(10), nullable=False, server_default="active"),
    sa.Column("merged_into", sa.String(40), nullable=True),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("disorder_type", sa.Text, nullable=True),
    sa.Column("actor1_id", sa.String(40), sa.ForeignKey("actors.id"), nullable=True),
    sa.Column("actor2_id", sa.String(40), sa.ForeignKey("actors.id"), nullable=True),
    sa.Column("place_id", sa.String(40), sa.ForeignKey("places.id"), nullable=True),
    # denormalised from the most precise place, for filtering and for dedup candidates
    sa.Column("iso3", sa.String(3), nullable=True),
    sa.Column("admin1", sa.Text, nullable=True),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("geo_precision", sa.Integer, nullable=False, server_default="3"),
    sa.Column("date", sa.Date, nullable=True),
    sa.Column("date_first", sa.Date, nullable=True),
    sa.Column("date_last", sa.Date, nullable=True),
    sa.Column("time_precision", sa.Integer, nullable=False, server_default="3"),
    # [date_first - tolerance, date_last + tolerance]: the dates a new mention may have to
    # be a candidate (tolerance from the date precision), so candidates come from an index
    sa.Column("window_start", sa.Date, nullable=True),
    sa.Column("window_end", sa.Date, nullable=True),
    sa.Column("fatalities_best", sa.Integer, nullable=False, server_default="0"),
    sa.Column("fatalities_low", sa.Integer, nullable=False, server_default="0"),
    sa.Column("fatalities_high", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_mentions", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_sources", sa.Integer, nullable=False, server_default="0"),  # articles
    sa.Column("n_outlets", sa.Integer, nullable=False, server_default="0"),
    sa.Column("first_seen", sa.Date, nullable=True),  # earliest report (published date)
    sa.Column("last_seen", sa.Date, nullable=True),
    # everything dedup compares, as one JSON object (see Store._signature_of_row)
    sa.Column("signature", sa.JSON, nullable=False),
    sa.Column("reviewed", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index("ix_canonical_candidates", "event_type", "iso3", "window_end"),
    sa.Index("ix_canonical_country_date", "iso3", "date"),
    # the web map's filters: every query has status and usually a date range or a type;
    # covering, so an unfiltered map or a count by day reads the index alone
    sa.Index("ix_canonical_map", "status", "date", "event_type", "lat", "lon",
             "fatalities_best", "iso3", "id"),
    sa.Index("ix_canonical_type_date", "event_type", "date"),
    # the same, led by the type: a view of one type reads only that type's date range
    sa.Index("ix_canonical_type_map", "status", "event_type", "date", "lat", "lon",
             "fatalities_best", "iso3", "id"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),  # stable_id(article_id, event_id)
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("event_id", sa.String(64), nullable=False),
    sa.Column("canonical_id", sa.String(40), sa.ForeignKey("canonical_events.id"),
              nullable=True),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("disorder_type", sa.Text, nullable=True),
    sa.Column("actor1_id", sa.String(40), sa.ForeignKey("actors.id"), nullable=True),
    sa.Column("actor2_id", sa.String(40), sa.ForeignKey("actors.id"), nullable=True),
    sa.Column("place_id", sa.String(40), sa.ForeignKey("places.id"), nullable=True),
    sa.Column("date", sa.Date, nullable=True),
    sa.Column("time_precision", sa.Integer, nullable=False),
    sa.Column("fatalities_best", sa.Integer, nullable=False),
    sa.Column("fatalities_low", sa.Integer, nullable=False),
    sa.Column("fatalities_high", sa.Integer, nullable=False),
    sa.Column("modality", sa.String(16), nullable=False),
    sa.Column("attribution", sa.Text, nullable=True),
    sa.Column("evidence_text", sa.Text, nullable=True),
    sa.Column("evidence_start", sa.Integer, nullable=True),
    sa.Column("evidence_end", sa.Integer, nullable=True),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("record", sa.JSON, nullable=False),  # Event.to_dict(), lossless
    # how it joined its canonical event: 'new', 'auto-merge' or 'reviewer'
    sa.Column("joined_by", sa.String(16), nullable=True),
    sa.Column("join_score", sa.Float, nullable=True),
    sa.Column("join_reasons", sa.JSON, nullable=True),
    sa.Column("pinned", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.UniqueConstraint("article_id", "event_id", name="uq_mentions_article_event"),
    sa.Index("ix_mentions_canonical", "canonical_id"),
)

# Reviewer actions (split, merge) with who and when: the audit trail that makes every
# merge reversible.
decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # 'split' | 'merge' (a reviewer) | 'auto-merge' | 'auto-move' (dedup reconciling reports
    # that arrived out of order, who='eventwire')
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("canonical_id", sa.String(40), nullable=True),
    sa.Column("other_id", sa.String(40), nullable=True),
    sa.Column("mention_id", sa.String(40), nullable=True),
    sa.Column("reason", sa.Text, nullable=True),
    sa.Column("who", sa.Text, nullable=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

# Field corrections a reviewer makes (for the web app): keyed by a stable target id so they
# survive re-extraction of the article.
corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("target_kind", sa.String(16), nullable=False),  # 'canonical' | 'mention'
    sa.Column("target_id", sa.String(40), nullable=False),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("old_value", sa.JSON, nullable=True),
    sa.Column("new_value", sa.JSON, nullable=True),
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("who", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Index("ix_corrections_target", "target_kind", "target_id"),
)

# API tokens for the web app's write endpoints (`eventwire token create`): only a SHA-256 of
# the secret is stored; ``name`` is the reviewer recorded as "who" on their corrections.
api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    sa.Index("ix_api_tokens_hash", "token_hash", unique=True),
)

# Feed polling state for `eventwire watch` (backoff survives restarts).
feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("last_ok", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_poll", sa.DateTime(timezone=True), nullable=True),
    sa.Column("etag", sa.Text, nullable=True),
    sa.Column("last_modified", sa.Text, nullable=True),
)
