import type { Context } from 'hono';
import type { Job } from '../jobs/job-schema.js';

/** 202 Accepted with the job and where to poll it: the shape every route that starts a job answers with. */
export function acceptedJob(c: Context, job: Job): Response {
  c.header('location', `/jobs/${job.id}`);
  return c.json(job, 202);
}
