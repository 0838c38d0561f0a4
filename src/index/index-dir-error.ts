import { access, constants, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AppError } from '../errors.js';

/** What each file-system refusal means for someone choosing INDEX_DIR. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'part of the path is a file, not a folder',
  // Recursive mkdir reports ENOENT when a parent cannot be created at all (a virtual file system, say).
  ENOENT: 'a parent folder does not exist and cannot be created',
  EEXIST: 'a file is in the way',
  ENOSPC: 'no space left on the device',
};

/** The one-line error for a file-system failure while writing the index, or undefined for other errors. */
export function indexDirError(error: unknown, indexDir: string): AppError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !(code in REASONS)) return undefined;
  return new AppError(
    'index_unwritable',
    500,
    `cannot write the index to ${resolve(indexDir)} (INDEX_DIR): ${REASONS[code]} (${code}); set INDEX_DIR to a writable folder`,
    'INDEX_DIR',
  );
}

/**
 * The index is built beside INDEX_DIR and swapped in, so its parent must exist and be writable.
 * Checked before ingest writes anything, so the failure names the folder and the variable instead
 * of surfacing as a bare `ENOENT … mkdir` from deep inside the pipeline.
 */
export async function ensureIndexParentWritable(indexDir: string): Promise<void> {
  const parent = dirname(resolve(indexDir));
  try {
    await mkdir(parent, { recursive: true });
    await access(parent, constants.W_OK);
  } catch (error) {
    throw indexDirError(error, indexDir) ?? error;
  }
}
