// The JSON API as the page uses it. Every failure becomes an ApiError with the server's error code.

export class ApiError extends Error {
  constructor(code, message, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

async function request(path, init) {
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError('network', '无法连接到服务器，请检查网络后重试', 0);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(error?.code ?? `http_${response.status}`, error?.message ?? response.statusText, response.status);
  }
  return body;
}

/** `history`: earlier turns, as questions or as the responses the server gave (their resolved questions count). */
export function ask(question, history = []) {
  return request('/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(history.length ? { question, history } : { question }),
  });
}

const documents = new Map();

/** Documents do not change while the page is open, so each is fetched once. */
export function getDocument(id) {
  if (!documents.has(id)) {
    const pending = request(`/documents/${encodeURIComponent(id)}`);
    pending.catch(() => documents.delete(id));
    documents.set(id, pending);
  }
  return documents.get(id);
}

export function listDocuments() {
  return request('/documents').then((body) => body.documents);
}

function indicatorQuery(filters, page, pageSize) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  params.set('page', String(page));
  params.set('pageSize', String(pageSize));
  return `/indicators?${params}`;
}

export function listIndicators(filters, page, pageSize) {
  return request(indicatorQuery(filters, page, pageSize));
}

/** Every row for a filter (for the chart), a few large pages at most. */
export async function allIndicators(filters, limit = 1000) {
  const pageSize = 200;
  const first = await request(indicatorQuery(filters, 1, pageSize));
  const items = [...first.items];
  for (let page = 2; items.length < Math.min(first.total, limit); page++) {
    const next = await request(indicatorQuery(filters, page, pageSize));
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { total: first.total, items };
}

const MESSAGES = {
  network: '无法连接到服务器，请检查网络后重试',
  index_unavailable: '索引正在加载，请稍后再试',
  rate_limited: '请求过于频繁，请稍后再试',
  payload_too_large: '问题太长了',
  // API_KEY guards /ask; a browser page cannot hold that secret, so say why instead of retrying.
  unauthorized: '此服务设置了 API 密钥，需通过 API 调用（Authorization: Bearer）',
};

/** A sentence for people, with the server's code kept for support. */
export function describeError(error) {
  if (error instanceof ApiError) {
    const text = MESSAGES[error.code] ?? (error.code === 'invalid_request' ? `请求有误：${error.message}` : `服务出错：${error.message}`);
    return { text, code: error.code };
  }
  return { text: `页面出错：${error?.message ?? error}`, code: 'client' };
}
