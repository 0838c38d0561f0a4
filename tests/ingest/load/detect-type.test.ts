import { describe, expect, it } from 'vitest';
import { detectType } from '../../../ingest/load/detect-type.js';
import { fixtureBytes } from './format-fixtures.js';

describe('detectType reads the content, not the name', () => {
  it.each([
    ['report.pdf', 'download.txt', 'pdf'],
    ['report.docx', 'report.doc', 'docx'],
    ['report.html', 'page.txt', 'html'],
    ['report.txt', 'report.md', 'md'],
    ['report.txt', 'report.html', 'txt'],
  ])('%s saved as %s is %s', (fixture, name, format) => {
    expect(detectType(fixtureBytes(fixture), name)).toBe(format);
  });

  it('a zip that is not a Word document is not loaded', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('xl/workbook.xml')]);
    expect(detectType(zip, 'table.docx')).toBeUndefined();
  });
});
