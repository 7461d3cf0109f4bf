// Who is signed in on this tab, kept in sessionStorage (closing the tab signs out): the bearer token the identity
// provider issued (the run command mints development ones), and what it says — tenant, roles, and for an agent
// their id. The pages read the claims only to show them and to pick the right desk; the services verify the token.

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

/** The session a token opens, or an Error saying why it cannot: not a JWT, expired, no tenant, or not for `role`. */
export function fromToken(token, role) {
  const parts = token.trim().split('.');
  if (parts.length !== 3) {
    throw new Error('This is not an access token (a JWT has three parts separated by dots).');
  }
  let claims;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    claims = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('This access token cannot be read.');
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
    throw new Error('This access token has expired: ask for a new one.');
  }
  const roles = Array.isArray(claims.groups) ? claims.groups : [];
  if (!claims.tenant) {
    throw new Error('This access token names no tenant.');
  }
  if (!roles.includes(role)) {
    throw new Error(`This access token is not for the ${role} role.`);
  }
  return { token: token.trim(), tenant: claims.tenant, agentId: claims.sub, roles, expires: claims.exp };
}

/** A token handed over in the address (#token=...), removed from the address bar at once. */
export function tokenFromAddress() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) {
    return null;
  }
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(match[1]);
}

/** The headers every call of this session carries. */
export function headers(session) {
  return { Authorization: `Bearer ${session.token}` };
}
