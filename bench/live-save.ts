/**
 * Save → served, as a publisher sees it: with `npm start` running, rewrites one article's title
 * and times until the dev server's page shows it, `runs` times; restores the file afterwards.
 * npx tsx bench/live-save.ts [runs] [origin]   (not part of the tests)
 */
import { readFile, writeFile } from 'node:fs/promises'
import { commandLine, usageError } from '../scripts/lib/args'

const help = { usage: 'usage: npx tsx bench/live-save.ts [runs] [origin]' }
const { positionals } = commandLine({}, help)
const runs = Number(positionals[0] ?? 10)
const origin = positionals[1] ?? 'http://127.0.0.1:8787'
if (!Number.isInteger(runs) || runs < 1)
  usageError(`runs is a positive whole number: got ${positionals[0]}`, help)
const file = 'content/en/markdown-showcase.md'
const original = await readFile(file, 'utf8')
const times: number[] = []
try {
  for (let i = 0; i < runs; i++) {
    const marker = `Showcase ${Date.now()}`
    const saved = performance.now()
    await writeFile(file, original.replace(/^title: .*$/m, `title: ${marker}`))
    for (;;) {
      const html = await (await fetch(`${origin}/en/markdown-showcase`)).text()
      if (html.includes(`<h1>${marker}</h1>`)) break
      if (performance.now() - saved > 10_000) throw new Error('not served within 10 s')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    times.push(performance.now() - saved)
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
} finally {
  await writeFile(file, original)
}
times.sort((a, b) => a - b)
const ms = (n: number) => `${Math.round(n)} ms`
console.log(
  `save → served over ${runs} saves: median ${ms(times[Math.floor(runs / 2)]!)}, min ${ms(times[0]!)}, max ${ms(times.at(-1)!)}`,
)
