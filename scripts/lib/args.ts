/**
 * Every script's command line, read one way: node's `parseArgs` (strict, positionals allowed) with
 * `-h`/`--help`. A wrong option or value is one line naming it and the usage, exit code 2, never a
 * stack trace.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'

const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } } as const

/** The usage line(s), and the longer text `--help` prints (the usage when there is none). */
export interface CommandHelp {
  usage: string
  text?: string
}

/** Thrown for a wrong value of a known option; `commandLine` callers turn it into `usageError`. */
export class UsageError extends Error {}

export function commandLine<const O extends ParseArgsOptionsConfig>(
  options: O,
  help: CommandHelp,
  args = process.argv.slice(2),
) {
  let parsed
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { ...options, ...HELP_OPTION } })
  } catch (error) {
    // Node's message continues with advice about `--` that does not fit an npm script; its first sentence is the point.
    usageError((error as Error).message.split(/\.\s/)[0]!, help)
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(help.text ?? help.usage)
    process.exit(0)
  }
  return parsed
}

/** Prints what is wrong with the command line and the usage, and exits with 2. */
export function usageError(message: string, help: CommandHelp): never {
  console.error(`✗ ${message}\n${help.usage}`)
  process.exit(2)
}

/** `--store`: one of the two stores, or none given; anything else is a usage error (never a silent default). */
export function storeOption(value: string | undefined, help: CommandHelp): 'kv' | 'r2' | undefined {
  if (value === undefined || value === 'kv' || value === 'r2') return value
  usageError(`--store must be kv or r2, got ${value}`, help)
}
