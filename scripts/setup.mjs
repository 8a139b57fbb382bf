#!/usr/bin/env node
// Quick, idempotent environment check run before `npm start` and `npm test` (no network, well under 1 s).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIN = [20, 19, 0];
const have = process.versions.node.split('.').map(Number);
// Lexicographic compare of [major, minor, patch]: the first differing part decides.
const firstDiff = MIN.findIndex((m, i) => (have[i] ?? 0) !== m);
const tooOld = firstDiff !== -1 && (have[firstDiff] ?? 0) < MIN[firstDiff];
let failed = false;
if (tooOld) {
  console.error(
    `需要 Node.js ≥ ${MIN.join('.')}，当前 ${process.versions.node}。 / Node.js ≥ ${MIN.join('.')} required, found ${process.versions.node}.`,
  );
  failed = true;
}
const needed = ['typescript', 'esbuild', 'vite', 'vitest', 'electron'];
const missing = needed.filter((p) => !existsSync(path.join(root, 'node_modules', p, 'package.json')));
if (missing.length > 0) {
  console.error(`缺少依赖 ${missing.join(', ')}：请运行 npm install。 / Missing dependencies (${missing.join(', ')}): run \`npm install\`.`);
  failed = true;
}
const electronDir = path.join(root, 'node_modules', 'electron');
if (!failed && !existsSync(path.join(electronDir, 'path.txt')) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  console.log(
    '提示：未安装 Electron 可执行文件，npm start 将改用浏览器预览。离线安装时可设置 ELECTRON_SKIP_BINARY_DOWNLOAD=1。\n' +
      'Note: no Electron binary installed; `npm start` falls back to a browser preview. Set ELECTRON_SKIP_BINARY_DOWNLOAD=1 for offline installs.',
  );
}
if (failed) process.exit(1);
