import type { Hono } from 'hono';
import type { Accounts } from '../auth/accounts.js';
import { createKeySchema, createUserSchema, updateUserSchema } from '../auth/auth-schemas.js';
import { parseWith } from '../validation.js';
import { readJsonBody } from './ask.js';

/** User and key administration (admin role, enforced by the access policy for /admin/users and /admin/keys). */
export function registerUsers(app: Hono, accounts: Accounts): void {
  app.get('/admin/users', async (c) => c.json({ users: await accounts.listUsers() }));
  app.post('/admin/users', async (c) => {
    const body = parseWith(createUserSchema, await readJsonBody(c.req.raw), 'body');
    return c.json({ user: await accounts.createUser(body) }, 201);
  });
  app.patch('/admin/users/:id', async (c) => {
    const body = parseWith(updateUserSchema, await readJsonBody(c.req.raw), 'body');
    return c.json({ user: await accounts.updateUser(c.req.param('id'), body) });
  });
  app.delete('/admin/users/:id', async (c) => {
    await accounts.removeUser(c.req.param('id'));
    return c.json({ status: 'removed' });
  });

  app.get('/admin/keys', async (c) => c.json({ keys: await accounts.listKeys() }));
  app.post('/admin/users/:id/keys', async (c) => {
    const body = parseWith(createKeySchema, await readJsonBody(c.req.raw), 'body');
    return c.json(await accounts.createKey(c.req.param('id'), body), 201);
  });
  app.delete('/admin/keys/:id', async (c) => c.json({ key: await accounts.revokeKey(c.req.param('id')) }));
}
