// Entry point: wires the views and switches between them by the URL hash (#/ask, #/indicators,
// #/account). When the server requires a sign-in and there is none, only the sign-in form shows.
import { setupAccountView, show as showAccount } from './account-view.js';
import { auth, mayUpload, setupAuth } from './auth.js';
import { setupChat } from './chat.js';
import { show as showIndicators } from './indicators-view.js';
import { closeSource, setupSourceView } from './source-view.js';
import { setupUploadView, show as showDocuments } from './upload-view.js';

const VIEWS = ['ask', 'indicators', 'documents', 'account', 'signin'];

function route() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  let view = path === '/indicators' ? 'indicators' : path === '/account' && auth.principal?.user ? 'account' : path === '/documents' && mayUpload() ? 'documents' : 'ask';
  if (auth.signedOut) view = 'signin';
  if (document.body.dataset.view && document.body.dataset.view !== view) closeSource();
  document.body.dataset.view = view;
  for (const name of VIEWS) document.getElementById(`view-${name}`).hidden = name !== view;
  document.querySelector('.tabs').hidden = view === 'signin';
  for (const tab of document.querySelectorAll('[data-view]')) {
    const active = tab.dataset.view === view;
    tab.setAttribute('aria-current', active ? 'page' : 'false');
  }
  if (view === 'indicators') showIndicators(new URLSearchParams(query));
  if (view === 'account') showAccount();
  if (view === 'documents') showDocuments();
  if (view === 'signin') document.getElementById('signin-name').focus();
}

setupSourceView();
setupChat();
setupAccountView();
setupUploadView();
window.addEventListener('hashchange', route);
await setupAuth(route);
route();
