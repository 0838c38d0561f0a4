// The 账号 view: my API keys for every signed-in user; users and all keys for admins.
// A new key's secret is shown once, right after it is created: the server keeps only its hash.
import { createKeyFor, createMyKey, createUser, describeError, listAllKeys, listUsers, myKeys, removeUser, revokeKey, revokeMyKey, updateUser } from './api.js';
import { auth } from './auth.js';
import { clear, h } from './dom.js';

const ROLES = ['reader', 'editor', 'admin'];

function fail(error) {
  document.getElementById('account-error').textContent = describeError(error).text;
}

function showSecret(created) {
  document.getElementById('new-secret').hidden = false;
  document.getElementById('new-secret-value').textContent = created.secret;
}

function keyTable(keys, { owners, revoke }) {
  if (keys.length === 0) return h('p', { class: 'meta' }, '还没有密钥');
  return h(
    'table',
    { class: 'account-table' },
    h('thead', {}, h('tr', {}, owners ? h('th', {}, '用户') : null, h('th', {}, '用途'), h('th', {}, '角色'), h('th', {}, '前缀'), h('th', {}, '状态'), h('th', {}, ''))),
    h(
      'tbody',
      {},
      keys.map((key) =>
        h(
          'tr',
          { dataset: { keyId: key.id } },
          owners ? h('td', {}, owners.get(key.userId) ?? key.userId) : null,
          h('td', {}, key.label),
          h('td', {}, key.role),
          h('td', {}, h('code', {}, `${key.prefix}…`)),
          h('td', {}, key.revokedAt ? `已吊销 ${key.revokedAt.slice(0, 10)}` : '有效'),
          h('td', {}, key.revokedAt ? null : h('button', { type: 'button', class: 'secondary', onclick: () => revoke(key.id).then(render, fail) }, '吊销')),
        ),
      ),
    ),
  );
}

function userTable(users) {
  const self = auth.principal?.user?.id;
  return h(
    'table',
    { class: 'account-table' },
    h('thead', {}, h('tr', {}, h('th', {}, '用户名'), h('th', {}, '角色'), h('th', {}, '状态'), h('th', {}, ''))),
    h(
      'tbody',
      {},
      users.map((user) => {
        const role = h('select', { 'aria-label': `${user.name} 的角色`, onchange: (event) => updateUser(user.id, { role: event.target.value }).then(render, fail) },
          ROLES.map((r) => h('option', { value: r, selected: r === user.role }, r)));
        return h(
          'tr',
          { dataset: { userId: user.id } },
          h('td', {}, user.name, user.id === self ? '（我）' : ''),
          h('td', {}, role),
          h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => updateUser(user.id, { disabled: !user.disabled }).then(render, fail) }, user.disabled ? '已停用 · 启用' : '正常 · 停用')),
          h('td', {},
            h('button', { type: 'button', class: 'secondary', onclick: () => createKeyFor(user.id, `由管理员创建`).then(showSecret).then(render, fail) }, '创建密钥'),
            ' ',
            user.id === self ? null : h('button', { type: 'button', class: 'secondary', onclick: () => confirm(`删除用户 ${user.name}？`) && removeUser(user.id).then(render, fail) }, '删除'),
          ),
        );
      }),
    ),
  );
}

async function render() {
  document.getElementById('account-error').textContent = '';
  if (!auth.principal?.user) return;
  try {
    clear(document.getElementById('my-keys')).append(keyTable(await myKeys(), { revoke: revokeMyKey }));
    const admin = auth.principal.role === 'admin';
    document.getElementById('admin-panel').hidden = !admin;
    if (!admin) return;
    const users = await listUsers();
    clear(document.getElementById('users')).append(userTable(users));
    const owners = new Map(users.map((u) => [u.id, u.name]));
    clear(document.getElementById('all-keys')).append(keyTable(await listAllKeys(), { owners, revoke: revokeKey }));
  } catch (error) {
    fail(error);
  }
}

export function setupAccountView() {
  document.getElementById('my-key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const label = document.getElementById('my-key-label');
    createMyKey(label.value)
      .then((created) => {
        label.value = '';
        showSecret(created);
      })
      .then(render, fail);
  });
  document.getElementById('user-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (id) => document.getElementById(id).value;
    createUser({ name: value('user-name'), password: value('user-password'), role: value('user-role') })
      .then(() => event.target.reset())
      .then(render, fail);
  });
}

export function show() {
  document.getElementById('new-secret').hidden = true;
  return render();
}
