// Child process of scripts/weapp/ci-compile.ts: compiles a mini-program with miniprogram-ci,
// offline, and prints one line `CI_COMPILE_RESULT <json>`. miniprogram-ci keeps handles open
// after it is done, so this process ends itself (and the parent kills it on a timeout).
// argv: <projectPath> <settings json>
const ci = require('miniprogram-ci')

const [projectPath, settingsJson] = process.argv.slice(2)
const started = Date.now()
const emit = (result) => {
  process.stdout.write(`\nCI_COMPILE_RESULT ${JSON.stringify({ ...result, ms: Date.now() - started })}\n`, () => process.exit(0))
}

async function main() {
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath,
    // A compile signs nothing; the Project only insists that some key is given.
    privateKey: 'offline-compile-needs-no-key',
    ignores: ['node_modules/**/*'],
  })
  // Without this the Project asks WeChat's servers for the app's attributes and fails offline.
  project.attr = async () => ci.DefaultProjectAttr
  const messages = []
  const files = await ci.getCompiledResult({
    project,
    setting: JSON.parse(settingsJson),
    onProgressUpdate: (task) => {
      if (task && typeof task === 'object' && (task.status === 'fail' || task.status === 'warn')) messages.push(`${task.status}: ${task.message}`)
    },
  })
  const sizes = {}
  for (const [name, content] of Object.entries(files)) sizes[name] = typeof content === 'string' ? Buffer.byteLength(content) : content.length
  emit({ ok: true, sizes, messages })
}

main().catch((err) => emit({ ok: false, error: String((err && (err.message || err.msg)) || err), code: err && err.code, stack: err && err.stack ? String(err.stack).split('\n').slice(0, 6).join('\n') : undefined }))
