// The JSON API as the page uses it. Every failure becomes an ApiError with the server's error code.

export class ApiError extends Error {
  constructor(code, message, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

// The signed-in session's CSRF token (from /auth/me or the sign-in response). The session cookie
// itself is HttpOnly: this page never sees it, the browser sends it.
let csrfToken;
let onUnauthorized = () => {};

export function setCsrfToken(token) {
  csrfToken = token;
}

/** Called when a request comes back 401 (signed out elsewhere, session expired). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

async function request(path, init = {}) {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = { ...init.headers };
  if (csrfToken && method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError('network', '无法连接到服务器，请检查网络后重试', 0);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error;
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized();
    throw new ApiError(error?.code ?? `http_${response.status}`, error?.message ?? response.statusText, response.status);
  }
  return body;
}

const json = (method, body) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Who this browser is signed in as; an ApiError with status 401 when the server wants a sign-in. */
export const me = () => request('/auth/me');
export const login = (username, password) => request('/auth/login', json('POST', { username, password }));
export const logout = () => request('/auth/logout', { method: 'POST' });
export const myKeys = () => request('/auth/keys').then((body) => body.keys);
export const createMyKey = (label) => request('/auth/keys', json('POST', { label }));
export const revokeMyKey = (id) => request(`/auth/keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const listUsers = () => request('/admin/users').then((body) => body.users);
export const createUser = (user) => request('/admin/users', json('POST', user));
export const updateUser = (id, change) => request(`/admin/users/${encodeURIComponent(id)}`, json('PATCH', change));
export const removeUser = (id) => request(`/admin/users/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const listAllKeys = () => request('/admin/keys').then((body) => body.keys);
export const createKeyFor = (userId, label) => request(`/admin/users/${encodeURIComponent(userId)}/keys`, json('POST', { label }));
export const revokeKey = (id) => request(`/admin/keys/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** `history`: earlier turns, as questions or as the responses the server gave (their resolved questions count). */
export function ask(question, history = []) {
  return request('/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(history.length ? { question, history } : { question }),
  });
}

/** Sends one file as multipart (the browser sets the boundary); the answer is the job that reads and indexes it. */
export function uploadDocument(file) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request('/documents', { method: 'POST', body: form });
}

export const getJob = (id) => request(`/jobs/${encodeURIComponent(id)}`);

const documents = new Map();

/** After an upload replaced a document, its text must be fetched again. */
export function forgetDocument(id) {
  documents.delete(id);
}

/** Documents change only by an upload from this page (which calls forgetDocument), so each is fetched once. */
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
  unauthorized: '需要登录：请重新登录后再试',
  forbidden: '当前账号没有此操作的权限',
  csrf_failed: '页面已过期，请刷新后重试',
  conflict: '操作冲突',
};

/** A sentence for people, with the server's code kept for support. */
export function describeError(error) {
  if (error instanceof ApiError) {
    const text = error.code === 'conflict' ? `操作冲突：${error.message}` : MESSAGES[error.code] ?? (error.code === 'invalid_request' ? `请求有误：${error.message}` : `服务出错：${error.message}`);
    return { text, code: error.code };
  }
  return { text: `页面出错：${error?.message ?? error}`, code: 'client' };
}
