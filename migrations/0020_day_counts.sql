-- Listings without global ranks (issue 22). A global `rank` made every back-dated publish or delete
-- re-number every newer row (8.6 s of SQL at a million articles). Instead each listing keeps how
-- many articles it has in all, per block of 32 days and per day, and an insert or a delete changes
-- one count of each, whatever its date. Page p of a listing skips the 12(p - 1) newest: walking the
-- block counts from the newest (one seek each; page 1 stops at the first) finds the block, walking
-- its day counts (at most 32) the day, and the page is one range read on the date index from that
-- day's end, skipping at most that day's articles. Neighbours are the next row either side on the
-- same index.
--
-- Days are counted from 0000-01-01 UTC (62,167,219,200,000 ms before 1970), so they are never
-- negative and integer division is a floor. `kind` and `key` are '' for a language's own listing.

DROP INDEX articles_by_rank;
DROP INDEX labels_by_rank;
ALTER TABLE articles DROP COLUMN rank;
ALTER TABLE labels DROP COLUMN rank;

-- Newest first is (sort_ms DESC, slug ASC): read backwards, these indexes are in exactly that order.
DROP INDEX articles_by_date;
CREATE INDEX articles_by_date ON articles (lang, sort_ms, slug DESC);
DROP INDEX labels_by_date;
CREATE INDEX labels_by_date ON labels (lang, kind, key, sort_ms, slug DESC, article_id);

CREATE TABLE listing_days (
  lang TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  day INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (lang, kind, key, day)
) WITHOUT ROWID;

CREATE TABLE listing_blocks (
  lang TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  block INTEGER NOT NULL, -- day / 32
  n INTEGER NOT NULL,
  PRIMARY KEY (lang, kind, key, block)
) WITHOUT ROWID;

CREATE TABLE listing_totals (
  lang TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (lang, kind, key)
) WITHOUT ROWID;

INSERT INTO listing_days (lang, kind, key, day, n)
SELECT lang, '', '', (sort_ms + 62167219200000) / 86400000 AS day, COUNT(*) FROM articles GROUP BY lang, day;
INSERT INTO listing_days (lang, kind, key, day, n)
SELECT lang, kind, key, (sort_ms + 62167219200000) / 86400000 AS day, COUNT(*) FROM labels GROUP BY lang, kind, key, day;
INSERT INTO listing_blocks (lang, kind, key, block, n)
SELECT lang, kind, key, day / 32 AS block, SUM(n) FROM listing_days GROUP BY lang, kind, key, block;
INSERT INTO listing_totals (lang, kind, key, n)
SELECT lang, kind, key, SUM(n) FROM listing_blocks GROUP BY lang, kind, key;

-- The counts follow the rows, whoever writes them. A row is inserted or deleted, never moved to
-- another date or label (the index writer deletes and inserts). Each trigger body is on one line.
CREATE TRIGGER articles_counted AFTER INSERT ON articles BEGIN
  INSERT INTO listing_days VALUES (NEW.lang, '', '', (NEW.sort_ms + 62167219200000) / 86400000, 1) ON CONFLICT DO UPDATE SET n = n + 1; INSERT INTO listing_blocks VALUES (NEW.lang, '', '', (NEW.sort_ms + 62167219200000) / 2764800000, 1) ON CONFLICT DO UPDATE SET n = n + 1; INSERT INTO listing_totals VALUES (NEW.lang, '', '', 1) ON CONFLICT DO UPDATE SET n = n + 1; END;

CREATE TRIGGER articles_uncounted AFTER DELETE ON articles BEGIN
  UPDATE listing_days SET n = n - 1 WHERE lang = OLD.lang AND kind = '' AND key = '' AND day = (OLD.sort_ms + 62167219200000) / 86400000; UPDATE listing_blocks SET n = n - 1 WHERE lang = OLD.lang AND kind = '' AND key = '' AND block = (OLD.sort_ms + 62167219200000) / 2764800000; UPDATE listing_totals SET n = n - 1 WHERE lang = OLD.lang AND kind = '' AND key = ''; END;

CREATE TRIGGER labels_counted AFTER INSERT ON labels BEGIN
  INSERT INTO listing_days VALUES (NEW.lang, NEW.kind, NEW.key, (NEW.sort_ms + 62167219200000) / 86400000, 1) ON CONFLICT DO UPDATE SET n = n + 1; INSERT INTO listing_blocks VALUES (NEW.lang, NEW.kind, NEW.key, (NEW.sort_ms + 62167219200000) / 2764800000, 1) ON CONFLICT DO UPDATE SET n = n + 1; INSERT INTO listing_totals VALUES (NEW.lang, NEW.kind, NEW.key, 1) ON CONFLICT DO UPDATE SET n = n + 1; END;

CREATE TRIGGER labels_uncounted AFTER DELETE ON labels BEGIN
  UPDATE listing_days SET n = n - 1 WHERE lang = OLD.lang AND kind = OLD.kind AND key = OLD.key AND day = (OLD.sort_ms + 62167219200000) / 86400000; UPDATE listing_blocks SET n = n - 1 WHERE lang = OLD.lang AND kind = OLD.kind AND key = OLD.key AND block = (OLD.sort_ms + 62167219200000) / 2764800000; UPDATE listing_totals SET n = n - 1 WHERE lang = OLD.lang AND kind = OLD.kind AND key = OLD.key; END;
