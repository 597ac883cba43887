-- Screening assessments a user chose to keep. The request (person, answers) and any notes are
-- sealed with XChaCha20-Poly1305 under the deployment's field key; only what counting needs is
-- in the clear.
CREATE TABLE identify_assessments (
  id             TEXT PRIMARY KEY,
  created_ms     INTEGER NOT NULL,
  actor          TEXT NOT NULL,
  ruleset_id     TEXT NOT NULL,
  ruleset_sha256 TEXT NOT NULL,
  level          TEXT NOT NULL,
  sealed         BLOB NOT NULL
);
CREATE INDEX identify_assessments_created ON identify_assessments(created_ms);
