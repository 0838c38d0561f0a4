// The source panel: the full document text with the cited span highlighted and scrolled into view.
import { describeError, getDocument } from './api.js';
import { clear, h } from './dom.js';

let returnFocus = null;
let latest = 0;

function parts() {
  return {
    panel: document.getElementById('source-panel'),
    label: document.getElementById('source-label'),
    title: document.getElementById('source-title'),
    meta: document.getElementById('source-meta'),
    body: document.getElementById('source-text'),
  };
}

/** The cited span as a <mark>, with the number itself emphasised when it lies inside the span. */
function citedSpan(text, start, end, valueStart, valueEnd) {
  const mark = h('mark', { class: 'cited', id: 'cited-span', tabindex: '-1' });
  if (Number.isInteger(valueStart) && valueStart >= start && valueEnd <= end && valueEnd > valueStart) {
    mark.append(text.slice(start, valueStart), h('strong', { class: 'cited-value' }, text.slice(valueStart, valueEnd)), text.slice(valueEnd, end));
  } else {
    mark.append(text.slice(start, end));
  }
  return mark;
}

/**
 * Opens the source of a citation. `start`/`end` are offsets into the text served by
 * GET /documents/:id, the same text shown here, so the highlight is exact.
 */
export function openSource(source, trigger) {
  const { panel, label, title, meta, body } = parts();
  const request = ++latest;
  returnFocus = trigger ?? null;
  panel.hidden = false;
  document.body.classList.add('source-open');
  label.textContent = source.label ?? '来源';
  title.textContent = source.title || source.docId;
  meta.textContent = '';
  clear(body).append(h('p', { class: 'state loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在载入原文…'));

  getDocument(source.docId).then(
    (doc) => {
      if (request !== latest) return;
      title.textContent = doc.title;
      meta.textContent = [doc.issuer, doc.published, `字符 ${source.start}–${source.end}`].filter(Boolean).join(' · ');
      const start = Math.max(0, Math.min(source.start, doc.text.length));
      const end = Math.max(start, Math.min(source.end, doc.text.length));
      const mark = citedSpan(doc.text, start, end, source.valueStart, source.valueEnd);
      clear(body).append(doc.text.slice(0, start), mark, doc.text.slice(end));
      body.scrollTop = 0;
      // Centre the span inside the panel only; scrollIntoView would also move the page on phones.
      requestAnimationFrame(() => {
        body.scrollTop = Math.max(0, mark.offsetTop - body.clientHeight / 2 + mark.offsetHeight / 2);
        mark.focus({ preventScroll: true });
      });
    },
    (error) => {
      if (request !== latest) return;
      const { text, code } = describeError(error);
      clear(body).append(h('p', { class: 'state error', role: 'alert' }, `无法载入原文：${text}`, h('code', null, code)));
    },
  );
}

export function closeSource() {
  const { panel } = parts();
  if (panel.hidden) return;
  latest++;
  panel.hidden = true;
  document.body.classList.remove('source-open');
  returnFocus?.focus?.();
  returnFocus = null;
}

export function setupSourceView() {
  document.getElementById('source-close').addEventListener('click', closeSource);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeSource();
  });
}
