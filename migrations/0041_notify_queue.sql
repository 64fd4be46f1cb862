-- Search engines and feed hubs to tell about changed pages (IndexNow, WebSub): a publish adds rows
-- with an empty endpoint; the Cron Trigger fans each out to the configured endpoints and sends
-- them in batches, retrying refusals with backoff (src/notify/). Never in a reader's request.
CREATE TABLE notify_queue (
  -- 'indexnow' (page URLs) or 'websub' (feed URLs).
  channel TEXT NOT NULL,
  -- The endpoint or hub URL; '' until the cron fans the row out.
  endpoint TEXT NOT NULL,
  -- The site path, e.g. /ko/some-article; made absolute with BASE_URL when sent.
  path TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  -- ms since epoch before which the row is not sent (backoff after a refusal).
  next_ms INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  PRIMARY KEY (channel, endpoint, path)
) STRICT;
CREATE INDEX notify_queue_due ON notify_queue (next_ms);
