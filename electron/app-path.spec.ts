import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appResponseHeaders, mimeTypeFor, resolveAppPath } from './app-path';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from './csp';

const root = path.resolve('/srv/landpatrol/dist/renderer');
const inRoot = (...p: string[]): string => path.join(root, ...p);

describe('resolveAppPath', () => {
  it('serves index.html for the root and the index URL', () => {
    for (const url of ['app://landpatrol/', 'app://landpatrol', 'app://landpatrol/?x=1', 'app://landpatrol/#/map', APP_INDEX_URL]) {
      expect(resolveAppPath(root, url)).toEqual({ ok: true, filePath: inRoot('index.html'), mimeType: 'text/html; charset=utf-8' });
    }
  });

  it('serves nested assets and ignores query and fragment', () => {
    expect(resolveAppPath(root, 'app://landpatrol/assets/index-Ab12.js?v=3#x')).toEqual({
      ok: true,
      filePath: inRoot('assets', 'index-Ab12.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
  });

  it('decodes percent-encoded UTF-8 names (Chinese file names)', () => {
    const r = resolveAppPath(root, `app://landpatrol/samples/${encodeURIComponent('村界.geojson')}`);
    expect(r).toEqual({ ok: true, filePath: inRoot('samples', '村界.geojson'), mimeType: 'application/geo+json; charset=utf-8' });
  });

  it('accepts the host case-insensitively (Chromium lower-cases standard hosts anyway)', () => {
    expect(resolveAppPath(root, 'APP://LandPatrol/index.html').ok).toBe(true);
  });

  const attacks: [string, string][] = [
    ['app://landpatrol/../secret.txt', 'traversal'],
    ['app://landpatrol/assets/../../secret.txt', 'traversal'],
    ['app://landpatrol/./index.html', 'traversal'],
    ['app://landpatrol/%2e%2e/secret.txt', 'traversal'],
    ['app://landpatrol/%2E%2E/%2E%2E/etc/passwd', 'traversal'],
    ['app://landpatrol/.%2e/secret.txt', 'traversal'],
    ['app://landpatrol/assets%2f..%2f..%2fsecret.txt', 'encoded-separator'],
    ['app://landpatrol/assets%2F..%2Fsecret.txt', 'encoded-separator'],
    ['app://landpatrol/..\\secret.txt', 'backslash'],
    ['app://landpatrol/assets%5c..%5csecret.txt', 'backslash'],
    ['app://landpatrol/index.html%00.png', 'nul'],
    ['app://landpatrol/index.html\0.png', 'nul'],
    ['app://landpatrol//etc/passwd', 'empty-segment'],
    ['app://landpatrol/assets//x.js', 'empty-segment'],
    ['app://landpatrol/C:/Windows/win.ini', 'forbidden-name'],
    ['app://landpatrol/C%3A/Windows/win.ini', 'forbidden-name'],
    ['app://landpatrol/%252e%252e/secret.txt', 'forbidden-name'],
    ['app://landpatrol/con.js', 'forbidden-name'],
    ['app://landpatrol/NUL', 'forbidden-name'],
    ['app://landpatrol/index.html.', 'forbidden-name'],
    ['app://landpatrol/index.html::$DATA', 'forbidden-name'],
    // The one file-name rule (shared/validation/file-name.ts) for every segment:
    ['app://landpatrol/COM%C2%B9.js', 'forbidden-name'],
    ['app://landpatrol/assets/CONOUT$', 'forbidden-name'],
    ['app://landpatrol/assets/x%E2%80%AEsj.png', 'forbidden-name'],
    ['app://landpatrol/in%E2%80%8Bdex.html', 'forbidden-name'],
    ['app://landpatrol/assets%20/x.js', 'forbidden-name'],
    ['app://landpatrol/a%C2%85.js', 'forbidden-name'],
    ['app://landpatrol/%E0%A4%A', 'bad-encoding'],
    ['app://evil/index.html', 'wrong-host'],
    ['app://landpatrol.evil.com/index.html', 'wrong-host'],
    ['app://landpatrol:8080/index.html', 'wrong-host'],
    ['app://user@landpatrol/index.html', 'wrong-host'],
    ['app:///etc/passwd', 'wrong-host'],
    ['file:///etc/passwd', 'wrong-scheme'],
    ['https://landpatrol/index.html', 'wrong-scheme'],
    ['/etc/passwd', 'bad-url'],
    ['', 'bad-url'],
  ];
  it.each(attacks)('refuses %j (%s)', (url, reason) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false, reason });
  });

  it('never resolves outside the root, whatever the input', () => {
    const samples = ['a', '..', '%2e', '%2f', '\\', '/', '.', 'b%00', '%5C', 'C:', '%', '～', '..%2f'];
    for (const a of samples)
      for (const b of samples)
        for (const c of samples) {
          const r = resolveAppPath(root, `app://landpatrol/${a}${b}/${c}`);
          if (r.ok) expect(path.relative(root, r.filePath).startsWith('..')).toBe(false);
        }
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['x.js', 'text/javascript; charset=utf-8'],
    ['x.MJS', 'text/javascript; charset=utf-8'],
    ['x.wasm', 'application/wasm'],
    ['x.css', 'text/css; charset=utf-8'],
    ['x.html', 'text/html; charset=utf-8'],
    ['x.json', 'application/json; charset=utf-8'],
    ['x.png', 'image/png'],
    ['x.svg', 'image/svg+xml'],
    ['x.woff2', 'font/woff2'],
    ['x.pbf', 'application/x-protobuf'],
    ['x.unknown', 'application/octet-stream'],
    ['Makefile', 'application/octet-stream'],
  ])('%s → %s', (file, mime) => expect(mimeTypeFor(file)).toBe(mime));
});

describe('appResponseHeaders', () => {
  it('sends the one CSP, nosniff and the length', () => {
    const h = appResponseHeaders('text/html; charset=utf-8', 42);
    expect(h['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Content-Length']).toBe('42');
  });

  it('the CSP allows no remote origin, and scripts from self plus WebAssembly compilation only', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('CONTENT_SECURITY_POLICY_META', () => {
  it('is the header policy without frame-ancestors (ignored in <meta>)', () => {
    expect(CONTENT_SECURITY_POLICY_META).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
  });
});

describe('policyForPath', () => {
  it("gives the basemaps' service worker, at the root only, its own policy", async () => {
    const { policyForPath } = await import('./app-path');
    const { CONTENT_SECURITY_POLICY, SERVICE_WORKER_CONTENT_SECURITY_POLICY } = await import('./csp');
    expect(policyForPath('/basemap-sw.js')).toBe(SERVICE_WORKER_CONTENT_SECURITY_POLICY);
    expect(policyForPath('/basemap-sw.js?v=1')).toBe(SERVICE_WORKER_CONTENT_SECURITY_POLICY);
    for (const p of ['/', '/index.html', '/assets/basemap-sw.js', '/basemap-sw.js.map', '/x/basemap-sw.js'])
      expect(policyForPath(p), p).toBe(CONTENT_SECURITY_POLICY);
  });
});
