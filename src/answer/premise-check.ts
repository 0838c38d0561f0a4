import { comparableUnit, findNumberMentions, type NumberMention } from '../domain/numbers.js';
import type { AskResponse } from './answer.js';

/** "听说…排第2位，是这样吗？" / "…增长12.6%，对吧？": a claim to check, not a figure to find. */
const CHECK_TAIL = /[，,]?\s*(是这样吗|是真的吗|是吗|对吗|对吧|是不是|没错吧|属实吗|准确吗)[？?]?$/;
const HEARSAY = /^(听说|据说|有人说|网上说|我记得|好像)[，,]?/;

export interface Premise {
  /** The question with the claimed figure asked for instead ("…排第几"). */
  question: string;
  claimed: NumberMention;
}

/** The claim a yes/no question makes about one figure, or undefined when it makes none. */
export function premiseOf(question: string): Premise | undefined {
  if (!CHECK_TAIL.test(question)) return undefined;
  return claimIn(question.replace(CHECK_TAIL, '').replace(HEARSAY, ''));
}

/** "…增长15.5%": the one figure a statement claims, and the question that asks for it. */
export function claimIn(body: string): Premise | undefined {
  // A year is when, not what is claimed.
  const claims = findNumberMentions(body).filter((m) => m.unit !== '年' || !/^\d{4}$/.test(m.raw.replace(/年$/, '')));
  if (claims.length !== 1) return undefined;
  const [claimed] = claims;
  const before = body.slice(0, claimed.start);
  const asked = claimed.isRank ? `${before.replace(/(排|居|位居|位列)?$/, '')}排第几` : `${before.replace(/[为是达]$/, '')}多少`;
  return { question: `${asked}？`, claimed };
}

/** How an answer says the question called a rise a fall; checkPremise then says 不是. */
export const FALL_CORRECTED = '题中说下降，原文为增长：';

/** The figure the answer cites against the claim: "是。" or "不是。" before the cited answer; no verdict when units differ. */
export function checkPremise(premise: Premise, response: AskResponse): AskResponse {
  if (response.status !== 'answered') return response;
  const stated = findNumberMentions(response.answer.replace(/\[\d+\]/g, '')).find(
    (m) => m.isRank === premise.claimed.isRank && comparableUnit(m.unit) === comparableUnit(premise.claimed.unit),
  );
  if (!stated) return response;
  const verdict = response.answer.startsWith(FALL_CORRECTED)
    ? `不是：报告写的是增长${stated.raw}，不是下降。`
    : stated.value === premise.claimed.value
      ? '是。'
      : `不是：报告写的是${stated.raw}，不是${premise.claimed.raw}。`;
  return { ...response, answer: `${verdict}${response.answer}` };
}
