/** The PDF/DOCX bench rows: enough text for the pages asked, and the ≤ 20 s target read from the PDF row. */
import { describe, expect, it } from 'vitest';
import type { FormatIngestRow } from '../../bench/format-ingest.js';
import { CHARS_PER_PAGE, longReportText } from '../../bench/long-report.js';
import { formatTable } from '../../bench/report.js';
import { readSourceReports } from '../../bench/synthetic-corpus.js';
import { pdfTarget } from '../../bench/targets.js';
import type { IngestMeasurement } from '../../bench/worker-protocol.js';

function row(format: 'pdf' | 'docx', pages: number, totalMs: number): FormatIngestRow {
  const ingest: IngestMeasurement = {
    documents: 1, sections: 3, chunks: 10, indicators: 20, vectors: 0,
    timingsMs: { load: totalMs / 2, normalize: 1, sections: 1, chunks: 1, indicators: 1, bm25: 1, embeddings: 0, write: 1, total: totalMs },
    processMs: totalMs + 3000, peakRssMb: 200, indexBytes: 1000, dense: { active: false },
  };
  return { format, file: `report.${format}`, bytes: 1024, pages, pagesFrom: 'the PDF', ingest, runsMs: [totalMs] };
}

describe('long report text', () => {
  it('repeats the seed reports until the pages asked for are filled, whole reports only', async () => {
    const sources = await readSourceReports('seeds');
    const text = longReportText(sources, 100);
    expect(text.length).toBeGreaterThanOrEqual(100 * CHARS_PER_PAGE);
    expect(text.startsWith(sources[0].text.trim())).toBe(true);
    expect(longReportText(sources, 1)).toBe(sources[0].text.trim());
  });
});

describe('the 100-page PDF target', () => {
  it('is met at 4.3 s for 100 pages and missed at 25 s', () => {
    expect(pdfTarget({ tool: 'LibreOffice', rows: [row('pdf', 100, 4300), row('docx', 111, 3000)] })).toMatchObject({ met: true, measured: '4.3 s for 100 pages (43 ms/page)' });
    expect(pdfTarget({ tool: 'LibreOffice', rows: [row('pdf', 100, 25_000)] }).met).toBe(false);
  });

  it('is not measured, saying why, without LibreOffice or with a shorter PDF', () => {
    expect(pdfTarget({ skipped: 'LibreOffice (soffice) is not installed' })).toMatchObject({ met: null, measured: 'n/a', note: 'LibreOffice (soffice) is not installed' });
    expect(pdfTarget({ tool: 'LibreOffice', rows: [row('pdf', 20, 900)] })).toMatchObject({ met: null, note: 'only 20 pages (--pages)' });
  });

  it('the report says when the rows were skipped instead of printing figures', () => {
    expect(formatTable({ skipped: 'LibreOffice (soffice) is not installed' })).toBe('PDF/DOCX rows skipped: LibreOffice (soffice) is not installed');
    expect(formatTable({ tool: 'LibreOffice 7.4', rows: [row('pdf', 100, 4300)] })).toMatch(/\| PDF +\| report\.pdf.*\| +4\.30 \| +43\.0 \|/);
  });
});
