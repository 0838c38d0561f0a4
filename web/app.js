// Entry point: wires the views and switches between them by the URL hash (#/ask, #/indicators).
import { setupChat } from './chat.js';
import { show as showIndicators } from './indicators-view.js';
import { closeSource, setupSourceView } from './source-view.js';

function route() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const view = path === '/indicators' ? 'indicators' : 'ask';
  if (document.body.dataset.view && document.body.dataset.view !== view) closeSource();
  document.body.dataset.view = view;
  document.getElementById('view-ask').hidden = view !== 'ask';
  document.getElementById('view-indicators').hidden = view !== 'indicators';
  for (const tab of document.querySelectorAll('[data-view]')) {
    const active = tab.dataset.view === view;
    tab.setAttribute('aria-current', active ? 'page' : 'false');
  }
  if (view === 'indicators') showIndicators(new URLSearchParams(query));
}

setupSourceView();
setupChat();
window.addEventListener('hashchange', route);
route();
