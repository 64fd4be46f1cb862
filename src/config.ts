import * as z from 'zod'
import { LANGUAGE_TAG } from './source/keys'

/** The site's settings, read from `[vars]` in wrangler.toml and checked once per env object. */
const list = z.string().transform((s) =>
  s
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
)

/** Space-separated https URLs. */
const urls = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) => s.split(/\s+/).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ })))

/** A site-verification token as the search console gives it (the meta's content). */
const verification = z
  .string()
  .trim()
  .regex(/^[\w.-]*$/, 'expected the content value of the verification meta tag')
  .default('')

const seconds = z.coerce.number().int().min(0).max(31_536_000)

export const SiteConfig = z
  .object({
    SITE_NAME: z.string().min(1),
    BASE_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
    LANGUAGES: list.pipe(
      z.array(z.string().regex(LANGUAGE_TAG, 'expected language tags like ko, en, zh-Hant')).min(1),
    ),
    DEFAULT_LANG: z.string().regex(LANGUAGE_TAG),
    TIME_ZONE: z.string().refine(isTimeZone, 'expected an IANA time zone such as Asia/Seoul'),
    SOURCES: list.pipe(z.array(z.enum(['kv', 'r2'])).min(1)),
    TWITTER_SITE: z
      .string()
      .regex(/^(@\w{1,15})?$/)
      .default(''),
    SHARE_IMAGES: z.enum(['missing', 'always', 'off']).default('missing'),
    CACHE_FRESH_SECONDS: seconds.default(30),
    CACHE_REVALIDATE_SECONDS: seconds.default(30),
    CACHE_ERROR_SECONDS: seconds.default(86_400),
    CACHE_NOT_FOUND_SECONDS: seconds.default(30),
    CACHE_EDGE_SECONDS: seconds.default(86_400),
    IMAGE_HOSTS: z
      .string()
      .default('')
      .transform((s) => s.split(/\s+/).filter(Boolean))
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^(https:|https:\/\/[a-z0-9.-]+(:\d+)?|https:\/\/\*\.[a-z0-9.-]+)$/i,
              'expected origins like https://images.example.com',
            ),
        ),
      ),
    MAX_SOURCE_BYTES: z.coerce.number().int().min(1_000).max(2_000_000).default(1_000_000),
    STORAGE_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3_000),
    SITE_LOGO: z.string().trim().default(''),
    SITE_LOGO_WIDTH: z.coerce.number().int().min(0).max(10_000).default(0),
    SITE_LOGO_HEIGHT: z.coerce.number().int().min(0).max(10_000).default(0),
    CORRECTIONS_POLICY_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
    GOOGLE_SITE_VERIFICATION: verification,
    NAVER_SITE_VERIFICATION: verification,
    INDEXNOW_KEY: z
      .string()
      .regex(/^([a-zA-Z0-9-]{8,128})?$/, 'expected 8 to 128 letters, digits or dashes')
      .default(''),
    INDEXNOW_ENDPOINTS: urls(
      'https://api.indexnow.org/indexnow https://searchadvisor.naver.com/indexnow',
    ),
    WEBSUB_HUB: urls(''),
  })
  .refine((c) => c.LANGUAGES.includes(c.DEFAULT_LANG), {
    message: 'DEFAULT_LANG must be one of LANGUAGES',
    path: ['DEFAULT_LANG'],
  })
  .transform((c) => ({
    siteName: c.SITE_NAME,
    baseUrl: c.BASE_URL.replace(/\/+$/, ''),
    languages: c.LANGUAGES,
    defaultLang: c.DEFAULT_LANG,
    timeZone: c.TIME_ZONE,
    sources: c.SOURCES,
    twitterSite: c.TWITTER_SITE,
    shareImages: c.SHARE_IMAGES,
    cache: {
      freshSeconds: c.CACHE_FRESH_SECONDS,
      revalidateSeconds: c.CACHE_REVALIDATE_SECONDS,
      errorSeconds: c.CACHE_ERROR_SECONDS,
      notFoundSeconds: c.CACHE_NOT_FOUND_SECONDS,
      edgeSeconds: c.CACHE_EDGE_SECONDS,
    },
    storageTimeoutMs: c.STORAGE_TIMEOUT_MS,
    imageHosts: c.IMAGE_HOSTS,
    maxSourceBytes: c.MAX_SOURCE_BYTES,
    logo: c.SITE_LOGO
      ? {
          url: c.SITE_LOGO,
          width: c.SITE_LOGO_WIDTH || undefined,
          height: c.SITE_LOGO_HEIGHT || undefined,
        }
      : undefined,
    correctionsPolicyUrl: c.CORRECTIONS_POLICY_URL,
    verification: { google: c.GOOGLE_SITE_VERIFICATION, naver: c.NAVER_SITE_VERIFICATION },
    indexNow: { key: c.INDEXNOW_KEY, endpoints: c.INDEXNOW_KEY ? c.INDEXNOW_ENDPOINTS : [] },
    webSubHubs: c.WEBSUB_HUB,
  }))
export type SiteConfig = z.output<typeof SiteConfig>

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const parsed = new WeakMap<object, SiteConfig>()

/** Parses the vars once per env; a bad setting fails loudly with the var's name. */
export function siteConfig(env: Env): SiteConfig {
  let config = parsed.get(env)
  if (!config) {
    const result = SiteConfig.safeParse(env)
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
      throw new Error(`wrangler.toml [vars] are invalid: ${issues.join('; ')}`)
    }
    config = result.data
    parsed.set(env, config)
  }
  return config
}
