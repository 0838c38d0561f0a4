import type { Hono } from 'hono';
import { AppError } from '../../errors.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { jobParamsSchema } from '../jobs/job-schema.js';
import { parseWith } from '../validation.js';

/** GET /jobs/:id: the state of an upload, delete or re-index, for the editors who may start one (the access policy). */
export function registerJobs(app: Hono, jobs: JobQueue): void {
  app.get('/jobs/:id', (c) => {
    const { id } = parseWith(jobParamsSchema, c.req.param(), 'id');
    const job = jobs.get(id);
    // Jobs are kept in memory: one from before a restart, or long forgotten, is gone.
    if (!job) throw new AppError('not_found', 404, `no job with id ${id} (finished jobs are kept until the server restarts, the latest 200)`, 'id');
    return c.json(job);
  });
}
