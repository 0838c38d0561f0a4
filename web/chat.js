// The question-and-answer view: a conversation of questions, answers with [n] markers, sources
// and the indicator rows behind each answer. The conversation is kept in localStorage.
import { ask, describeError } from './api.js';
import { clear, h } from './dom.js';
import { indicatorTable } from './indicator-table.js';
import { openSource } from './source-view.js';

const HISTORY_KEY = 'policy-report-qa:history:v1';
const HISTORY_LIMIT = 30;
// The server reads only the last few turns of a conversation (CONTEXT_TURNS); more is wasted bytes.
const CONTEXT_TURNS = 6;

export const EXAMPLES = [
  '2026年湖北算力目标是多少',
  '2025年上半年武汉规上工业利润总额增长多少？',
  '截至2025年10月末，广东累计建成5G基站多少个？',
  '湖南2025年前三季度工业经济增长多少？',
  '2024年湖北有哪些城市入选国家中小企业数字化转型试点城市？',
];

let turns = [];
let nextId = 1;

function loadHistory() {
  try {
    const saved = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter((t) => t && typeof t.question === 'string' && t.state !== 'loading') : [];
  } catch {
    return [];
  }
}

function saveHistory() {
  // Retrieved passages are large and only useful for debugging; they are not kept.
  const kept = turns
    .filter((t) => t.state !== 'loading')
    .slice(-HISTORY_LIMIT)
    .map((t) => (t.response ? { ...t, response: { ...t.response, retrieval: { ...t.response.retrieval, chunks: [] } } } : t));
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(kept));
  } catch {
    // Private browsing or a full quota: the conversation still works, it just is not kept.
  }
}

function citationSource(response, citation) {
  const row = response.indicators.find((r) => r.citation === citation.n) ?? response.related.find((r) => r.citation === citation.n);
  return {
    docId: citation.docId,
    start: citation.start,
    end: citation.end,
    title: citation.title,
    label: `引用 [${citation.n}]`,
    valueStart: row?.valueStart,
    valueEnd: row?.valueEnd,
  };
}

function citeButton(response, n) {
  const citation = response.citations.find((c) => c.n === n);
  if (!citation) return `[${n}]`;
  const button = h('button', { type: 'button', class: 'cite', 'aria-label': `查看来源 ${n}：${citation.title}`, title: citation.title }, String(n));
  button.addEventListener('click', () => openSource(citationSource(response, citation), button));
  return button;
}

/** Answer text with each [n] turned into a button that opens the cited span. */
function answerText(response) {
  const nodes = [];
  let last = 0;
  for (const match of response.answer.matchAll(/\[(\d+)\]/g)) {
    nodes.push(response.answer.slice(last, match.index), citeButton(response, Number(match[1])));
    last = match.index + match[0].length;
  }
  nodes.push(response.answer.slice(last));
  return h('p', { class: 'answer-text' }, nodes);
}

function sourceList(response) {
  if (response.citations.length === 0) return null;
  return h(
    'section',
    { class: 'sources', 'aria-label': '来源' },
    h('h3', null, '来源'),
    h(
      'ol',
      null,
      response.citations.map((citation) => {
        const button = h('button', { type: 'button', class: 'source-link' }, h('span', { class: 'n' }, `[${citation.n}]`), citation.title);
        button.addEventListener('click', () => openSource(citationSource(response, citation), button));
        // Where to find the quote in the original file: its page (PDF) or the headings above it (DOCX/HTML).
        const where = citation.page ? `第${citation.page}页` : citation.headingPath ? citation.headingPath.join(' › ') : '';
        const original = h('a', { class: 'original', href: `/documents/${encodeURIComponent(citation.docId)}/original`, target: '_blank', rel: 'noopener' }, '原件');
        return h('li', null, button, where ? h('span', { class: 'where' }, where) : null, original, h('q', null, citation.quote));
      }),
    ),
  );
}

function rowsTable(response, rows, caption) {
  if (rows.length === 0) return null;
  return indicatorTable(rows, (row) => (row.citation ? citeButton(response, row.citation) : '—'), caption);
}

/** Earlier turns of the conversation, as the server resolved them, so follow-ups ("那2025年呢？") carry on. */
function historyBefore(turn) {
  return turns
    .slice(0, turns.indexOf(turn))
    .filter((t) => t.state === 'done')
    .slice(-CONTEXT_TURNS)
    .map((t) => (t.response?.question?.resolved ? { question: { resolved: t.response.question.resolved } } : t.question));
}

/** A follow-up shows the question it was read as, so a wrong carry-over is visible. */
function resolvedNote(response) {
  if (!response.question?.followUp) return null;
  return h('p', { class: 'meta resolved' }, `按上文理解为：${response.question.resolved}`);
}

function retrievalNote(response) {
  const retrievers = response.retrieval?.retrievers?.join(' + ') || '—';
  const total = response.timingMs?.total;
  return h('p', { class: 'meta' }, `检索：${retrievers}`, total !== undefined ? ` · ${Math.round(total)} ms` : '');
}

function assistantMessage(turn) {
  if (turn.state === 'loading') {
    return h('div', { class: 'message assistant loading', 'aria-busy': 'true' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在检索报告…');
  }
  if (turn.state === 'error') {
    const retry = h('button', { type: 'button', class: 'secondary' }, '重试');
    retry.addEventListener('click', () => run(turn));
    return h(
      'div',
      { class: 'message assistant error', role: 'alert' },
      h('span', { class: 'badge' }, '出错了'),
      h('p', null, turn.error.text, ' ', h('code', null, turn.error.code)),
      retry,
    );
  }
  const { response } = turn;
  if (response.status === 'not_found') {
    return h(
      'div',
      { class: 'message assistant not-found' },
      h('span', { class: 'badge' }, '未找到'),
      answerText(response),
      resolvedNote(response),
      h('p', { class: 'hint' }, '为避免误导，不给出相近年份或地区的数字。可以换个问法，或到「指标」页浏览报告中已有的数据。'),
      rowsTable(response, response.related, '报告中的相关数据（其他年份、地区或口径）'),
      sourceList(response),
    );
  }
  return h(
    'div',
    { class: 'message assistant answered' },
    h('span', { class: 'badge' }, '已回答'),
    answerText(response),
    resolvedNote(response),
    sourceList(response),
    rowsTable(response, response.indicators, '使用的指标'),
    retrievalNote(response),
  );
}

function turnElement(turn) {
  return h(
    'article',
    { class: 'turn', dataset: { turn: String(turn.id) } },
    h('div', { class: 'message user' }, h('p', null, turn.question)),
    assistantMessage(turn),
  );
}

function elements() {
  return {
    conversation: document.getElementById('conversation'),
    welcome: document.getElementById('welcome'),
    clearButton: document.getElementById('clear-history'),
    form: document.getElementById('ask-form'),
    input: document.getElementById('question'),
    submit: document.querySelector('#ask-form button[type=submit]'),
  };
}

function render(turn) {
  const { conversation, welcome, clearButton } = elements();
  const existing = conversation.querySelector(`[data-turn="${turn.id}"]`);
  const element = turnElement(turn);
  if (existing) existing.replaceWith(element);
  else conversation.append(element);
  welcome.hidden = turns.length > 0;
  clearButton.hidden = turns.length === 0;
  return element;
}

async function run(turn) {
  const { submit, conversation } = elements();
  turn.state = 'loading';
  const element = render(turn);
  element.scrollIntoView({ block: 'end', behavior: 'smooth' });
  submit.disabled = true;
  try {
    turn.response = await ask(turn.question, historyBefore(turn));
    turn.state = 'done';
    delete turn.error;
  } catch (error) {
    turn.state = 'error';
    turn.error = describeError(error);
  } finally {
    submit.disabled = false;
  }
  const done = render(turn);
  // Bring the start of the answer into view, not the bottom of a long table.
  conversation.scrollTop = Math.max(0, done.offsetTop - 12);
  saveHistory();
}

export function askQuestion(question) {
  const text = question.trim();
  if (!text) return;
  const turn = { id: nextId++, question: text, state: 'loading' };
  turns.push(turn);
  run(turn);
}

export function setupChat() {
  const { form, input, welcome, clearButton, conversation } = elements();
  const examples = welcome.querySelector('.examples');
  for (const example of EXAMPLES) {
    const chip = h('button', { type: 'button', class: 'chip' }, example);
    chip.addEventListener('click', () => {
      input.value = '';
      askQuestion(example);
    });
    examples.append(h('li', null, chip));
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = input.value;
    input.value = '';
    input.style.height = '';
    askQuestion(question);
  });
  // Grow with the question up to the CSS max-height, then scroll.
  input.addEventListener('input', () => {
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight + 2}px`;
  });
  input.addEventListener('keydown', (event) => {
    // Enter while an IME is composing confirms the candidate; it must not send the question.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  clearButton.addEventListener('click', () => {
    turns = [];
    saveHistory();
    clear(conversation).append(welcome);
    welcome.hidden = false;
    clearButton.hidden = true;
  });

  turns = loadHistory().map((t) => ({ ...t, id: nextId++ }));
  for (const turn of turns) render(turn);
  conversation.scrollTop = conversation.scrollHeight;
}
