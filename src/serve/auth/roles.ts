import { z } from 'zod';

/** reader: ask and read; editor: also re-index (and upload, once there is an upload); admin: also users and keys. */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

const RANK: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };

/** Roles are ordered: each one may do everything the ones below it may. */
export function allows(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}

/** A key never grants more than its owner holds now, so demoting a user demotes their keys. */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}
