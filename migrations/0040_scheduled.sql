-- Articles stored but held back (a future `date`, or an `embargo`): not in `articles`, so no
-- listing, feed, search or sitemap shows them. The Cron Trigger publishes each one when `live_ms`
-- (ms since epoch) has passed. One row per article and language.
CREATE TABLE scheduled (
  lang TEXT NOT NULL,
  slug TEXT NOT NULL,
  live_ms INTEGER NOT NULL,
  store TEXT NOT NULL,
  -- The version held back, so the reconciler does not rebuild it every run.
  source_sha256 TEXT NOT NULL,
  PRIMARY KEY (lang, slug)
) STRICT;
CREATE INDEX scheduled_by_time ON scheduled (live_ms);
