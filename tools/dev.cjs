// `npm run dev`: the console on Vite's dev server (hot reload, http://localhost:4200, /api
// proxied to the api) and the api rebuilt and restarted whenever server code changes.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const apiEntry = path.join(root, 'dist/server/apps/api/src/main.js');
let api = null;
let timer = null;

function build() {
  execFileSync(process.execPath, [path.join(__dirname, 'build-server.cjs')], { stdio: 'inherit', cwd: root });
}

function startApi() {
  api = spawn(process.execPath, ['--enable-source-maps', apiEntry], { stdio: 'inherit', cwd: root });
}

function restart() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const next = () => {
      try {
        build();
        startApi();
      } catch (error) {
        console.error('build failed; waiting for the next change', error.message);
      }
    };
    if (api && api.exitCode === null) {
      api.once('exit', next);
      api.kill('SIGTERM');
    } else next();
  }, 200);
}

build();
startApi();
for (const dir of ['apps/api/src', 'apps/worker/src', 'libs']) {
  fs.watch(path.join(root, dir), { recursive: true }, (_event, file) => {
    if (file && file.endsWith('.ts') && !file.endsWith('.spec.ts')) restart();
  });
}
const vite = spawn(
  process.execPath,
  [path.join(root, 'node_modules/vite/bin/vite.js'), '--config', 'apps/console/vite.config.mts'],
  {
    stdio: 'inherit',
    cwd: root,
  },
);
const stop = () => {
  vite.kill('SIGTERM');
  if (api) api.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
