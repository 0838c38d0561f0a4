/** The job queue: one job at a time in order, progress and outcome recorded, errors reported as {code, message}. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { JobQueue } from '../../../src/serve/jobs/job-queue.js';
import { jobSchema } from '../../../src/serve/jobs/job-schema.js';

const start = { done: 0, total: 1, unit: 'file' } as const;

describe('JobQueue', () => {
  it('runs jobs one after another in the order submitted, each queued until the one before is done', async () => {
    const queue = new JobQueue();
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = queue.submit('upload', start, async (progress) => {
      order.push('first:start');
      progress({ done: 2, total: 5, unit: 'page' });
      await held;
      order.push('first:end');
      return { documents: [{ id: 'a.pdf', status: 'created' }] };
    }, 'a.pdf');
    const second = queue.submit('delete', start, async () => {
      order.push('second');
      return { documents: [{ id: 'b.txt', status: 'deleted' }] };
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(queue.get(first.id)).toMatchObject({ state: 'running', file: 'a.pdf', progress: { done: 2, total: 5, unit: 'page' } });
    expect(queue.get(second.id)?.state).toBe('queued');
    expect(queue.pending('upload')?.id).toBe(first.id);
    release();
    const done = await queue.settled(second.id);
    expect(order).toEqual(['first:start', 'first:end', 'second']);
    expect(done).toMatchObject({ state: 'done', documents: [{ id: 'b.txt', status: 'deleted' }] });
    expect(queue.get(first.id)).toMatchObject({ state: 'done', documents: [{ id: 'a.pdf', status: 'created' }] });
    expect(queue.pending('upload')).toBeUndefined();
    // What GET /jobs/:id sends is what the OpenAPI document describes.
    expect(() => jobSchema.parse(queue.get(first.id))).not.toThrow();
  });

  it('a failure is the AppError’s code and message; anything else is reported as internal and logged, and the next job still runs', async () => {
    const unexpected: unknown[] = [];
    const queue = new JobQueue({ onUnexpected: (error) => unexpected.push(error) });
    const refused = queue.submit('upload', start, async () => {
      throw new AppError('ingest_failed', 422, 'x.pdf: the PDF has no text layer');
    });
    const crashed = queue.submit('reindex', start, async () => {
      throw new Error('disk on fire at /srv/secret');
    });
    const after = queue.submit('reindex', start, async () => ({}));
    await queue.settled(after.id);
    expect(queue.get(refused.id)).toMatchObject({ state: 'failed', error: { code: 'ingest_failed', message: 'x.pdf: the PDF has no text layer' } });
    expect(queue.get(crashed.id)).toMatchObject({ state: 'failed', error: { code: 'internal', message: 'internal error' } });
    expect(JSON.stringify(queue.get(crashed.id))).not.toContain('/srv/secret');
    expect(unexpected).toHaveLength(1);
    expect(queue.get(after.id)?.state).toBe('done');
  });

  it('hands out copies, and forgets the oldest finished jobs beyond its limit', async () => {
    const queue = new JobQueue({ keep: 2 });
    const jobs = [1, 2, 3].map(() => queue.submit('reindex', start, async () => ({})));
    await queue.settled(jobs[2].id);
    const copy = queue.get(jobs[2].id);
    if (copy) copy.state = 'failed';
    expect(queue.get(jobs[2].id)?.state).toBe('done');
    queue.submit('reindex', start, async () => ({}));
    expect(queue.get(jobs[0].id)).toBeUndefined();
    expect(queue.get(jobs[1].id)).toBeUndefined();
    expect(queue.get(jobs[2].id)?.state).toBe('done');
  });
});
