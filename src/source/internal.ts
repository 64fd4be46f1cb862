/**
 * Values the site derives and keeps beside the sources (under `_/`, which no article key can reach):
 * raw bytes with string metadata, no size limit or hashing — they are written only by this code.
 */
import { StorageError, withTimeout } from '../errors'
import type { Driver } from './driver'
import { INTERNAL_PREFIX } from './keys'

export interface InternalValue {
  bytes: ArrayBuffer
  metadata: Record<string, string>
}

export interface InternalStore {
  /** The secret derived articles are signed with (DERIVED_KEY); none means they are not used. */
  readonly derivedKey?: string
  get(name: string): Promise<InternalValue | null>
  put(name: string, bytes: Uint8Array, metadata?: Record<string, string>): Promise<void>
  delete(name: string): Promise<void>
}

export function internalStore(
  driver: Driver,
  timeoutMs?: number,
  derivedKey?: string,
): InternalStore {
  const key = (name: string) => `${INTERNAL_PREFIX}${name}`
  const fail = (action: string, name: string) => (cause: unknown) => {
    throw cause instanceof StorageError
      ? cause
      : new StorageError(driver.name, `${action} ${key(name)} failed`, { cause })
  }
  return {
    ...(derivedKey && { derivedKey }),
    async get(name) {
      const read = async () => {
        const value = await driver.get(key(name))
        return value && { bytes: await value.body(), metadata: value.metadata }
      }
      return withTimeout(read(), { ms: timeoutMs, store: driver.name, what: key(name) }).catch(
        fail('reading', name),
      )
    },
    put: (name, bytes, metadata = {}) =>
      driver
        .put(key(name), bytes, { metadata, contentType: 'application/json' })
        .catch(fail('writing', name)),
    delete: (name) => driver.delete(key(name)).catch(fail('deleting', name)),
  }
}
