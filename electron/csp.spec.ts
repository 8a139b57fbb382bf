import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from './csp';

/** Directive → sources, in the order written; a directive given twice is kept twice (browsers use the first). */
function directives(policy: string): [string, string[]][] {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => {
      const [name = '', ...sources] = d.split(/\s+/);
      return [name, sources];
    });
}

/**
 * The exact allow-list, directive by directive. Adding a source anywhere (a CDN, 'unsafe-eval', *, a
 * tile server), a directive, or dropping one fails here; a change must be made in both places on purpose.
 * Why each source is there: electron/csp.ts.
 */
const ALLOWED: [string, string[]][] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['worker-src', ["'self'", 'blob:']],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['connect-src', ["'self'", 'blob:', 'data:']],
  ['font-src', ["'self'", 'data:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the allow-list, every directive and every source', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(ALLOWED);
  });

  it('the <meta> form is the same list less frame-ancestors (ignored in a meta tag)', () => {
    expect(directives(CONTENT_SECURITY_POLICY_META)).toEqual(ALLOWED.filter(([name]) => name !== 'frame-ancestors'));
  });
});

describe('SERVICE_WORKER_CONTENT_SECURITY_POLICY', () => {
  it("lets the basemaps' service worker fetch over http(s) only: no script, frame, image or other source", async () => {
    const { SERVICE_WORKER_CONTENT_SECURITY_POLICY } = await import('./csp');
    expect(directives(SERVICE_WORKER_CONTENT_SECURITY_POLICY)).toEqual([
      ['default-src', ["'none'"]],
      ['connect-src', ["'self'", 'http:', 'https:']],
    ]);
  });
});
