// The Node side's view of the Worker's bindings (tsconfig.node.json): exactly the names that the
// generated Env (worker-env.d.ts), the Worker's declarations (src/, read through
// tsconfig.declarations.json) and the Node code's own D1 stand-ins mention, taken from the
// importable entrypoint of @cloudflare/workers-types, which exports workerd's types instead of
// declaring workerd's globals. Response, Request, fetch and caches stay Node's own (or absent).
// scripts/check-node-types.ts fails when a name is missing. The package is pinned to the release
// nearest the workerd that wrangler runs (1.20261102.1 has none; 5.20261103.1 is the next): these
// types read the same as worker-configuration.d.ts's.

// The bindings in Env.
type KVNamespace<Key extends string = string> = import('@cloudflare/workers-types').KVNamespace<Key>
type R2Bucket = import('@cloudflare/workers-types').R2Bucket
type D1Database = import('@cloudflare/workers-types').D1Database
type RateLimit = import('@cloudflare/workers-types').RateLimit
type ImagesBinding = import('@cloudflare/workers-types').ImagesBinding
type Fetcher = import('@cloudflare/workers-types').Fetcher

// What the Worker's declarations and the D1 stand-ins (bench/index.ts, test/node/helpers) name.
type D1PreparedStatement = import('@cloudflare/workers-types').D1PreparedStatement
type D1Result<T = unknown> = import('@cloudflare/workers-types').D1Result<T>
type ExecutionContext<Props = unknown> = import('@cloudflare/workers-types').ExecutionContext<Props>
type CacheContext = import('@cloudflare/workers-types').CacheContext
type ScheduledController = import('@cloudflare/workers-types').ScheduledController
