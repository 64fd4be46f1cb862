-- Old addresses that lead to an article: an imported site's permalinks (`/2024/06/19/<slug>/`,
-- `/?p=101`), from the article's `redirect_from`. Written with the article's index row, removed with
-- it; the Worker answers a path that matches nothing else with a 301 to the article, from one lookup
-- on the primary key. `path` is normalized (see src/listing/redirects.ts).
CREATE TABLE redirects (
  path TEXT PRIMARY KEY,
  lang TEXT NOT NULL,
  slug TEXT NOT NULL
) STRICT;
CREATE INDEX redirects_by_article ON redirects (lang, slug);
