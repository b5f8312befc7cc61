// The REST API under /api/v1, with the CSRF token header on every request.
const BASE = '/api/v1';
let csrfToken = null;
let onSignedOut = () => {};

export function setCsrfToken(token) {
  csrfToken = token;
}

export function whenSignedOut(callback) {
  onSignedOut = callback;
}

function cookie(name) {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? match.substring(name.length + 1) : null;
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const token = csrfToken || cookie('tm_csrf');
  if (token) {
    headers['X-CSRF-Token'] = token;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    return { status: 0, ok: false, data: { key: 'offline', error: String(e) } };
  }
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (type.includes('json')) {
    data = await response.json();
  } else if (type.startsWith('image/')) {
    data = await response.blob();
  }
  if (response.status === 401 && path !== '/session') {
    onSignedOut(data);
  }
  return { status: response.status, ok: response.ok, data };
}

export function apiUrl(path) {
  return BASE + path;
}
