// Who is signed in on this tab, kept in sessionStorage (closing the tab signs out). Today the tenant, and for an
// agent their id, stand for the identity as the X-Tenant header does for every API client; when bearer tokens
// come, the sign-in form obtains one and headers() sends it instead: nothing else in the pages changes.

export function load(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key));
  } catch {
    return null;
  }
}

export function save(key, session) {
  sessionStorage.setItem(key, JSON.stringify(session));
}

export function clear(key) {
  sessionStorage.removeItem(key);
}

/** The headers every call of this session carries. */
export function headers(session) {
  const sent = { 'X-Tenant': session.tenant };
  if (session.token) {
    sent.Authorization = `Bearer ${session.token}`;
  }
  return sent;
}
