// Compiles the server side (apps/api, apps/worker, libs) with SWC into dist/server,
// mirroring the source tree so path aliases become plain relative requires.
// Type checking is separate (`tsc` in `npm run lint`).
const { transformFile } = require('@swc/core');
const fs = require('node:fs');
const path = require('node:path');
const { swcOptions, root } = require('./swc-options.cjs');

const SOURCES = ['apps/api/src', 'apps/worker/src', 'libs', 'test/bench'];
const OUT = path.join(root, 'dist/server');

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts'))
      yield full;
  }
}

async function main() {
  const started = Date.now();
  fs.rmSync(OUT, { recursive: true, force: true });
  const files = SOURCES.flatMap((dir) => [...walk(path.join(root, dir))]);
  const options = swcOptions();
  await Promise.all(
    files.map(async (file) => {
      const { code } = await transformFile(file, { ...options, filename: file, swcrc: false, configFile: false });
      const target = path.join(OUT, path.relative(root, file)).replace(/\.ts$/, '.js');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, code);
    }),
  );
  console.log(`Compiled ${files.length} files to dist/server in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
