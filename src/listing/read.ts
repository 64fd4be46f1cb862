import { AppError } from '../errors'
import { indexName, LanguageIndex } from '../schema/listing'
import type { InternalStore } from '../source/internal'

/** A language's index from storage; an empty one when no push has written it yet. */
export async function readIndex(
  store: InternalStore,
  lang: string,
): Promise<{ index: LanguageIndex; etag: string }> {
  const value = await store.get(indexName(lang))
  if (!value) return { index: { version: 1, lang, articles: [] }, etag: 'empty' }
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(value.bytes))
  } catch (cause) {
    throw new AppError(
      'SOURCE_INVALID',
      'the article index is not valid JSON; run content:push again',
      { file: indexName(lang) },
      { cause },
    )
  }
  const result = LanguageIndex.safeParse(parsed)
  if (!result.success) {
    throw new AppError(
      'SOURCE_INVALID',
      'the article index has an unexpected shape; run content:push again',
      { file: indexName(lang) },
    )
  }
  return { index: result.data, etag: value.metadata.etag ?? String(value.bytes.byteLength) }
}

/** Writes a language's index, with a version that changes whenever its content does. */
export async function writeIndex(store: InternalStore, index: LanguageIndex): Promise<void> {
  const bytes = new TextEncoder().encode(JSON.stringify(index))
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  const etag = Array.from(digest.slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('')
  await store.put(indexName(index.lang), bytes, { etag })
}
