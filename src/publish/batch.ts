/**
 * The writer as a Worker of its own, for content:push: run inside workerd beside the local stores
 * (scripts/lib/storage.ts), so each D1 statement and KV write is a call inside the runtime rather
 * than a synchronous round trip through wrangler's platform proxy (about 3 ms each, dozens per
 * article). Not part of the site's Worker.
 *
 *   POST /write   BatchRequest → BatchAnswer
 */
import { buildOrigin } from '../articles/derived'
import type { SiteConfig } from '../config'
import { internalStore } from '../source/internal'
import { storeDriver } from '../source'
import { sourceStore, type StoreName } from '../source/store'
import { writeArticles } from './write'
import type { ArticleChange, Change } from './changes'

/** A change as it travels: a publish's bytes in base64. */
export type WireChange =
  | Exclude<ArticleChange, { kind: 'publish' } | { kind: 'found' }>
  | (Omit<Extract<ArticleChange, { kind: 'publish' }>, 'bytes'> & { bytes: string })

export interface BatchRequest {
  store: StoreName
  config: SiteConfig
  changes: WireChange[]
}

export interface BatchAnswer {
  changes: Change[]
  failed: { key: string; fileName?: string; message: string }[]
  tags: string[]
  urls: string[]
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { store, config, changes } = await request.json<BatchRequest>()
    const driver = storeDriver(env, store)
    const result = await writeArticles({
      target: {
        // Files are size-checked before they are sent.
        stores: [
          {
            store: sourceStore(driver, { maxBytes: Number.MAX_SAFE_INTEGER }),
            internal: internalStore(driver, undefined, env.DERIVED_KEY),
          },
        ],
        db: env.ARTICLES_DB,
        origin: buildOrigin(config),
      },
      config,
      changes: changes.map((c) =>
        c.kind === 'publish' ? { ...c, bytes: fromBase64(c.bytes) } : c,
      ),
      keepGoing: true,
      chunk: changes.length,
    })
    const answer: BatchAnswer = {
      changes: result.changes,
      failed: result.failed.map(({ key, fileName, message }) => ({ key, fileName, message })),
      tags: result.tags,
      urls: result.urls,
    }
    return Response.json(answer)
  },
}
