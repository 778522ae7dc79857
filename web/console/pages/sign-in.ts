import { api, forgetApiPaths } from '../api.js';
import { h } from '../dom.js';
import type { PageContext } from '../page.js';
import { ROLES, signIn, type Role } from '../session.js';

/**
 * Sign in with an API key (issue 15's keys). The key is checked against the API,
 * then kept in sessionStorage and sent as `Authorization: Bearer`; it never goes in
 * the URL. The field is a password field: not shown, not autofilled into history.
 */
export function signInPage(ctx: PageContext): Promise<void> {
  const { main } = ctx;
  const input = h('input', {
    id: 'api-key',
    name: 'key',
    type: 'password',
    autocomplete: 'off',
    required: true,
    spellcheck: 'false',
  });
  const message = h('p', { id: 'sign-in-message', role: 'alert' });
  const form = h(
    'form',
    { class: 'sign-in', 'aria-describedby': 'sign-in-message' },
    h('label', { for: 'api-key' }, 'API key'),
    input,
    h('button', { type: 'submit' }, 'Sign in'),
    message,
  );
  main.append(
    h('h1', { tabindex: -1 }, 'Sign in'),
    h(
      'p',
      {},
      'Enter an API key. Your administrator creates keys with a role: viewer, analyst, operator or admin.',
    ),
    form,
  );
  input.focus();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      const key = input.value.trim();
      message.textContent = 'Checking…';
      const { data, response } = await api.GET('/api/v1/console/session', {
        headers: { Authorization: `Bearer ${key}` },
      });
      if (response.status === 401 || response.status === 403 || response.status === 429) {
        message.textContent =
          response.status === 401
            ? 'That key is not valid (or has expired or been revoked).'
            : response.status === 403
              ? 'That key’s role may not read fleet data (a provisioning key?): use a viewer, analyst, operator or admin key.'
              : 'Too many failed attempts: wait a minute.';
        return;
      }
      const role = (ROLES as readonly string[]).includes(data?.role ?? '') ? (data!.role as Role) : null;
      signIn(key, role);
      input.value = '';
      forgetApiPaths();
      location.hash = ctx.query.get('next') ?? '#/';
    })();
  });
  return Promise.resolve();
}
