import { describe, expect, it } from 'vitest'
import type { SourceStore } from '../../src/source/store'

/** The behaviour every backend owes the pipeline. `put` writes the raw file the way the backend stores it. */
export function describeSourceStore(
  name: string,
  make: () => SourceStore,
  put: (key: string, text: string) => Promise<void>,
) {
  describe(`${name} source store`, () => {
    it('returns null for a missing key', async () => {
      expect(await make().get('ko/nothing-here')).toBeNull()
    })

    it('returns the exact bytes, with an etag that follows them', async () => {
      await put('ko/a', '---\ntitle: 가\n---\n본문')
      const first = await make().get('ko/a')
      expect(new TextDecoder().decode(first!.bytes)).toBe('---\ntitle: 가\n---\n본문')
      expect(first!.store).toBe(name)
      expect(first!.etag).toMatch(/^[0-9a-f]{16,}$/)
      await put('ko/a', '---\ntitle: 나\n---\n본문')
      const second = await make().get('ko/a')
      expect(second!.etag).not.toBe(first!.etag)
    })
  })
}
