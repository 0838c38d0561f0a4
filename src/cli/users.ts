import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { Accounts, type PublicApiKey } from '../serve/auth/accounts.js';
import { createKeySchema, passwordSchema, userNameSchema } from '../serve/auth/auth-schemas.js';
import { FileUserStore } from '../serve/auth/file-user-store.js';
import { roleSchema } from '../serve/auth/roles.js';
import { parseWith } from '../serve/validation.js';
import { readPassword } from './read-password.js';

const USAGE = `usage: npm run users -- <command>
  add <name> [--role reader|editor|admin]   create a user (password from a hidden prompt or stdin's first line)
  list                                      users and their roles
  role <name> <reader|editor|admin>         change a role
  passwd <name>                             set a new password (ends the user's sessions)
  disable <name> | enable <name>            lock or unlock an account (disabling ends its sessions)
  remove <name>                             delete a user with their sessions and keys
  key <name> [--label text] [--role role]   create an API key; the secret is printed once
  keys [name]                               API keys (all, or one user's)
  revoke <key-id>                           revoke an API key
The store is AUTH_FILE (default data/auth.json); a running server sees changes at once.`;

function keyLine(key: PublicApiKey, owner: string): string {
  return [key.id, owner, key.role, `${key.prefix}…`, key.label, key.revokedAt ? `revoked ${key.revokedAt}` : 'active'].join('\t');
}

async function userId(accounts: Accounts, name: string | undefined): Promise<string> {
  const user = name ? await accounts.findByName(name) : undefined;
  if (!user) throw new AppError('not_found', 404, name ? `no user named ${name}` : 'give a user name', 'name');
  return user.id;
}

async function run(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, label: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, first, second] = positionals;
  if (values.help || !command) return USAGE;
  const config = loadConfig();
  const accounts = new Accounts({ store: new FileUserStore(config.AUTH_FILE) });
  const names = new Map((await accounts.listUsers()).map((u) => [u.id, u.name]));

  switch (command) {
    case 'add': {
      const name = parseWith(userNameSchema, first, 'name');
      const role = parseWith(roleSchema, values.role ?? 'reader', 'role');
      const password = parseWith(passwordSchema, await readPassword(`password for ${name}: `), 'password');
      const user = await accounts.createUser({ name, password, role });
      // The accounts exist either way; say so when the server would not use them yet.
      const note = config.AUTH_USERS ? '' : `\nnote: the server signs users in only with AUTH_USERS=true (store: ${config.AUTH_FILE})`;
      return `created ${user.name} (${user.role}, id ${user.id})${note}`;
    }
    case 'list':
      return (await accounts.listUsers()).map((u) => [u.id, u.name, u.role, u.disabled ? 'disabled' : 'active', u.createdAt].join('\t')).join('\n') || 'no users';
    case 'role': {
      const user = await accounts.updateUser(await userId(accounts, first), { role: parseWith(roleSchema, second, 'role') });
      return `${user.name} is now ${user.role}`;
    }
    case 'passwd': {
      const id = await userId(accounts, first);
      const password = parseWith(passwordSchema, await readPassword(`new password for ${first}: `), 'password');
      await accounts.updateUser(id, { password });
      return `password of ${first} changed; their sessions have ended`;
    }
    case 'disable':
    case 'enable': {
      const user = await accounts.updateUser(await userId(accounts, first), { disabled: command === 'disable' });
      return `${user.name} ${user.disabled ? 'disabled' : 'enabled'}`;
    }
    case 'remove':
      await accounts.removeUser(await userId(accounts, first));
      return `removed ${first}`;
    case 'key': {
      const input = parseWith(createKeySchema, { label: values.label ?? 'cli', ...(values.role ? { role: values.role } : {}) }, 'key');
      const { key, secret } = await accounts.createKey(await userId(accounts, first), input);
      return `${secret}\n(key ${key.id}, ${key.role}, for ${first}: shown once, store it now)`;
    }
    case 'keys': {
      const keys = await accounts.listKeys(first ? await userId(accounts, first) : undefined);
      return keys.map((k) => keyLine(k, names.get(k.userId) ?? k.userId)).join('\n') || 'no keys';
    }
    case 'revoke': {
      const key = await accounts.revokeKey(first ?? '');
      return `revoked ${key.id} (${key.label})`;
    }
    default:
      throw new AppError('invalid_request', 400, `unknown command ${command}\n${USAGE}`);
  }
}

run(process.argv.slice(2)).then(
  (output) => console.log(output),
  (error: unknown) => {
    // One line for the operator; a stack only for real bugs.
    if (error instanceof AppError) console.error(`error: ${error.message}`);
    else console.error(error);
    process.exitCode = 1;
  },
);
