import { describe, expect, it } from 'vitest';
import { crossSiteRefusal } from './origin';

const req = (h: Record<string, string>) => new Request('http://127.0.0.1:3000/api/import', { method: 'POST', headers: h });

describe('crossSiteRefusal', () => {
  it('refuses another origin, even as text/plain', () => {
    expect(crossSiteRefusal(req({ host: '127.0.0.1:3000', origin: 'http://evil.example', 'content-type': 'text/plain' }))).toBe('拒绝跨站请求');
  });
  it('refuses a cross-site fetch without Origin', () => {
    expect(crossSiteRefusal(req({ host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }))).toBe('拒绝跨站请求');
  });
  it('accepts the same origin, and clients that send no Origin (curl, scripts)', () => {
    expect(crossSiteRefusal(req({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(crossSiteRefusal(req({ host: '127.0.0.1:3000' }))).toBeNull();
  });
  it('uses the proxy host when behind one', () => {
    expect(crossSiteRefusal(req({ host: '127.0.0.1:3000', 'x-forwarded-host': 'yibao.example.gov.cn', origin: 'https://yibao.example.gov.cn' }))).toBeNull();
  });
});
