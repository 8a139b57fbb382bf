import { describe, expect, it } from 'vitest';
import { isAppUrl, isNavigationAllowed, isPermissionAllowed, isRequestAllowed, isTrustedSender, normaliseOrigin } from './policy';

describe('isTrustedSender', () => {
  it('trusts the main frame of app://landpatrol', () => {
    expect(isTrustedSender('app://landpatrol/index.html', true)).toBe(true);
    expect(isTrustedSender('app://landpatrol/', true)).toBe(true);
  });
  it.each([
    ['app://landpatrol/index.html', false],
    ['app://evil/index.html', true],
    ['app://landpatrol.evil/index.html', true],
    ['app://landpatrol:81/index.html', true],
    ['app://x@landpatrol/index.html', true],
    ['https://landpatrol/index.html', true],
    ['file:///C:/app/index.html', true],
    ['about:blank', true],
    ['', true],
    ['not a url', true],
  ] as const)('refuses %j (main frame: %s)', (url, main) => {
    expect(isTrustedSender(url, main)).toBe(false);
  });
  it('refuses a missing frame', () => {
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
  });
});

describe('isRequestAllowed', () => {
  it('allows our files and local URLs with the default (empty) list', () => {
    for (const url of ['app://landpatrol/assets/x.js', 'blob:app://landpatrol/0b7c', 'data:image/png;base64,AAAA']) {
      expect(isRequestAllowed(url, [])).toBe(true);
      expect(isRequestAllowed(url, [], { devTools: false })).toBe(true);
    }
  });
  it('allows devtools: in a development build only (a packaged app allows exactly app:, blob: and data:)', () => {
    const devtools = 'devtools://devtools/bundled/devtools_app.html';
    expect(isRequestAllowed(devtools, [])).toBe(false);
    expect(isRequestAllowed(devtools, [], { devTools: false })).toBe(false);
    expect(isRequestAllowed(devtools, [], { devTools: true })).toBe(true);
    // Every other scheme a Chromium page can name is refused in production, even with an origin enabled.
    const schemes = [
      'file:',
      'ftp:',
      'chrome:',
      'chrome-extension:',
      'chrome-untrusted:',
      'devtools:',
      'about:',
      'javascript:',
      'filesystem:',
      'view-source:',
      'ws:',
      'wss:',
      'http:',
      'https:',
      'mailto:',
      'ms-settings:',
      'app:',
    ];
    for (const scheme of schemes) {
      expect(isRequestAllowed(`${scheme}//other/x`, ['https://example.com'], { devTools: false }), scheme).toBe(false);
    }
  });
  it('blocks every network request by default', () => {
    for (const url of ['https://t0.tianditu.gov.cn/x', 'http://127.0.0.1:5173/', 'wss://example.com/', 'http://localhost/']) {
      expect(isRequestAllowed(url, [])).toBe(false);
    }
  });
  it('blocks other schemes and other app hosts', () => {
    for (const url of ['file:///etc/passwd', 'ftp://x/y', 'chrome-extension://abc/x.js', 'app://other/x.js', 'app://landpatrol:1/x', 'garbage']) {
      expect(isRequestAllowed(url, ['https://example.com'])).toBe(false);
    }
  });
  it('allows exactly the origins the user enabled', () => {
    const allowed = ['https://t0.tianditu.gov.cn/'];
    expect(isRequestAllowed('https://t0.tianditu.gov.cn/img_w/wmts?x=1', allowed)).toBe(true);
    expect(isRequestAllowed('http://t0.tianditu.gov.cn/img_w/wmts', allowed)).toBe(false);
    expect(isRequestAllowed('https://t0.tianditu.gov.cn:8443/', allowed)).toBe(false);
    expect(isRequestAllowed('https://t1.tianditu.gov.cn/', allowed)).toBe(false);
    expect(isRequestAllowed('https://t0.tianditu.gov.cn.evil.com/', allowed)).toBe(false);
    expect(isRequestAllowed('https://user:pw@t0.tianditu.gov.cn/', allowed)).toBe(false);
  });
  it('ignores malformed allow-list entries', () => {
    expect(isRequestAllowed('https://a.example/', ['*', '', 'a.example', 'file:///'])).toBe(false);
  });
});

describe('normaliseOrigin', () => {
  it('keeps scheme, host and port only', () => {
    expect(normaliseOrigin('HTTPS://Example.COM:443/path?q')).toBe('https://example.com');
    expect(normaliseOrigin('http://10.0.0.5:8080/')).toBe('http://10.0.0.5:8080');
    expect(normaliseOrigin('file:///x')).toBeNull();
    expect(normaliseOrigin('nonsense')).toBeNull();
  });
});

describe('navigation and permissions', () => {
  it('stays inside app://landpatrol', () => {
    expect(isNavigationAllowed('app://landpatrol/index.html#x')).toBe(true);
    expect(isNavigationAllowed('https://example.com/')).toBe(false);
    expect(isNavigationAllowed('file:///C:/Windows/')).toBe(false);
    expect(isAppUrl('app://landpatrol')).toBe(true);
  });
  it('grants no permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal']) {
      expect(isPermissionAllowed(p)).toBe(false);
    }
  });
});
