import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { DocumentChange, Job, JobKind, JobProgress, ReindexReport } from './job-schema.js';

/** What a job's work reports when it is done. */
export interface JobOutcome {
  documents?: DocumentChange[];
  reindex?: ReindexReport;
}

export type JobWork = (progress: (progress: JobProgress) => void) => Promise<JobOutcome>;

export interface JobQueueOptions {
  /** Finished jobs kept for GET /jobs/:id; the oldest finished ones are forgotten beyond this. */
  keep?: number;
  /** Errors that are not AppErrors are bugs: logged here, reported to the client as `internal`. */
  onUnexpected?: (error: unknown, job: Job) => void;
  now?: () => Date;
}

const DEFAULT_KEEP = 200;

/**
 * Index changes as jobs, run one at a time in the order they came: two uploads never race each other's
 * re-index, and each caller gets an id to poll instead of holding a request open for a long PDF.
 * Jobs live in memory: a restart forgets them, as it re-indexes the seeds folder anyway.
 */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private tail: Promise<unknown> = Promise.resolve();
  private readonly keep: number;
  private readonly now: () => Date;

  constructor(private readonly options: JobQueueOptions = {}) {
    this.keep = options.keep ?? DEFAULT_KEEP;
    this.now = options.now ?? (() => new Date());
  }

  submit(kind: JobKind, initial: JobProgress, work: JobWork, file?: string): Job {
    const at = this.now().toISOString();
    const job: Job = { id: randomUUID(), kind, state: 'queued', ...(file ? { file } : {}), createdAt: at, updatedAt: at, progress: initial };
    this.jobs.set(job.id, job);
    this.forgetOld();
    const run = this.tail.then(() => this.run(job, work));
    this.tail = run;
    return this.get(job.id) as Job;
  }

  /** A copy, so a caller never sees (or makes) a half-updated job. */
  get(id: string): Job | undefined {
    const job = this.jobs.get(id);
    return job && structuredClone(job);
  }

  /** The queued or running job of this kind, if any: a second re-index request joins it. */
  pending(kind: JobKind): Job | undefined {
    for (const job of this.jobs.values()) if (job.kind === kind && (job.state === 'queued' || job.state === 'running')) return this.get(job.id);
    return undefined;
  }

  /** Resolves once the job is done or failed (tests, shutdown); undefined for an unknown id. */
  async settled(id: string): Promise<Job | undefined> {
    await this.tail;
    return this.get(id);
  }

  private update(job: Job, change: Partial<Job>): void {
    Object.assign(job, change, { updatedAt: this.now().toISOString() });
  }

  private async run(job: Job, work: JobWork): Promise<void> {
    this.update(job, { state: 'running' });
    try {
      const outcome = await work((progress) => this.update(job, { progress }));
      this.update(job, { state: 'done', ...outcome, finishedAt: this.now().toISOString() });
    } catch (error) {
      if (!(error instanceof AppError)) this.options.onUnexpected?.(error, job);
      const reported = error instanceof AppError ? { code: error.code, message: error.message } : { code: 'internal', message: 'internal error' };
      this.update(job, { state: 'failed', error: reported, finishedAt: this.now().toISOString() });
    }
  }

  private forgetOld(): void {
    if (this.jobs.size <= this.keep) return;
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.keep) break;
      if (job.state === 'done' || job.state === 'failed') this.jobs.delete(id);
    }
  }
}
