import type { Role } from './roles.js';

export interface AccessSettings {
  /** API_KEY set or user accounts on: reading the reports needs a credential. */
  readRequiresAuth: boolean;
  /** /admin/* routes exist (ADMIN_TOKEN set or user accounts on). */
  adminRoutes: boolean;
  /** /auth/keys and /admin/users|keys exist. */
  accounts: boolean;
}

export type Requirement = Role | 'public';

/**
 * Which role each path needs, decided in one place so a new route cannot be forgotten: everything
 * that answers from, lists or changes the reports is protected; what a browser needs before
 * signing in (the page's files, /health, /openapi.json, /docs, /auth/login|me|logout) is public.
 * Paths of features that are off are public, so they answer 404 like any unknown path.
 */
const RULES: Array<{ pattern: RegExp; methods?: string[]; role: Role; when: (s: AccessSettings) => boolean; always?: boolean }> = [
  { pattern: /^\/admin\/(users|keys)(\/|$)/, role: 'admin', when: (s) => s.accounts, always: true },
  { pattern: /^\/admin(\/|$)/, role: 'editor', when: (s) => s.adminRoutes, always: true },
  // Adding and removing reports changes what everyone reads.
  { pattern: /^\/documents(\/|$)/, methods: ['POST', 'PUT', 'PATCH', 'DELETE'], role: 'editor', when: (s) => s.adminRoutes, always: true },
  // An upload's or re-index's progress: for whoever may start one.
  { pattern: /^\/jobs(\/|$)/, role: 'editor', when: (s) => s.adminRoutes, always: true },
  // A user's own keys: any signed-in user; the route itself requires an account behind the credential.
  { pattern: /^\/auth\/keys(\/|$)/, role: 'reader', when: (s) => s.accounts, always: true },
  { pattern: /^\/(ask|v1|documents|indicators)(\/|$)/, role: 'reader', when: () => true },
];

export function requirementFor(path: string, settings: AccessSettings, method = 'GET'): Requirement {
  for (const rule of RULES) {
    if (!rule.pattern.test(path) || !rule.when(settings) || (rule.methods && !rule.methods.includes(method))) continue;
    // Data routes are open when no credential is configured at all (the default, local set-up).
    return rule.always || settings.readRequiresAuth ? rule.role : 'public';
  }
  return 'public';
}
