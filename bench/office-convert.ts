import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';
// LibreOffice lays out a long report in well under a minute here; a hung conversion must not stall the bench.
const CONVERT_TIMEOUT_MS = 5 * 60_000;

/** LibreOffice's version line, or undefined when it is not installed (the PDF/DOCX rows are then skipped). */
export async function libreOfficeVersion(): Promise<string | undefined> {
  try {
    const { stdout } = await run(SOFFICE, ['--version'], { timeout: 60_000 });
    return stdout.trim() || 'LibreOffice';
  } catch {
    return undefined;
  }
}

export type OfficeTarget = 'pdf' | 'docx';

/**
 * Converts a UTF-8 text file with LibreOffice headless, as a user exporting a report would. `lastPage` cuts
 * a PDF at that page (the export filter's PageRange), so a long text gives a PDF of exactly that length.
 * A throwaway profile folder keeps runs independent of any desktop LibreOffice settings.
 */
export async function convertText(textFile: string, target: OfficeTarget, outDir: string, lastPage?: number): Promise<string> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'soffice-profile-'));
  const filter = target === 'pdf' && lastPage ? `pdf:writer_pdf_Export:{"PageRange":{"type":"string","value":"1-${lastPage}"}}` : target;
  try {
    await run(
      SOFFICE,
      ['--headless', `-env:UserInstallation=file://${profile}`, '--infilter=Text (encoded):UTF8', '--convert-to', filter, '--outdir', outDir, textFile],
      { timeout: CONVERT_TIMEOUT_MS },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return path.join(outDir, `${path.basename(textFile, path.extname(textFile))}.${target}`);
}
