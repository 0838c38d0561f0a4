import * as OpenCC from 'opencc-js';
import { findNumberMentions } from '../src/domain/numbers.js';
import type { ScorableResponse } from './score.js';

export interface Retyping {
  how: 'fullwidth' | 'traditional' | 'colloquial';
  question: string;
}

let toTraditional: ((text: string) => string) | undefined;

/** The same question as staff type it: 全角 digits, traditional characters, a spoken wrapping. */
export function retypings(question: string): Retyping[] {
  const convert = toTraditional ?? OpenCC.Converter({ from: 'cn', to: 'hk' });
  toTraditional = convert;
  const fullwidth = question.replace(/[0-9A-Za-z%]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  const bare = question.replace(/[？?。]+$/, '');
  return [
    { how: 'fullwidth', question: fullwidth },
    { how: 'traditional', question: convert(question) },
    { how: 'colloquial', question: `请问一下，${bare}来着？` },
  ];
}

/** Two answers are the same when status, cited spans and stated figures agree. */
export function sameAnswer(a: ScorableResponse, b: ScorableResponse): boolean {
  const spans = (r: ScorableResponse) => r.citations.map((c) => `${c.docId}:${c.start}-${c.end}`).sort().join(' ');
  const figures = (r: ScorableResponse) => findNumberMentions(r.answer).map((m) => `${m.value}${m.unit}`).sort().join(' ');
  return a.status === b.status && spans(a) === spans(b) && figures(a) === figures(b);
}

export interface PerturbResult {
  id: string;
  how: Retyping['how'];
  question: string;
  same: boolean;
}

/** Asks each question as written and as retyped; reports which retypings change the answer. */
export async function perturbRun(
  ask: (question: string) => Promise<ScorableResponse>,
  questions: Array<{ id: string; question: string }>,
): Promise<PerturbResult[]> {
  const results: PerturbResult[] = [];
  for (const q of questions) {
    const original = await ask(q.question);
    for (const r of retypings(q.question)) results.push({ id: q.id, how: r.how, question: r.question, same: sameAnswer(original, await ask(r.question)) });
  }
  return results;
}

export function renderPerturb(results: PerturbResult[]): string {
  const kept = results.filter((r) => r.same).length;
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');
  const lines = [`retyped questions: ${kept}/${results.length} answers unchanged (${pct(kept, results.length)})`];
  for (const how of ['fullwidth', 'traditional', 'colloquial'] as const) {
    const of = results.filter((r) => r.how === how);
    lines.push(`  ${how}: ${of.filter((r) => r.same).length}/${of.length} (${pct(of.filter((r) => r.same).length, of.length)})`);
  }
  for (const r of results.filter((x) => !x.same)) lines.push(`  changed: ${r.id} [${r.how}] ${r.question}`);
  return lines.join('\n');
}
