import { createHash } from 'node:crypto';
import {
  codeChallenge,
  flowKey,
  newFlow,
  OIDC_FLOW_SECONDS,
  openFlow,
  safeReturnPath,
  sealFlow,
} from './oidc-flow';

const NOW = 1_800_000_000;
const key = flowKey('client-secret', 'kk');

describe('the sign-in flow cookie', () => {
  const flow = newFlow('kk', 'https://mentor.example.dk/api/auth/oidc/kk/callback', '/courses', NOW);

  it('makes fresh random state, nonce and verifier for every sign-in', () => {
    const other = newFlow('kk', flow.redirectUri, '/', NOW);
    for (const field of ['state', 'nonce', 'verifier'] as const) {
      expect(flow[field]).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(flow[field]).not.toBe(other[field]);
    }
    expect(flow.expiresAt).toBe(NOW + OIDC_FLOW_SECONDS);
  });

  it('opens what it sealed, until it expires', () => {
    const sealed = sealFlow(flow, key);
    expect(openFlow(sealed, key, 'kk', NOW + 10)).toEqual(flow);
    expect(openFlow(sealed, key, 'kk', NOW + OIDC_FLOW_SECONDS)).toBeUndefined();
  });

  it('hides state, nonce and verifier, and differs every time', () => {
    const sealed = sealFlow(flow, key);
    const bytes = Buffer.from(sealed, 'base64url').toString('latin1');
    for (const field of ['state', 'nonce', 'verifier'] as const) expect(bytes).not.toContain(flow[field]);
    expect(sealFlow(flow, key)).not.toBe(sealed);
  });

  it("refuses a changed cookie, another provider's key or name, and garbage", () => {
    const sealed = sealFlow(flow, key);
    const bytes = Buffer.from(sealed, 'base64url');
    for (const at of [0, 20, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at] ?? 0) ^ 1;
      expect(openFlow(changed.toString('base64url'), key, 'kk', NOW)).toBeUndefined();
    }
    expect(openFlow(sealed, flowKey('client-secret', 'other'), 'kk', NOW)).toBeUndefined();
    expect(openFlow(sealed, flowKey('another-secret', 'kk'), 'kk', NOW)).toBeUndefined();
    expect(openFlow(sealed, key, 'other', NOW)).toBeUndefined();
    for (const garbage of [undefined, '', 'x', `${sealed}.x`, 'A'.repeat(40), 'a'.repeat(5000)])
      expect(openFlow(garbage, key, 'kk', NOW)).toBeUndefined();
  });

  it('derives the S256 challenge of RFC 7636', () => {
    // The example of RFC 7636 appendix B.
    expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
    expect(codeChallenge(flow.verifier)).toBe(createHash('sha256').update(flow.verifier).digest('base64url'));
  });
});

describe('safeReturnPath', () => {
  it('keeps paths of the web app', () => {
    expect(safeReturnPath('/courses/1?tab=messages')).toBe('/courses/1?tab=messages');
    expect(safeReturnPath('/')).toBe('/');
  });

  it('sends anything else to the start page', () => {
    for (const value of [
      undefined,
      ['/a', '/b'],
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'courses',
      '/api/me',
      '/login?x=1',
      '/a\nb',
      `/${'a'.repeat(600)}`,
    ])
      expect(safeReturnPath(value)).toBe('/');
  });
});
