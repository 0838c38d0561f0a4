import type { Role } from './roles.js';

/** A user as the API shows them: never the password hash. */
export interface PublicUser {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

/**
 * Who is calling, once credentials are checked. static-key: API_KEY (reader); admin-token:
 * ADMIN_TOKEN (admin); api-key: a user's key; session: a signed-in browser (the only kind that
 * needs CSRF protection, since only cookies are sent by the browser on its own).
 */
export type Principal =
  | { via: 'static-key' | 'admin-token'; role: Role }
  | { via: 'api-key'; role: Role; user: PublicUser; keyId: string }
  | { via: 'session'; role: Role; user: PublicUser; csrfToken: string; expiresAt: string };

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal | undefined;
    /** Why presented credentials were not accepted (a wrong bearer token, say); unset when none were sent. */
    credentialProblem: string | undefined;
  }
}
