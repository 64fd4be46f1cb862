import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'

// Every test file starts from an empty database with the committed schema, as a fresh deploy does.
await applyD1Migrations(env.ARTICLES_DB, env.TEST_MIGRATIONS)
