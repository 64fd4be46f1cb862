/**
 * The last failed save of each article during `npm start`: the watch loop writes it beside the
 * sources (under the internal prefix no article key reaches) and removes it when a save succeeds;
 * the dev server shows it as a banner. Nothing else writes it, and the Worker reads it only when
 * DEV_TOOLS is set, which only `npm start` does.
 */
import type { InternalStore } from '../source/internal'

export interface SaveFailure {
  /** The file as the publisher knows it: `ko/my-story.md`. */
  file: string
  /** Where and what: `ko/my-story.md:2:8: invalid YAML: …`. */
  message: string
  /** Whether readers still get an earlier version (else the address is a 404). */
  previousServed: boolean
}

const nameOf = (key: string) => `dev/failures/${key}`
const encoder = new TextEncoder()

export const recordFailure = (store: InternalStore, key: string, failure: SaveFailure) =>
  store.put(nameOf(key), encoder.encode(JSON.stringify(failure)))

export const clearFailure = (store: InternalStore, key: string) => store.delete(nameOf(key))

export async function readFailure(store: InternalStore, key: string): Promise<SaveFailure | null> {
  const value = await store.get(nameOf(key))
  return value && (JSON.parse(new TextDecoder().decode(value.bytes)) as SaveFailure)
}
