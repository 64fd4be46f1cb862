/**
 * The read path's write-back (src/articles/load.ts): a source put into KV by hand (`wrangler kv key
 * put`, a documented way to publish) is written back once, by the first request that finds it. Every
 * later miss for the same article reads the index and the derived article and writes nothing: not
 * the source's record, not the derived article, not the index row, not the announcement queue.
 * Writes are counted on the real Miniflare bindings as the Worker makes them.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { client } from '../helpers/request'

/** The real KV and D1 bindings, with a count of the KV puts and D1 rows written through them. */
function countingBindings() {
  const writes = { kvPuts: [] as string[], d1Rows: 0 }
  const kv = new Proxy(env.ARTICLES_KV, {
    get: (target, prop) => {
      const value = Reflect.get(target, prop) as (...args: unknown[]) => unknown
      if (prop === 'put')
        return (key: string, ...rest: unknown[]) => {
          writes.kvPuts.push(key)
          return value.call(target, key, ...rest)
        }
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  const counted = async <T extends D1Result | D1Result[]>(work: Promise<T>) => {
    const result = await work
    for (const r of [result].flat()) writes.d1Rows += r.meta.rows_written ?? 0
    return result
  }
  const session = (inner: D1DatabaseSession) =>
    new Proxy(inner, {
      get: (target, prop) => {
        if (prop === 'batch')
          return (statements: D1PreparedStatement[]) => counted(target.batch(statements))
        if (prop === 'prepare') return (sql: string) => statement(target.prepare(sql))
        const value = Reflect.get(target, prop) as unknown
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value
      },
    })
  // A statement run on its own (`.run()`, `.all()`) reports its writes too; one in a batch is
  // counted by the batch (the binding takes its own statement objects, so they are left as they are).
  const statement = (inner: D1PreparedStatement): D1PreparedStatement => {
    const bind = inner.bind.bind(inner)
    const run = inner.run.bind(inner)
    const all = inner.all.bind(inner)
    return Object.assign(inner, {
      bind: (...values: unknown[]) => statement(bind(...values)),
      run: () => counted(run()),
      all: () => counted(all()),
    })
  }
  const db = new Proxy(env.ARTICLES_DB, {
    get: (target, prop) => {
      if (prop === 'withSession')
        return (constraint?: string) => session(target.withSession(constraint))
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value
    },
  })
  return {
    writes,
    bindings: { ARTICLES_KV: kv, ARTICLES_DB: db } as Partial<Env>,
    reset: () => {
      writes.kvPuts.length = 0
      writes.d1Rows = 0
    },
  }
}

describe('a source put into KV by hand', () => {
  it('is written back by its first reader only: later misses for it write nothing', async () => {
    await env.ARTICLES_KV.put(
      'ko/hand-put-once',
      '---\ntitle: 손으로 넣은 기사\ndate: 2024-06-01\ncategories: [News]\n---\n<p>본문</p>',
    )
    const { writes, bindings, reset } = countingBindings()
    const site = client('https://write-back.example', bindings)

    // The first miss renders from the source and hands it to the writer in the background.
    const first = await site.get('/ko/hand-put-once')
    expect(first.status).toBe(200)
    expect(first.body).toContain('손으로 넣은 기사')
    expect(writes.kvPuts).toContain('ko/hand-put-once') // recorded with its hash and dates
    expect(writes.d1Rows).toBeGreaterThan(0) // the index row
    reset()

    // Other misses for the same article: its JSON, and its page and JSON under another origin
    // (other cache keys), each rendered again from what the first one wrote.
    const json = await site.get('/api/articles/ko/hand-put-once')
    expect(json.status).toBe(200)
    expect(json.json<{ title: string }>().title).toBe('손으로 넣은 기사')
    const elsewhere = client('https://other-origin.example', bindings)
    const page = await elsewhere.get('/ko/hand-put-once')
    expect(page.status).toBe(200)
    expect(page.header('x-cache')).toBe('MISS')
    expect((await elsewhere.get('/api/articles/ko/hand-put-once')).status).toBe(200)
    expect(writes).toEqual({ kvPuts: [], d1Rows: 0 })
  })
})
