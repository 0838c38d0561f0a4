import type { IngestProgress } from './pipeline.js';

const BAR_WIDTH = 24;

/** A progress bar on a terminal, one line per stage change otherwise (logs, CI). */
export function createProgressReporter(stream: NodeJS.WriteStream): (event: IngestProgress) => void {
  let lastStage = '';
  return (event) => {
    const fraction = event.total ? event.done / event.total : 1;
    if (stream.isTTY) {
      const filled = Math.round(fraction * BAR_WIDTH);
      const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
      stream.write(`\r${event.stage.padEnd(8)} ${bar} ${event.done}/${event.total} ${(event.message ?? '').slice(0, 40).padEnd(40)}`);
      if (event.stage === 'done') stream.write('\n');
    } else if (event.stage !== lastStage || event.done === event.total) {
      if (event.done === event.total) stream.write(`${event.stage}: ${event.done}/${event.total}${event.message ? ` ${event.message}` : ''}\n`);
    }
    lastStage = event.stage;
  };
}
