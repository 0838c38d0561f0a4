import type { IngestProgress } from '../../../ingest/pipeline.js';
import type { JobProgress } from './job-schema.js';

/** A job's progress from the re-index's: the pages of a PDF being read count first, then files, documents, chunks. */
export function jobProgressOf(event: IngestProgress): JobProgress {
  const pages = event.file?.pages;
  if (pages) return { done: pages.done, total: pages.total, unit: 'page' };
  return { done: event.done, total: event.total, unit: event.unit };
}
