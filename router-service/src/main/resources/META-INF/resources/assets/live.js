// Follows a server-sent event stream with fetch rather than EventSource, so that it sends the session's headers
// (the bearer token) like every other call. Reconnects with backoff; each reconnection
// starts with a fresh snapshot from the server, so nothing needs replaying.
import { headers } from './session.js';

/**
 * Opens the stream at `url` and calls `onEvent(name, data)` for each event (data parsed as JSON) and
 * `onState(state, detail)` with 'connecting', 'live', 'reconnecting' or 'error'. Returns a function that closes it.
 */
export function follow(url, session, onEvent, onState) {
  let controller = null;
  let closed = false;
  let delay = 1000;

  async function connect() {
    controller = new AbortController();
    onState('connecting');
    try {
      const response = await fetch(url, {
        headers: { ...headers(session), Accept: 'text/event-stream' },
        signal: controller.signal,
        cache: 'no-store',
      });
      if (!response.ok) {
        let detail = `The live stream answered ${response.status}.`;
        try {
          const problem = await response.json();
          detail = problem.detail || problem.title || detail;
        } catch {
          // not a problem document
        }
        if (response.status >= 400 && response.status < 500) {
          // A refused session will not be accepted on retry: say so and stop.
          onState('error', detail);
          return;
        }
        throw new Error(detail);
      }
      delay = 1000;
      onState('live');
      await read(response.body, onEvent);
    } catch (e) {
      if (closed) {
        return;
      }
    }
    if (!closed) {
      onState('reconnecting');
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15000);
    }
  }

  connect();
  return () => {
    closed = true;
    if (controller) {
      controller.abort();
    }
  };
}

async function read(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end), onEvent);
      buffer = buffer.slice(end + 2);
    }
  }
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (!line || line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      name = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length === 0) {
    return;
  }
  let parsed;
  try {
    parsed = JSON.parse(data.join('\n'));
  } catch {
    return;
  }
  try {
    onEvent(name, parsed);
  } catch (e) {
    // One event the page could not show must not end the stream.
    console.error(`could not show a ${name} event`, e);
  }
}
