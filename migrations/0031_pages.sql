-- Pages (`type: page`: about, contact, corrections policy): served at their address and listed in
-- the sitemap, but never in listings, feeds or search, so they have no row in `articles`. One row per
-- published page, written and removed by the index writer like an article's row.
CREATE TABLE pages (
  lang TEXT NOT NULL,
  slug TEXT NOT NULL,
  lastmod TEXT NOT NULL,
  PRIMARY KEY (lang, slug)
) STRICT;
