// Bundles each cloud function: server/entries/<fn>.ts → cloudfunctions/<fn>/index.js,
// shared code inlined, wx-server-sdk left external (installed by the cloud from the
// function's own package.json).
import { build } from 'esbuild'
import { readFileSync, rmSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const FUNCTIONS = ['account', 'inspection', 'enterprise', 'supervision', 'scheduler']

/**
 * zod re-exports all of its ~50 message locales as a namespace, which esbuild cannot
 * tree-shake (≈ 250 KB). The functions use only English and Simplified Chinese.
 */
const zodLocalesUsed = {
  name: 'zod-locales-used',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: path.join(path.dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' }
        : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};\nexport { default as zhCN } from ${JSON.stringify(path.join(path.dirname(args.path), 'zh-CN.js'))};`,
      resolveDir: path.dirname(args.path),
    }))
  },
}

/** exceljs stays out of index.js: the export actions load it from vendor/exceljs.js on first use. */
const VENDOR_EXCELJS = './vendor/exceljs.js'
const lazyExceljs = {
  name: 'lazy-exceljs',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: VENDOR_EXCELJS, external: true }))
  },
}

async function buildVendorExceljs(fnDir) {
  await build({
    entryPoints: [path.join(root, 'node_modules', 'exceljs', 'excel.js')],
    outfile: path.join(fnDir, 'vendor', 'exceljs.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
  })
}

export async function buildFunctions({ quiet = false } = {}) {
  const sizes = {}
  for (const fn of FUNCTIONS) {
    const outfile = path.join(root, 'cloudfunctions', fn, 'index.js')
    await build({
      entryPoints: [path.join(root, 'server', 'entries', `${fn}.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      external: ['wx-server-sdk'],
      tsconfig: path.join(root, 'tsconfig.json'),
      logLevel: 'warning',
      plugins: [zodLocalesUsed, lazyExceljs],
    })
    sizes[fn] = statSync(outfile).size
    const vendorDir = path.join(root, 'cloudfunctions', fn, 'vendor')
    rmSync(vendorDir, { recursive: true, force: true })
    if (readFileSync(outfile, 'utf8').includes(VENDOR_EXCELJS)) await buildVendorExceljs(path.dirname(outfile))
  }
  if (!quiet) for (const [fn, size] of Object.entries(sizes)) console.log(`cloudfunctions/${fn}/index.js  ${(size / 1024).toFixed(1)} KB`)
  return sizes
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildFunctions().catch((err) => {
    console.error(err.message)
    process.exit(1)
  })
}
