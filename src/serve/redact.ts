import type { AskResponse, RetrievalReport } from '../answer/answer.js';

type Dense = RetrievalReport['dense'];

/** Absolute paths start a word: after the start, a space, a quote, a bracket or `=`. Not inside URLs. */
const PATH_START = String.raw`(?<=^|[\s"'(\[=,])(?:file:\/\/)?(?:[A-Za-z]:)?[\\/](?![\\/])`;
/** Any other absolute path, up to the first space, quote, bracket or separator. */
const OTHER_PATH = new RegExp(`${PATH_START}[^\\s"'()\\[\\],;:]+`, 'g');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` with server file paths replaced, for API responses: the model folder becomes
 * `<MODEL_DIR>/<model>` (the part an operator needs to fix a missing model), any other absolute path
 * `<PATH>`. Folder layout and user names stay on the server; start-up logs keep the full reason.
 */
export function redactPaths(text: string, model?: string): string {
  let out = text;
  if (model) {
    const modelPath = model.split('/').map(escapeRegExp).join(String.raw`[\\/]`);
    // Lazy and allowed to cross spaces, so a model folder with spaces in its path is still caught whole.
    const folder = new RegExp(`${PATH_START}[^"'\\n]*?[\\\\/]${modelPath}(?![\\w.-])`, 'g');
    out = out.replace(folder, `<MODEL_DIR>/${model}`);
  }
  return out.replace(OTHER_PATH, '<PATH>');
}

/** The dense-retrieval report as the API shows it: the reason kept, server paths removed. */
export function publicDense(dense: Dense): Dense {
  return dense.reason === undefined ? dense : { ...dense, reason: redactPaths(dense.reason, dense.model) };
}

/** An answer as the API sends it (see publicDense). */
export function publicResponse(response: AskResponse): AskResponse {
  const { retrieval } = response;
  return { ...response, retrieval: { ...retrieval, dense: publicDense(retrieval.dense) } };
}
