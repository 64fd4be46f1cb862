import { z } from 'zod'

/** The site's settings, read from `[vars]` in wrangler.toml and checked once per env object. */
const list = z
  .string()
  .transform((s) => s.split(',').map((item) => item.trim()).filter(Boolean))

export const SiteConfig = z
  .object({
    SITE_NAME: z.string().min(1),
    BASE_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
    LANGUAGES: list.pipe(z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1)),
    DEFAULT_LANG: z.string().regex(/^[a-z]{2,3}$/),
    TIME_ZONE: z.string().refine(isTimeZone, 'expected an IANA time zone such as Asia/Seoul'),
    SOURCES: list.pipe(z.array(z.enum(['kv', 'r2'])).min(1)),
    TWITTER_SITE: z.string().regex(/^(@\w{1,15})?$/).default(''),
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
