// The 文档 view, for editors and admins: drop files (or pick them) to upload. Each file is one
// POST /documents; what the server can refuse at once (type, size, a broken or scanned PDF) comes back
// as an error naming the file, otherwise a job that this view polls for its progress until done or failed.
import { ApiError, describeError, forgetDocument, getJob, listDocuments, uploadDocument } from './api.js';
import { clear, h } from './dom.js';

// Often enough to see pages tick by on a long PDF, rarely enough not to matter to the server.
const POLL_MS = 400;

const FORMAT_NAMES = { pdf: 'PDF', docx: 'DOCX', html: '网页', txt: '文本', md: 'Markdown' };
const UNIT_TEXT = { page: '页', file: '个文件', document: '份文档', chunk: '个段落', step: '步' };
const STATUS_TEXT = { created: '已新增', replaced: '已替换', unchanged: '内容未变，无需重建', deleted: '已删除' };

/** The refusals an uploader can act on, in words; the server's message (naming the file) follows. */
const UPLOAD_ERRORS = {
  ingest_failed: '文件无法读取',
  unsupported_media_type: '不支持的文件类型',
  payload_too_large: '文件太大（上限 20 MB）',
  invalid_request: '上传有误',
  index_unwritable: '索引无法写入',
};

function describeUploadError(error) {
  if (error instanceof ApiError && UPLOAD_ERRORS[error.code]) return `${UPLOAD_ERRORS[error.code]}：${error.message}`;
  return describeError(error).text;
}

function progressText(job) {
  if (job.state === 'queued') return '排队中';
  const { done, total, unit } = job.progress;
  if (unit === 'page') return `读取第 ${done}/${total} 页`;
  return total ? `建立索引 ${done}/${total} ${UNIT_TEXT[unit] ?? ''}` : '建立索引';
}

/** One row of the upload list, updated in place as the job moves on. */
function uploadItem(file) {
  const status = h('span', { class: 'upload-status' }, '上传中');
  const bar = h('progress', { max: 1, 'aria-label': `${file.name} 的进度` });
  const detail = h('p', { class: 'upload-detail', hidden: true });
  const item = h('li', { class: 'upload-item', dataset: { file: file.name } }, h('span', { class: 'upload-name' }, file.name), status, bar, detail);
  return {
    item,
    running(job) {
      status.textContent = progressText(job);
      const { done, total } = job.progress;
      if (job.state === 'running' && total) {
        bar.max = total;
        bar.value = Math.min(done, total);
      } else bar.removeAttribute('value');
    },
    done(job) {
      item.classList.add('done');
      const change = job.documents?.[0];
      const format = change?.format ? `（${FORMAT_NAMES[change.format] ?? change.format}）` : '';
      status.textContent = `${STATUS_TEXT[change?.status] ?? '完成'}${format}，可以提问了`;
      bar.max = 1;
      bar.value = 1;
    },
    failed(text) {
      item.classList.add('failed');
      status.textContent = '失败';
      bar.remove();
      detail.hidden = false;
      detail.textContent = text;
    },
  };
}

async function follow(job, row) {
  let current = job;
  while (current.state === 'queued' || current.state === 'running') {
    row.running(current);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    current = await getJob(current.id);
  }
  if (current.state === 'failed') throw new ApiError(current.error?.code ?? 'internal', current.error?.message ?? 'failed', 0);
  return current;
}

async function uploadOne(file) {
  const row = uploadItem(file);
  document.getElementById('upload-list').prepend(row.item);
  try {
    const job = await follow(await uploadDocument(file), row);
    for (const change of job.documents ?? []) forgetDocument(change.id);
    row.done(job);
    renderDocuments();
  } catch (error) {
    row.failed(describeUploadError(error));
  }
}

/** Files one after another: the server queues them anyway, and each row then shows its own progress. */
async function uploadAll(files) {
  for (const file of files) await uploadOne(file);
}

async function renderDocuments() {
  const target = document.getElementById('document-list');
  try {
    const documents = await listDocuments();
    clear(target).append(
      h(
        'table',
        { class: 'account-table' },
        h('thead', {}, h('tr', {}, h('th', {}, '标题'), h('th', {}, '文件'), h('th', {}, '格式'))),
        h('tbody', {}, documents.map((d) => h('tr', { dataset: { docId: d.id } }, h('td', {}, d.title), h('td', {}, d.id), h('td', {}, FORMAT_NAMES[d.format] ?? d.format ?? '')))),
      ),
    );
  } catch (error) {
    clear(target).append(h('p', { class: 'form-error' }, describeError(error).text));
  }
}

export function setupUploadView() {
  const zone = document.getElementById('drop-zone');
  const input = document.getElementById('upload-input');
  input.addEventListener('change', () => {
    const files = [...input.files];
    // Cleared so that choosing the same file again (after fixing it) fires change again.
    input.value = '';
    uploadAll(files);
  });
  // A file dropped beside the zone would make the browser leave the page to show it; text drops stay normal.
  const carriesFiles = (event) => event.dataTransfer?.types.includes('Files');
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (event) => {
      if (carriesFiles(event) && !zone.contains(event.target)) event.preventDefault();
    });
  }
  // dragover must be cancelled for the browser to allow a drop here instead of opening the file.
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    uploadAll([...(event.dataTransfer?.files ?? [])]);
  });
}

export function show() {
  return renderDocuments();
}
