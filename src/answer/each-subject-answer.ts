import { headNounOf, withHeadNoun } from '../domain/head-nouns.js';
import type { ComposeContext, Composed } from './compose.js';
import { answerNumeric } from './numeric-answer.js';
import { parseQuestion, type ParsedQuestion } from './parse-question.js';

// "工业投资、制造业投资、技改投资分别增长多少", "钢铁、化工、食品这几个产业增加值各增长多少".
const EACH = /^(.*?)((?:[\u4e00-\u9fa5A-Za-z0-9]{1,16}[、和及与]){1,8}[\u4e00-\u9fa5A-Za-z0-9]{1,16}?)(?:这几个产业|这几个行业|这几项|这几个|这些产业|等产业|等行业|等)?(增加值|投资|产量|产值|营收|利润)?(?:分别|各自|各)(.*?(?:多少|几).*)$/;
const MAX_SUBJECTS = 8;

/** The subjects a question asks about one by one, each written out as a question of its own. */
export function eachSubject(question: ParsedQuestion): string[] | undefined {
  const m = EACH.exec(question.text.replace(/[？?。！!\s]+$/, ''));
  if (!m) return undefined;
  const [, prefix, list, sharedHead = '', tail] = m;
  const items = list.split(/[、和及与]/).filter(Boolean);
  if (items.length < 2 || items.length > MAX_SUBJECTS) return undefined;
  const head = sharedHead || headNounOf(items[items.length - 1]);
  return items.map((item) => `${prefix}${head ? withHeadNoun(item, head) : item}${tail}`);
}

/** Each subject answered on its own; the answer lists them in the order asked, saying which were not found. */
export function answerEachSubject(subjects: string[], context: ComposeContext, today = new Date()): Composed | undefined {
  const seen = new Set<string>();
  const answers = subjects.map((text) => {
    const composed = answerNumeric(parseQuestion(text, today), context);
    // One figure cannot be the answer for two of the subjects asked.
    const rows = composed.used.map((row) => row.id);
    if (rows.some((id) => seen.has(id))) return { text, composed: { ...composed, status: 'not_found' as const, used: [] } };
    rows.forEach((id) => seen.add(id));
    return { text, composed };
  });
  const found = answers.filter((a) => a.composed.status === 'answered');
  if (found.length === 0) return undefined;
  const parts = answers.map((a) => (a.composed.status === 'answered' ? a.composed.answer.replace(/。$/, '') : `${a.text.replace(/(分别|各)?.{0,6}(多少|几).*$/, '')}：报告中没有找到`));
  return {
    status: 'answered',
    answer: `${parts.join('；')}。`,
    used: found.flatMap((a) => a.composed.used),
    related: [],
  };
}
