-- Cache tags whose Workers Cache purge was refused (rate limit, network): the Cron Trigger purges
-- them again, so a page is never left stale for the whole edge lifetime by one refused call.
CREATE TABLE pending_purges (
  tag TEXT PRIMARY KEY,
  since INTEGER NOT NULL -- ms since epoch of the first refusal
) STRICT;
