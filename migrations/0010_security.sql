-- Sources the reconciler could not index (broken YAML, a damaged value, a key no URL can reach):
-- recorded with why and when, retried with a growing wait instead of on every run, and never
-- allowed to stop a run or spend the rebuild budget of sources that work.
CREATE TABLE reconcile_failures (
  store TEXT NOT NULL,
  lang TEXT NOT NULL,
  slug TEXT NOT NULL,
  reason TEXT NOT NULL,
  failed_at TEXT NOT NULL, -- ISO 8601, the last failure
  attempts INTEGER NOT NULL,
  retry_at INTEGER NOT NULL, -- ms since epoch: not tried again before this
  PRIMARY KEY (store, lang, slug)
) STRICT;

-- Clients refused the admin endpoints until `until` (ms since epoch), right token or not: set when
-- the failed-login limiter (ADMIN_FAILURES) trips, so a guesser that hits the token is still refused
-- for the rest of its window.
CREATE TABLE admin_blocks (
  client TEXT PRIMARY KEY,
  until INTEGER NOT NULL
) STRICT;
