/**
 * One share card in a fresh Node process, for `npm run bench -- og`: what the first card of a new
 * isolate costs (wasm instantiation, JIT, reading and parsing its font subsets), by CPU time.
 * Prints one JSON line. Usage: node --import tsx bench/og-first.ts <case name>
 */
import { cardCases, initOgNode, readOgFont } from './og-node'
import { renderCard } from '../og/src/render'

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000
const name = process.argv[2]
const input = (await cardCases()).find((c) => c.name === name)?.input
if (!input) throw new Error(`no card case ${name}`)

const c0 = process.cpuUsage()
await initOgNode()
const initMs = cpuMs(process.cpuUsage(c0))
const c1 = process.cpuUsage()
const { stats } = await renderCard(input, readOgFont)
const firstMs = cpuMs(process.cpuUsage(c1))
console.log(JSON.stringify({ initMs, firstMs, stats }))
