/** Following a 202 job to its end over HTTP, as a client would: GET /jobs/:id until done or failed. */
import type { Hono } from 'hono';
import { expect } from 'vitest';
import { jobSchema, type Job } from '../../src/serve/jobs/job-schema.js';

/** The 202 body, checked against the schema the OpenAPI document publishes, with its Location header. */
export async function acceptedJob(response: Response): Promise<Job> {
  expect(response.status).toBe(202);
  const job = jobSchema.parse(await response.json());
  expect(response.headers.get('location')).toBe(`/jobs/${job.id}`);
  return job;
}

/** Polls until the job finishes; every state seen is returned too (no timing: the test's own timeout is the limit). */
export async function finishedJob(app: Hono, job: Job, headers: Record<string, string> = {}): Promise<{ job: Job; seen: Job[] }> {
  const seen: Job[] = [];
  for (;;) {
    const response = await app.request(`/jobs/${job.id}`, { headers });
    expect(response.status).toBe(200);
    const current = jobSchema.parse(await response.json());
    seen.push(current);
    if (current.state === 'done' || current.state === 'failed') return { job: current, seen };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
