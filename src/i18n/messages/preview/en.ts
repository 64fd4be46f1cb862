import type { PreviewMessages } from '../../catalog'

export const enPreview: PreviewMessages = {
  title: 'Link preview check: {name}',
  intro: 'Each card is drawn from exactly the tags the crawlers read from',
  noIssues: 'No issues',
  error: 'Problem',
  warning: 'Warning',
  note: 'Note',
  ok: 'OK',
  verdict: 'Verdict',
  page: 'This page in a browser',
  cards: 'Cards',
  layouts:
    'Mock-ups follow each platform’s card layout as observed in {date}; platforms change them without notice.',
  rawTags: 'Tags a crawler reads',
  noImage: 'no image',
  noDescription: 'X shows no description in large cards',
  devLink: 'Link preview check',
  devFailed: 'Your last save of {file} was not published:',
  devNotServed: 'This address serves nothing until the file is fixed.',
  devOlder: 'Readers still get the previous version.',
  checks: {
    TITLE_MISSING: 'No og:title: platforms fall back to the page <title> or show the bare URL.',
    TITLE_LONG: 'The title is {length} characters; LinkedIn (and X’s small card) show at most 70.',
    TITLE_BYTES_DISCORD:
      'The title is {bytes} bytes of UTF-8; Discord cuts titles after about 67 bytes (≈22 Korean or Japanese characters).',
    DESCRIPTION_MISSING: 'No og:description: previews show no summary (write `excerpt`).',
    DESCRIPTION_BYTES_DISCORD:
      'The description is {bytes} bytes of UTF-8; Discord cuts it after about 347 bytes.',
    IMAGE_MISSING:
      'No og:image: previews are text only (set `image` in the front matter or put an image in the body).',
    IMAGE_NOT_ABSOLUTE: 'og:image is not an absolute URL: {url}',
    IMAGE_UNREACHABLE:
      'og:image is on {host}, which crawlers cannot reach (set BASE_URL, or use an absolute image URL).',
    IMAGE_NOT_HTTPS: 'og:image is not https.',
    IMAGE_RELATIVE:
      'The image is written as a relative URL ({written}); crawlers get {url}: write the absolute URL so it does not depend on where the page is served.',
    IMAGE_NO_SIZE:
      'og:image has no width/height: the first share may show no image. content:push measures it when online; or write image.width and image.height.',
    IMAGE_TOO_SMALL_FACEBOOK: 'The image is {width}×{height}; Facebook needs at least 200×200.',
    IMAGE_SMALL_FACEBOOK:
      'The image is {width}×{height}; under 600×315 Facebook shows a small square.',
    IMAGE_TOO_SMALL_X: 'The image is {width}×{height}; X’s large card needs at least 300×157.',
    IMAGE_UNDER_RECOMMENDED: 'The image is {width}×{height}; 1200×630 is recommended.',
    IMAGE_KAKAO_CROP: 'The image is {width}×{height}; KakaoTalk crops to 800×400.',
    IMAGE_SVG: 'SVG images are not shown in previews.',
    IMAGE_WEBP: 'KakaoTalk is reported to fail on WebP images.',
    IMAGE_NO_ALT:
      'The main image has no alt text: the page shows it with alt="" and og:image:alt falls back to the title (write image.alt).',
    CARD_NOT_LARGE: 'twitter:card is not summary_large_image: the image shows small.',
    URL_MISSING: 'No og:url.',
    IMAGE_HOST_BLOCKED:
      'The image {url} is blocked by the page’s Content-Security-Policy (img-src): readers see an empty box. Add {origin} to IMAGE_HOSTS in wrangler.toml, or serve the image from an allowed host.',
  },
}
