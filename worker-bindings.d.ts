// The Node side's view of the Worker's bindings (tsconfig.node.json): exactly the names that the
// generated Env (worker-env.d.ts) and the Worker's declarations (src/, read through
// tsconfig.declarations.json) mention, taken from @cloudflare/workers-types' importable entrypoint,
// which exports workerd's types instead of declaring workerd's globals. Response, Request, fetch
// and caches stay Node's own (or absent).

// The bindings in Env.
type KVNamespace<Key extends string = string> = import('@cloudflare/workers-types').KVNamespace<Key>
type R2Bucket = import('@cloudflare/workers-types').R2Bucket
type D1Database = import('@cloudflare/workers-types').D1Database
type RateLimit = import('@cloudflare/workers-types').RateLimit
type ImagesBinding = import('@cloudflare/workers-types').ImagesBinding
type Fetcher = import('@cloudflare/workers-types').Fetcher

// What the Worker's exported functions take or return besides Env.
type D1PreparedStatement = import('@cloudflare/workers-types').D1PreparedStatement
type D1Result<T = unknown> = import('@cloudflare/workers-types').D1Result<T>
type ExecutionContext<Props = unknown> = import('@cloudflare/workers-types').ExecutionContext<Props>
type CacheContext = import('@cloudflare/workers-types').CacheContext
type ScheduledController = import('@cloudflare/workers-types').ScheduledController
