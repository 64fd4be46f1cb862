/**
 * `npm run typecheck`: the Node side (tsconfig.node.json) reads the Worker through declaration
 * files (src/ through tsconfig.declarations.json, Env through worker-env.d.ts), and skipLibCheck
 * never checks those, so a workerd type that worker-bindings.d.ts does not bring into scope would
 * quietly become `any` there. This checks the declaration files the Node side reaches (not all of
 * src/) for names that do not resolve. Run after `tsc -b tsconfig.node.json`, which writes them.
 */
import ts from 'typescript'

const CANNOT_FIND_NAME = 2304
const read = ts.readConfigFile('tsconfig.node.json', (path) => ts.sys.readFile(path))
const config = ts.parseJsonConfigFileContent(read.config, ts.sys, process.cwd())
const program = ts.createProgram({
  rootNames: config.fileNames,
  options: { ...config.options, skipLibCheck: false },
  projectReferences: config.projectReferences,
})
const declarations = program
  .getSourceFiles()
  .filter(
    (file) =>
      file.fileName.includes('/node_modules/.cache/tsc/') ||
      /\/worker-(env|bindings)\.d\.ts$/.test(file.fileName),
  )
const missing = declarations
  .flatMap((file) => program.getSemanticDiagnostics(file))
  .filter((diagnostic) => diagnostic.code === CANNOT_FIND_NAME)

if (!declarations.some((file) => file.fileName.includes('/node_modules/.cache/tsc/'))) {
  console.error(
    'check-node-types: no declarations of src/ found; run `tsc -b tsconfig.node.json` first',
  )
  process.exit(1)
}
for (const diagnostic of missing) {
  const { file, start = 0 } = diagnostic
  const where = file ? file.getLineAndCharacterOfPosition(start) : undefined
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
  console.error(
    `${file?.fileName ?? '?'}:${(where?.line ?? 0) + 1}: ${message} (add it to worker-bindings.d.ts)`,
  )
}
if (missing.length) process.exit(1)
console.log(`check-node-types: ${declarations.length} declaration files, every name resolves`)
