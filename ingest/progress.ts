import type { IngestProgress } from './pipeline.js';

const BAR_WIDTH = 24;
/** Without a terminal, a long PDF gets a line at every quarter of its pages, not one per page. */
const PAGE_LINE_STEPS = 4;

/** Where the reporter writes: process.stderr in the CLI, a buffer in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

function bar(fraction: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Share of the stage that is done; a file's pages count as part of the file being read. */
function fraction(event: IngestProgress): number {
  if (!event.total) return 1;
  const pages = event.file?.pages;
  const partial = pages && pages.total ? pages.done / pages.total : 0;
  return (event.done + partial) / event.total;
}

function describe(event: IngestProgress): string {
  const counted = `${event.done}/${plural(event.total, event.unit)}`;
  const pages = event.file?.pages;
  const file = event.file ? ` ${event.file.name}${pages ? ` page ${pages.done}/${pages.total}` : ''}` : '';
  return `${counted}${file}${event.message ? ` ${event.message}` : ''}`;
}

/**
 * Ingest progress for people: on a terminal one bar redrawn in place (per file, and per page while a PDF
 * is read); otherwise (logs, CI, a pipe) plain lines: each file as it is read, a long PDF's pages by quarters,
 * and each other stage once it completes.
 */
export function createProgressReporter(stream: ProgressStream): (event: IngestProgress) => void {
  let lastPageStep = -1;
  return (event) => {
    if (stream.isTTY) {
      // \x1b[K clears what a longer previous line left behind.
      stream.write(`\r${event.stage.padEnd(8)} ${bar(fraction(event))} ${describe(event)}\x1b[K`);
      if (event.stage === 'done') stream.write('\n');
      return;
    }
    const pages = event.file?.pages;
    if (event.stage === 'load') {
      if (pages) {
        const step = Math.floor((pages.done / pages.total) * PAGE_LINE_STEPS);
        if (step > lastPageStep && step > 0) stream.write(`load: ${event.file?.name} page ${pages.done}/${pages.total}\n`);
        lastPageStep = step;
      } else {
        lastPageStep = -1;
        if (event.file) stream.write(`load: file ${event.done + 1}/${event.total} ${event.file.name}\n`);
        else stream.write(`load: ${plural(event.total, 'file')} read\n`);
      }
      return;
    }
    if (event.done === event.total) stream.write(`${event.stage}: ${describe(event)}\n`);
  };
}
