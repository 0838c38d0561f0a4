import type { Accounts } from './accounts.js';

export type FirstAdminOutcome = 'created' | 'users_exist' | 'no_users';

/**
 * ADMIN_USER/ADMIN_PASSWORD create the first admin, and only while the store has no users: once
 * someone exists, the variables can no longer reset an account (a leaked .env must not be a key
 * to the product forever).
 */
export async function ensureFirstAdmin(
  accounts: Accounts,
  admin: { name?: string; password?: string },
  log: { info: (message: string) => void; warn: (message: string) => void },
): Promise<FirstAdminOutcome> {
  if ((await accounts.countUsers()) > 0) {
    if (admin.name) log.info('user accounts: users exist, ADMIN_USER/ADMIN_PASSWORD ignored');
    return 'users_exist';
  }
  if (admin.name && admin.password) {
    const user = await accounts.createUser({ name: admin.name, password: admin.password, role: 'admin' });
    log.info(`user accounts: created the first admin "${user.name}" from ADMIN_USER`);
    return 'created';
  }
  log.warn('user accounts are on but there are no users: set ADMIN_USER and ADMIN_PASSWORD, or run `npm run users -- add <name> --role admin`');
  return 'no_users';
}
