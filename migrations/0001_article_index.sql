-- The article index: what listings, feeds, sitemaps, the language switcher and search need, one
-- row per published article and language. Sources stay in KV/R2; this is derived from them and can
-- be rebuilt from them (content:push, or the reconciler on its schedule).
--
-- `rank` is an article's position counted from the oldest (1 = oldest) in its language, and in
-- `labels` within its category or tag. Pages are counted from the newest, so page p of a listing
-- with N articles is the range of ranks (N - 12p, N - 12(p-1)]: every listing query is a range scan
-- on an index, whatever the page, and N itself is MAX(rank), read from the same index.

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  lang TEXT NOT NULL,
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  -- ISO 8601 with the site's offset, as pages show them; sort_ms orders the listings.
  published_at TEXT NOT NULL,
  modified_at TEXT,
  sort_ms INTEGER NOT NULL,
  image_url TEXT,
  image_alt TEXT,
  image_width INTEGER,
  image_height INTEGER,
  content_lang TEXT NOT NULL,
  -- JSON arrays of the labels as the article writes them, and its authors [{name, url?}].
  categories TEXT NOT NULL,
  tags TEXT NOT NULL,
  authors TEXT NOT NULL,
  -- Which version of which stored source this row describes.
  source_sha256 TEXT NOT NULL,
  store TEXT NOT NULL,
  file_name TEXT,
  first_seen TEXT NOT NULL,
  rank INTEGER NOT NULL,
  -- The search index row: newest articles have the highest search ids (see search below).
  search_id INTEGER NOT NULL UNIQUE,
  UNIQUE (lang, slug)
);
CREATE INDEX articles_by_rank ON articles (lang, rank);
CREATE INDEX articles_by_date ON articles (lang, sort_ms, slug);
CREATE INDEX articles_by_slug ON articles (slug);

-- One row per category or tag of an article. `key` is the name as listings match it (NFC, lower case
-- in the article's language), `name` as the article wrote it.
CREATE TABLE labels (
  lang TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  article_id INTEGER NOT NULL,
  sort_ms INTEGER NOT NULL,
  slug TEXT NOT NULL,
  rank INTEGER NOT NULL,
  PRIMARY KEY (lang, kind, key, article_id)
);
CREATE INDEX labels_by_rank ON labels (lang, kind, key, rank);
CREATE INDEX labels_by_date ON labels (lang, kind, key, sort_ms, slug);
CREATE INDEX labels_by_article ON labels (article_id);

-- Full-text search over title, description and body. Korean and Japanese have no spaces between the
-- parts of a word, so text is indexed as overlapping two-character pieces of every CJK run
-- (see src/listing/search.ts): `협정에` is stored as `협정 정에` and a search for `협정` finds it.
-- Contentless: the text itself lives in the articles and their sources, not twice in the database.
-- The row id is articles.search_id, which grows with the publication date, so "newest first" reads
-- the index backwards and stops after one page.
CREATE VIRTUAL TABLE search USING fts5 (
  lang,
  title,
  description,
  body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Where the reconciler stopped listing each store, so every run continues the last one.
CREATE TABLE reconcile_state (
  store TEXT NOT NULL,
  lang TEXT NOT NULL,
  cursor TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (store, lang)
);
