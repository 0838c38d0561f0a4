// Sign-in state of the page. GET /auth/me answers 401 when the server requires a sign-in; the
// page then shows only the sign-in form. The session cookie is HttpOnly, so the page keeps only
// the CSRF token it must send with its POSTs.
import { ApiError, login, logout, me, setCsrfToken, whenUnauthorized } from './api.js';

const HISTORY_KEY = 'policy-report-qa:history:v1';

export const auth = {
  /** The server wants a credential and this browser has none (or it expired). */
  signedOut: false,
  /** GET /auth/me's answer when signed in (or on an open server). */
  principal: undefined,
};

let rerender = () => {};

/** Editors and admins may add and remove reports (POST /documents); the server checks this again. */
export function mayUpload() {
  return auth.principal?.role === 'editor' || auth.principal?.role === 'admin';
}

function showAccount() {
  const principal = auth.principal;
  const user = principal?.user;
  document.getElementById('account-bar').hidden = !(principal?.via === 'session' && user);
  document.getElementById('account-name').textContent = user ? `${user.name}（${user.role}）` : '';
  document.getElementById('account-tab').hidden = !user;
  document.getElementById('documents-tab').hidden = !mayUpload();
}

async function refresh() {
  try {
    auth.principal = await me();
    auth.signedOut = false;
    setCsrfToken(auth.principal.csrfToken);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    auth.principal = undefined;
    auth.signedOut = true;
    setCsrfToken(undefined);
  }
  showAccount();
}

function setupForm() {
  const form = document.getElementById('signin-form');
  const message = document.getElementById('signin-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await login(document.getElementById('signin-name').value, document.getElementById('signin-password').value);
      document.getElementById('signin-password').value = '';
      await refresh();
      rerender();
    } catch (error) {
      message.textContent =
        error.status === 401 ? '用户名或密码错误' : error.status === 429 ? '尝试次数过多，请稍后再试' : error.status === 404 ? '此服务未开启账号登录，只接受 API 密钥' : error.message;
    } finally {
      button.disabled = false;
    }
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    await logout().catch(() => {});
    // A shared computer: the next person must not see this person's questions.
    localStorage.removeItem(HISTORY_KEY);
    location.hash = '#/ask';
    location.reload();
  });
}

/** Resolves once the page knows whether to show the sign-in form; `onChange` re-renders the views. */
export async function setupAuth(onChange) {
  rerender = onChange;
  setupForm();
  whenUnauthorized(() => {
    if (auth.signedOut) return;
    auth.signedOut = true;
    auth.principal = undefined;
    showAccount();
    rerender();
  });
  await refresh().catch(() => {
    // The server is unreachable: show the page; its requests will say so.
  });
}
