-- Monitor (issue 5): ingested posts, their contact identifiers as keyed hashes, the near-duplicate
-- index (MinHash signatures and LSH band keys per post), clusters and reviews. Post text, title and url and
-- raw identifier values hold contact details: they are sealed (XChaCha20-Poly1305, bound to their
-- row) by the store. Lists are JSON arrays.
CREATE TABLE monitor_posts (
  post_no      INTEGER PRIMARY KEY,   -- 1, 2, 3, ... in ingest order
  group_no     INTEGER NOT NULL,      -- cluster id (smallest member), or post_no when alone
  source       TEXT NOT NULL,
  post_id      TEXT NOT NULL,
  posted_at    TEXT NOT NULL,         -- RFC 3339 as received
  posted_at_s  INTEGER,               -- seconds since 1970 UTC
  language     TEXT NOT NULL,
  region       TEXT,
  location     TEXT,
  risk_milli   INTEGER NOT NULL,      -- risk total × 1000
  categories   TEXT NOT NULL,
  text_sealed  BLOB NOT NULL,
  title_sealed BLOB,
  url_sealed   BLOB,
  signature    BLOB NOT NULL,         -- uint32 values, little-endian; empty without words
  -- LSH band keys (uint32, little-endian): the store keeps them in memory, sorted, for look-ups
  -- (a table of band rows costs a random B-tree page write per band and post).
  bands        BLOB NOT NULL,
  UNIQUE (source, post_id)
);
CREATE INDEX monitor_posts_group ON monitor_posts(group_no, post_no);

-- One row per distinct identifier; the hash is keyed per deployment (never the raw value).
CREATE TABLE monitor_identifiers (
  hash         TEXT PRIMARY KEY,
  type         TEXT NOT NULL,
  masked       TEXT NOT NULL,
  value_sealed BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE monitor_post_identifiers (
  post_no INTEGER NOT NULL REFERENCES monitor_posts(post_no),
  hash    TEXT NOT NULL REFERENCES monitor_identifiers(hash),
  links   INTEGER NOT NULL,           -- 0: shown, never used for linking (a shared host)
  PRIMARY KEY (post_no, hash)
) WITHOUT ROWID;
CREATE INDEX monitor_post_identifiers_hash ON monitor_post_identifiers(hash, post_no);

-- Near-duplicate edges that joined two groups (both ends end up in one group).
CREATE TABLE monitor_edges (
  earlier    INTEGER NOT NULL REFERENCES monitor_posts(post_no),
  later      INTEGER NOT NULL REFERENCES monitor_posts(post_no),
  similarity_micro INTEGER NOT NULL,  -- estimated Jaccard × 1e6
  PRIMARY KEY (earlier, later)
) WITHOUT ROWID;

CREATE TABLE monitor_clusters (
  id         INTEGER PRIMARY KEY,     -- the smallest member post_no
  size       INTEGER NOT NULL,
  risk_milli INTEGER NOT NULL,        -- risk total × 1000
  reasons    TEXT NOT NULL,           -- [{code, subject, points, detail}]
  languages  TEXT NOT NULL,
  sources    TEXT NOT NULL,
  cities     TEXT NOT NULL,
  categories TEXT NOT NULL,
  first_seen INTEGER,
  last_seen  INTEGER,
  status     TEXT NOT NULL CHECK (status IN ('unreviewed', 'benign', 'suspicious', 'reported')),
  shared     TEXT NOT NULL            -- [{type, hash, masked, posts}]
);
CREATE INDEX monitor_clusters_rank ON monitor_clusters(risk_milli DESC, id);

-- Reviews stay under the cluster id they were made for; a merged cluster lists those of every
-- member post_no. Append-only through Vigil's connection.
CREATE TABLE monitor_reviews (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  cluster_id  INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('benign', 'suspicious', 'reported')),
  note_sealed BLOB NOT NULL,
  by_user     TEXT NOT NULL,
  at_ms       INTEGER NOT NULL
);
CREATE INDEX monitor_reviews_cluster ON monitor_reviews(cluster_id, seq);
CREATE TRIGGER monitor_reviews_no_update BEFORE UPDATE ON monitor_reviews
BEGIN SELECT RAISE(ABORT, 'monitor_reviews is append-only'); END;
CREATE TRIGGER monitor_reviews_no_delete BEFORE DELETE ON monitor_reviews
BEGIN SELECT RAISE(ABORT, 'monitor_reviews is append-only'); END;
