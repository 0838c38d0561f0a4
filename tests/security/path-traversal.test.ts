import { describe, expect, it } from 'vitest';
import { useTestApp } from '../fixtures/engine.js';
import { SEED } from '../fixtures/seeds.js';
import { strictErrorSchema } from '../serve/http-helpers.js';

/**
 * Ids and file names that try to climb out of the corpus (seeds/) or the web folder. (A bare `..`
 * or `%2e%2e` segment is resolved by URL parsing itself, to the parent route: see the last test.)
 */
const ESCAPES = [
  '..%2Fpackage.json',
  '..%2F..%2Fpackage.json',
  '..%2Fseeds%2Fcatalog.json',
  'catalog.json',
  '%2e%2e%2fpackage.json',
  '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
  '..%5C..%5Cpackage.json',
  '%252e%252e%252fpackage.json',
  '....%2F%2Fpackage.json',
  '%2Fetc%2Fpasswd',
  '%2Fwork%2Fmain%2Fpackage.json',
  `..%2Fseeds%2F${SEED.hubei2025}`,
  `${SEED.hubei2025}%00.json`,
  `${SEED.hubei2025}%2F..%2F..%2Fpackage.json`,
  '.env',
  '%2e%2e%2f',
];

describe('paths can never escape the corpus or the web folder', () => {
  const served = useTestApp();

  it('a real document id is served from the index', async () => {
    const response = await served.app.request(`/documents/${SEED.hubei2025}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe(SEED.hubei2025);
  });

  for (const prefix of ['/documents/', '/web/', '/docs/assets/']) {
    it(`${prefix}<escape> is a JSON 404 and leaks no file`, async () => {
      for (const escape of ESCAPES) {
        const response = await served.app.request(`${prefix}${escape}`);
        const text = await response.text();
        const where = `${prefix}${escape} → ${response.status} ${text.slice(0, 120)}`;
        expect(response.status, where).toBe(404);
        expect(strictErrorSchema.safeParse(JSON.parse(text)).success, where).toBe(true);
        expect(text, where).not.toMatch(/policy-report-qa|root:x:0|"dependencies"|湖北经信这一年/);
      }
    });
  }

  it('unencoded ../ is resolved by URL parsing before routing and never reaches a file', async () => {
    for (const path of ['/documents/../package.json', '/web/../package.json', '/documents/../../etc/passwd', '/web/../../../../etc/passwd', '/web/%2e%2e/package.json']) {
      const response = await served.app.request(`http://localhost${path}`);
      const text = await response.text();
      expect(response.status, path).toBe(404);
      expect(text, path).not.toMatch(/"dependencies"|root:x:0/);
    }
  });
});
