import { describe, expect, it } from 'vitest'
import { sha256Hex, type WritableStore } from '../../src/source/store'

/**
 * The behaviour every backend owes the pipeline, through the one store layer. `make` builds the store
 * (size limit 1,000 bytes); `putRaw` writes a value by hand, as `wrangler kv key put` would.
 */
export function describeSourceStore(
  name: string,
  make: () => WritableStore,
  putRaw: (key: string, text: string, metadata?: Record<string, string>) => Promise<void>,
) {
  describe(`${name} source store`, () => {
    it('returns null for a missing key', async () => {
      expect(await make().get('ko/nothing-here')).toBeNull()
      expect(await make().stat('ko/nothing-here')).toBeNull()
    })

    it('returns the exact bytes, with an etag that is their SHA-256', async () => {
      await putRaw('ko/a', '---\ntitle: 가\n---\n본문')
      const first = await make().get('ko/a')
      expect(new TextDecoder().decode(first!.bytes)).toBe('---\ntitle: 가\n---\n본문')
      expect(first!.store).toBe(name)
      expect(first!.etag).toBe(await sha256Hex(first!.bytes))
      await putRaw('ko/a', '---\ntitle: 나\n---\n본문')
      expect((await make().get('ko/a'))!.etag).not.toBe(first!.etag)
    })

    it('stores and reads back the publisher metadata, Hangul file names included', async () => {
      const bytes = new TextEncoder().encode('---\ntitle: 메타\n---\n')
      const metadata = {
        fileName: 'ko/2024-06-19-한글-이름.md',
        format: 'md' as const,
        sha256: await sha256Hex(bytes),
        uploaded: '2024-06-20T00:00:00.000Z',
        firstUploaded: '2024-06-19T00:00:00.000Z',
        image: { url: 'https://img.example/a.jpg', width: 1200, height: 630, type: 'image/jpeg' },
      }
      await make().put('ko/meta', bytes, metadata)
      const file = await make().get('ko/meta')
      expect(file).toMatchObject({
        fileName: metadata.fileName,
        format: 'md',
        etag: metadata.sha256,
        image: metadata.image,
      })
      expect(file!.uploaded?.toISOString()).toBe(metadata.uploaded)
      expect(file!.firstUploaded?.toISOString()).toBe(metadata.firstUploaded)
      expect((await make().stat('ko/meta'))!.metadata).toEqual(metadata)
    })

    it('treats bytes that do not match their stored hash as a storage fault, yet lets them be read raw and replaced', async () => {
      await putRaw('en/cut', '---\ntitle: Cut sh', {
        sha256: await sha256Hex(new TextEncoder().encode('---\ntitle: Cut short\n---\nbody')),
      })
      await expect(make().get('en/cut')).rejects.toThrow(/truncated or damaged/)
      expect(new TextDecoder().decode((await make().raw('en/cut'))!)).toBe('---\ntitle: Cut sh')
      expect((await make().stat('en/cut'))!.metadata.sha256).toMatch(/^[0-9a-f]{64}$/)
      await make().delete('en/cut')
      expect(await make().get('en/cut')).toBeNull()
    })

    it('reads many stored versions at once byte for byte, or leaves a key for the caller to read', async () => {
      const text = new TextEncoder().encode('---\ntitle: 여럿\n---\n본문')
      const versions: [string, Uint8Array][] = [
        ['ko/many-text', text],
        ['ko/many-bom', new Uint8Array([0xef, 0xbb, 0xbf, ...text])],
        ['ko/many-not-utf8', new Uint8Array([...text, 0xff, 0xfe])],
      ]
      for (const [key, bytes] of versions)
        await make().put(key, bytes, { sha256: await sha256Hex(bytes), format: 'md' })
      const read = await make().readMany([...versions.map(([key]) => key), 'ko/many-none'])
      for (const [key, bytes] of versions) {
        const got = read.get(key)
        if (got === undefined) continue // read by the caller, one by one
        expect({ key, bytes: [...got!.bytes] }).toEqual({ key, bytes: [...bytes] })
        expect(got!.metadata.sha256).toBe(await sha256Hex(bytes))
      }
      expect(read.get('ko/many-none') ?? null).toBeNull()
      // KV reads in bulk: the UTF-8 version comes from the one call.
      if (name === 'kv') expect(read.get('ko/many-text')).toBeDefined()
    })

    it('refuses a value over the size limit with a message naming the limit', async () => {
      await putRaw('en/big', 'x'.repeat(2_000))
      await expect(make().get('en/big')).rejects.toThrow(
        /2000 bytes; the limit is 1000 \(MAX_SOURCE_BYTES\)/,
      )
    })

    it('lists only the article keys of the languages asked for, page by page, never internal or nested keys', async () => {
      await putRaw('ja/listed', 'x')
      await putRaw('ja/nested/not-an-article', 'x')
      await putRaw('_/index/ja', 'x')
      await putRaw('zz/other-language', 'x')
      const keys: string[] = []
      let cursor: string | undefined
      do {
        const page = await make().list(['ja', 'zz-not-served'], cursor)
        keys.push(...page.entries.map((e) => e.key))
        cursor = page.cursor
      } while (cursor)
      expect(keys).toEqual(['ja/listed'])
    })
  })
}
