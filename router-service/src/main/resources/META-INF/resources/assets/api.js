// Calls the services' REST APIs as any client does: JSON in and out, the session's headers, and errors as
// RFC 9457 problems turned into one readable sentence.
import { headers } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function describe(status, problem) {
  if (!problem || typeof problem !== 'object') {
    return `The service answered ${status}.`;
  }
  const fields = (problem.errors || []).map((e) => `${e.field} ${e.message}`);
  return [problem.detail || problem.title || `The service answered ${status}.`, ...fields].join(' — ');
}

/** Calls `base + path`; resolves to the JSON body (null when empty), rejects with an ApiError. */
export async function call(base, path, session, { method = 'GET', body } = {}) {
  const sent = { ...headers(session), Accept: 'application/json' };
  if (body !== undefined) {
    sent['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(base + path, {
      method,
      headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, { detail: `Cannot reach ${base || 'the router'}: ${e.message}` });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text.slice(0, 200) };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}
