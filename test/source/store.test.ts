import { describe, expect, it } from 'vitest'
import { AppError, StorageError } from '../../src/errors'
import { chainStores, type SourceStore } from '../../src/source/store'

const file = (store: 'kv' | 'r2') => ({
  key: 'ko/a',
  bytes: new ArrayBuffer(0),
  etag: store,
  store,
})
const has = (name: 'kv' | 'r2'): SourceStore => ({ name, get: () => Promise.resolve(file(name)) })
const lacks = (name: 'kv' | 'r2'): SourceStore => ({ name, get: () => Promise.resolve(null) })
const broken = (name: 'kv' | 'r2'): SourceStore => ({
  name,
  get: () => Promise.reject(new StorageError(name, 'down')),
})

describe('the configured order of stores', () => {
  it('reads the first store that has the key', async () => {
    expect((await chainStores([has('kv'), has('r2')]).get('ko/a'))!.store).toBe('kv')
    expect((await chainStores([lacks('kv'), has('r2')]).get('ko/a'))!.store).toBe('r2')
    expect((await chainStores([has('r2'), has('kv')]).get('ko/a'))!.store).toBe('r2')
  })

  it('falls through a broken store, and fails only when no store could answer', async () => {
    expect((await chainStores([broken('kv'), has('r2')]).get('ko/a'))!.store).toBe('r2')
    await expect(chainStores([broken('kv'), lacks('r2')]).get('ko/a')).rejects.toThrow(
      /no store could be read/,
    )
    expect(await chainStores([lacks('kv'), lacks('r2')]).get('ko/a')).toBeNull()
  })

  it('does not fall through an article that is itself broken: that is the answer', async () => {
    const tooBig: SourceStore = {
      name: 'kv',
      get: () => Promise.reject(new AppError('SOURCE_TOO_LARGE', 'too big')),
    }
    await expect(chainStores([tooBig, has('r2')]).get('ko/a')).rejects.toThrow(AppError)
  })
})
