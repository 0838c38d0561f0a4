import { comparableUnit, findNumberMentions, type NumberMention } from '../domain/numbers.js';
import type { AskResponse } from './answer.js';

/** "听说…排第2位，是这样吗？" / "…增长12.6%，对吧？": a claim to check, not a figure to find. */
const CHECK_TAIL = /[，,]?\s*(是这样吗|是真的吗|是吗|是吧|对吗|对吧|对不对|是不是|没错吧|属实吗|准确吗)[？?]?$/;
const HEARSAY = /^(听说|据说|有人说|网上说|我记得|好像)[，,]?/;

export interface Premise {
  /** The question with the claimed figure asked for instead ("…排第几"). */
  question: string;
  claimed: NumberMention;
  /** The claim as stated, which `claimed` is a span of. */
  body: string;
}

/** 增长 or 下降, when the words right before a figure say which way it went. */
function directionBefore(text: string): '增长' | '下降' | undefined {
  const verb = /(增长|提高|上升|增加|下降|降低|减少|回落)了?[^\d，。；]{0,2}$/.exec(text)?.[1];
  if (!verb) return undefined;
  return /下降|降低|减少|回落/.test(verb) ? '下降' : '增长';
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
  return { question: `${asked}？`, claimed, body };
}

/** The figure the answer cites against the claim: "是。" or "不是。" before the cited answer; no verdict when units differ. */
export function checkPremise(premise: Premise, response: AskResponse): AskResponse {
  if (response.status !== 'answered') return response;
  const stated = findNumberMentions(response.answer.replace(/\[\d+\]/g, '')).find(
    (m) => m.isRank === premise.claimed.isRank && comparableUnit(m.unit) === comparableUnit(premise.claimed.unit),
  );
  if (!stated) return response;
  // "增长了5.3%，是吧？" where the report says 下降5.3%: the same number, the other way.
  const claimedWay = directionBefore(premise.body.slice(0, premise.claimed.start));
  const statedWay = directionBefore(response.answer.replace(/\[\d+\]/g, '').slice(0, stated.start));
  const opposite = claimedWay && statedWay && claimedWay !== statedWay;
  const verdict = opposite
    ? `不是：报告写的是${statedWay}${stated.raw}，不是${claimedWay}。`
    : stated.value === premise.claimed.value
      ? '是。'
      : `不是：报告写的是${stated.raw}，不是${premise.claimed.raw}。`;
  return { ...response, answer: `${verdict}${response.answer}` };
}
