#!/usr/bin/env node
// Runs LandPatrol. With an Electron binary: `electron .` (main = dist/electron/main.cjs). Without one
// (this build machine cannot download it): serve dist/renderer on http://127.0.0.1 with the same path and
// symlink checks, MIME types and CSP as the app:// handler, so the renderer can still be used in a browser.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/**
 * The Electron binary path, or null. Not `require('electron')`: when the binary is missing, electron's
 * index.js tries to download it (a network call that fails offline). Read its path.txt instead, the
 * same way index.js does, honouring ELECTRON_OVERRIDE_DIST_PATH.
 */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const bin = override ? path.join(override, rel || 'electron') : rel ? path.join(pkgDir, 'dist', rel) : '';
  return bin && existsSync(bin) ? bin : null;
}

const bin = electronBinary();
if (bin) {
  const child = spawn(bin, [root, ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const rendererDir = path.join(root, 'dist', 'renderer');
  console.log('本机没有 Electron 可执行文件，改为在浏览器中提供界面（无文件对话框、打印为浏览器打印）。');
  console.log('The Electron binary is not available on this machine; serving the renderer for a browser instead.');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`找不到 ${path.relative(root, rendererDir)}/index.html，请先运行 npm run build。`);
    console.error(`${path.relative(root, rendererDir)}/index.html is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  // The server is TypeScript shared with the Electron side; bundle it in memory (esbuild is a dev dependency).
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [path.join(root, 'electron', 'static-server.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const code = out.outputFiles[0].text;
  const { startStaticServer, portNotice } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const port = Number(process.env.PORT) || 5173;
  // Bound to 127.0.0.1 and answering only Host 127.0.0.1:PORT / localhost:PORT (electron/static-server.ts).
  const server = await startStaticServer(rendererDir, port);
  const notice = portNotice(server);
  if (notice) console.log(notice);
  console.log(`界面地址 / Open: ${server.url}   (Ctrl+C 停止 / to stop)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
