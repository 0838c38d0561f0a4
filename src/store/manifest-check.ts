import type { Manifest } from '../index/manifest.js';
import type { IndexCheck } from './index-store.js';

const COUNTED = ['documents', 'chunks', 'indicators'] as const;

/** A database index whose rows do not add up to what its manifest counts is damaged (a write cut short). */
export function countsMismatch(location: string, manifest: Manifest, found: Record<(typeof COUNTED)[number], number>): IndexCheck | undefined {
  const part = COUNTED.find((p) => found[p] !== manifest.counts[p]);
  return part && { state: 'corrupt', reason: `the index database ${location} has ${found[part]} ${part}, its manifest says ${manifest.counts[part]}` };
}

/** The last check of every store: an index built with another embedding model cannot be searched with this one. */
export function modelCheck(location: string, manifest: Manifest, embeddingModel: string): IndexCheck {
  if (manifest.embedding.model !== embeddingModel) {
    return {
      state: 'model_mismatch',
      reason: `index in ${location} was built with embedding model "${manifest.embedding.model}" but EMBEDDING_MODEL is "${embeddingModel}"`,
    };
  }
  return { state: 'ok', manifest };
}
