import { ASKS_SOURCE } from '../../domain/question-words.js';
import { claimIn } from '../premise-check.js';
import { resolveFollowUp, type Resolution } from './resolve-follow-up.js';

/** Only the last few turns shape a follow-up; older ones were about something else by then. */
export const CONTEXT_TURNS = 6;

/** An earlier turn as clients send it: its question, and the resolved form when a response was echoed back. */
export interface EarlierTurn {
  question: string;
  resolved?: string;
}

/**
 * Resolves the question against the conversation so far: each earlier question is resolved against
 * the one before it (an echoed response's `resolved` is taken as is), then the new one against the last.
 */
export function resolveConversation(history: EarlierTurn[], question: string, today = new Date()): Resolution {
  let previous: string | undefined;
  for (const turn of history.slice(-CONTEXT_TURNS)) {
    previous = turn.resolved ?? (previous === undefined ? turn.question : resolveFollowUp(previous, turn.question, today).question);
  }
  if (previous === undefined) {
    // "…增长15.5%，这个数字出自哪份材料？": the figure is found first, then its source is named.
    const clauses = question.split(/[，,]/);
    const claim = clauses.length > 1 && ASKS_SOURCE.test(clauses[clauses.length - 1]) ? claimIn(clauses.slice(0, -1).join('，')) : undefined;
    if (claim) return { question: claim.question, followUp: false, inherited: {}, asksSource: true, claim };
    return { question, followUp: false, inherited: {}, asksSource: false };
  }
  return resolveFollowUp(previous, question, today);
}

/** "（按上文：湖北 · 2025年 · 算力规模 · 目标）": what a follow-up took from earlier turns. */
export function inheritedNote(resolution: Resolution): string {
  const { regions, period, metric, kind } = resolution.inherited;
  const parts = [regions?.join('、'), period, metric, kind].filter((part): part is string => Boolean(part));
  return parts.length ? `（按上文：${parts.join(' · ')}）` : '';
}
