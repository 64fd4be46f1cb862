import { env } from 'cloudflare:workers'
import { kvDriver } from '../../src/source/kv'
import { sourceStore } from '../../src/source/store'
import { describeSourceStore } from '../contract/source-store'

describeSourceStore(
  'kv',
  () => sourceStore(kvDriver(env.ARTICLES_KV), { maxBytes: 1_000 }),
  (key, text, metadata) => env.ARTICLES_KV.put(key, text, { metadata }),
)
