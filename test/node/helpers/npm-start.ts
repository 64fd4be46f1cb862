/**
 * `npm start` itself, the README's command, in a private copy of the project: its development tools
 * on (banner, inspector link), its own content push, watcher and local storage, on a free port. The
 * copy shares node_modules by a link, so nothing is installed; the publisher's .wrangler is untouched.
 * Stopping sends SIGTERM to npm alone, as an editor's stop button or a process manager does.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { RunningWorker } from '../../../scripts/lib/dev-worker'

/** What is not the project's own source: installed, generated or left by earlier runs. */
const NOT_COPIED = new Set(['node_modules', '.git', '.wrangler', 'test-results', 'dist', '.cache'])

export interface NpmStart extends RunningWorker {
  /** The project copy npm start runs in (its content/ is the watched folder). */
  dir: string
  /** Every line npm start printed so far. */
  output: string[]
  /** SIGTERM to npm; resolves with its exit code, or rejects if it is still running after 15 s. */
  terminate(): Promise<number | null>
}

export async function startNpmStart(options: { contentDir?: string } = {}): Promise<NpmStart> {
  const root = resolve('.')
  const dir = await mkdtemp(join(tmpdir(), 'npm-start-'))
  await cp(root, dir, {
    recursive: true,
    filter: (from) =>
      !relative(root, from)
        .split('/')
        .some((part) => NOT_COPIED.has(part)),
  })
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
  if (options.contentDir) {
    await rm(join(dir, 'content'), { recursive: true, force: true })
    await cp(options.contentDir, join(dir, 'content'), { recursive: true })
  }
  const port = await freePort()
  // Detached: its own process group, so a failed stop can still clean up everything it started.
  const npm = spawn('npm', ['start', '--', '--port', String(port)], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  })
  const output: string[] = []
  for (const stream of [npm.stdout, npm.stderr])
    createInterface({ input: stream }).on('line', (line) => output.push(line))
  await waitFor(npm, output, (line) => line.includes('is ready'), 120_000)

  const origin = `http://127.0.0.1:${port}`
  const token = (await readFile(join(dir, '.wrangler/dev-admin-token'), 'utf8')).trim()
  let exited: Promise<number | null> | undefined
  const terminate = () =>
    (exited ??= new Promise<number | null>((done, fail) => {
      if (npm.exitCode !== null) return done(npm.exitCode)
      const timer = setTimeout(() => {
        killGroup(npm)
        fail(new Error(`npm start still running 15 s after SIGTERM:\n${output.join('\n')}`))
      }, 15_000)
      npm.once('exit', (code) => {
        clearTimeout(timer)
        done(code)
      })
      npm.kill('SIGTERM')
    }))
  return {
    dir,
    origin,
    token,
    state: join(dir, '.wrangler/state/v3'),
    output,
    get: (path, init) => fetch(`${origin}${path}`, { redirect: 'manual', ...init }),
    terminate,
    async stop() {
      await terminate().catch(() => {})
      killGroup(npm) // whatever SIGTERM left behind, so no test run leaks a workerd
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
    server.on('error', fail)
  })
}

/** Whether something accepts connections on the port. */
export function listening(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/healthz`).then(
    () => true,
    () => false,
  )
}

function waitFor(
  child: ChildProcess,
  output: string[],
  ready: (line: string) => boolean,
  ms: number,
): Promise<void> {
  return new Promise((done, fail) => {
    const started = Date.now()
    const poll = setInterval(() => {
      if (output.some(ready)) finish()
      else if (child.exitCode !== null || Date.now() - started > ms)
        finish(new Error(`npm start did not become ready:\n${output.join('\n')}`))
    }, 50)
    function finish(error?: Error) {
      clearInterval(poll)
      if (error) {
        killGroup(child)
        fail(error)
      } else done()
    }
  })
}

function killGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, 'SIGKILL')
  } catch {
    // already gone
  }
}
