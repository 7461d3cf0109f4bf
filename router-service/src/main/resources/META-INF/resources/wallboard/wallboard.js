// The supervisor's wallboard: queue figures, agents by status and the latest routing decisions with their
// explanation, kept live by the router's server-sent events (GET /wallboard/events), never by reloading.
import { follow } from '../assets/live.js';
import * as sessions from '../assets/session.js';
import { NONE, duration, el, percent, signed, status as statusName, time } from '../assets/format.js';

const KEY = 'alicia.wallboard';
const MAX_DECISIONS = 12;
const $ = (id) => document.getElementById(id);

let stop = null;
let lastWaiting = null;

function signIn(session) {
  sessions.save(KEY, session);
  $('login').hidden = true;
  $('board').hidden = false;
  $('sign-out').hidden = false;
  $('who').textContent = `Tenant ${session.tenant}`;
  document.title = `Wallboard ${session.tenant} — Alicia`;
  stop = follow('/wallboard/events', session, onEvent, onState);
  $('main').focus();
}

function signOut(message = '') {
  if (stop) {
    stop();
    stop = null;
  }
  sessions.clear(KEY);
  $('board').hidden = true;
  $('login').hidden = false;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('login-error').textContent = message;
  showState('idle', 'Not connected');
  $('token').focus();
}

function showState(state, text) {
  const connection = $('connection');
  connection.dataset.state = state;
  connection.textContent = text;
}

function onState(state, detail) {
  switch (state) {
    case 'connecting':
      showState(state, 'Connecting…');
      break;
    case 'live':
      showState(state, 'Live');
      break;
    case 'reconnecting':
      showState(state, 'Connection lost — reconnecting…');
      break;
    default:
      signOut(detail || 'The wallboard was refused.');
  }
}

function onEvent(name, data) {
  switch (name) {
    case 'figures':
      showQueues(data.queues || []);
      showAgents(data.agentsByStatus || {}, data.agents || []);
      break;
    case 'decisions':
      for (const decision of data) {
        addDecision(decision);
      }
      break;
    case 'decision':
      addDecision(data);
      break;
    default:
      // heartbeat: the stream is alive, nothing to show
  }
}

function showQueues(queues) {
  const body = $('queues').tBodies[0];
  if (queues.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'empty' }, 'No contact yet.')));
    return;
  }
  $('window').textContent = duration(queues[0].windowSeconds);
  body.replaceChildren(
    ...queues.map((q) => {
      const late = q.waiting > 0 && q.longestWaitSeconds > q.serviceLevelThresholdSeconds;
      return el(
        'tr',
        { 'data-queue': q.queue },
        el('th', { scope: 'row' }, q.queue),
        el('td', { class: 'emphasis', 'data-field': 'waiting' }, String(q.waiting)),
        el(
          'td',
          { 'data-field': 'longest-wait', class: late ? 'late' : null, title: late ? 'Longer than the target' : null },
          q.waiting > 0 ? duration(q.longestWaitSeconds) : NONE,
        ),
        el(
          'td',
          { 'data-field': 'service-level' },
          q.serviceLevel === null || q.serviceLevel === undefined
            ? NONE
            : `${percent(q.serviceLevel)} in ${duration(q.serviceLevelThresholdSeconds)}`,
        ),
        el(
          'td',
          { 'data-field': 'abandoned' },
          q.abandonmentRate === null || q.abandonmentRate === undefined
            ? String(q.abandoned)
            : `${q.abandoned} (${percent(q.abandonmentRate)})`,
        ),
        el('td', { 'data-field': 'answered' }, String(q.answered)),
        el('td', { 'data-field': 'asa' }, duration(q.averageSpeedOfAnswerSeconds)),
      );
    }),
  );
  // Screen readers hear the queues only when the number waiting changes, not every second.
  const waiting = queues.reduce((sum, q) => sum + q.waiting, 0);
  if (waiting !== lastWaiting) {
    lastWaiting = waiting;
    $('queues-summary').textContent = `${waiting} contact${waiting === 1 ? '' : 's'} waiting.`;
  }
}

function showAgents(byStatus, agents) {
  for (const tile of $('status-counts').children) {
    tile.querySelector('.count').textContent = String(byStatus[tile.dataset.status] ?? 0);
  }
  const body = $('agents').tBodies[0];
  if (agents.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'empty' }, 'No agent has logged in yet.')));
    return;
  }
  body.replaceChildren(
    ...agents.map((a) =>
      el(
        'tr',
        { 'data-agent': a.agentId },
        el('th', { scope: 'row' }, a.agentId),
        el('td', {}, a.team || NONE),
        el('td', {}, el('span', { class: 'status', 'data-status': a.status }, statusName(a.status))),
        el('td', {}, String(a.contacts)),
        el('td', {}, a.status === 'AVAILABLE' || a.status === 'BUSY' ? percent(a.occupancy) : NONE),
      ),
    ),
  );
}

const HEADLINES = {
  CONTACT_QUEUED: (d) => `${d.contactId} waits in ${d.queue}`,
  CONTACT_OFFERED: (d) => `${d.contactId} offered to ${d.agentId}`,
  CONTACT_ASSIGNED: (d) => `${d.agentId} accepted ${d.contactId}`,
  OFFER_RELEASED: (d) => `${d.agentId} released ${d.contactId}`,
  QUEUE_WIDENED: (d) => `${d.queue} widened for ${d.contactId}`,
  CALLBACK_OFFERED: (d) => `Callback offered to ${d.contactId}`,
  CONTACT_TRANSFERRED: (d) => `${d.agentId} transferred ${d.contactId}`,
  CONTACT_ABANDONED: (d) => `${d.contactId} abandoned`,
  CONTACT_ENDED: (d) => `${d.contactId} ended by ${d.agentId}`,
  CONTACT_FAILED: (d) => `${d.contactId} could not be routed`,
};

function addDecision(d) {
  const list = $('decisions');
  if (list.querySelector(`[data-event-id="${CSS.escape(d.eventId)}"]`)) {
    return;
  }
  const item = renderDecision(d);
  // Newest first, whatever order the snapshot and the live events arrive in.
  const at = Date.parse(d.occurredAt) || 0;
  const later = [...list.children].find((li) => Number(li.dataset.at) < at);
  list.insertBefore(item, later || null);
  while (list.children.length > MAX_DECISIONS) {
    list.lastElementChild.remove();
  }
  $('no-decisions').hidden = list.children.length > 0;
}

function renderDecision(d) {
  const headline = (HEADLINES[d.type] || ((x) => `${x.type} ${x.contactId}`))(d);
  const meta = [
    time(d.occurredAt),
    d.channel,
    d.queue && `queue ${d.queue}`,
    d.intent,
    d.language,
    d.score !== null && d.score !== undefined ? `score ${d.score.toFixed(2)}` : null,
    d.strategy,
    d.position ? `position ${d.position}` : null,
    d.estimatedWaitSeconds !== null && d.estimatedWaitSeconds !== undefined
      ? `est. wait ${duration(d.estimatedWaitSeconds)}`
      : null,
  ].filter(Boolean);
  const chosen = (d.type === 'CONTACT_OFFERED' || d.type === 'CONTACT_ASSIGNED') && d.agentId;
  const factors = (d.explanation || []).filter((f) => f.contribution !== 0 || f.detail);
  return el(
    'li',
    { class: 'decision', 'data-type': d.type, 'data-event-id': d.eventId, 'data-at': Date.parse(d.occurredAt) || 0 },
    el('p', { class: 'headline' }, el('strong', {}, headline)),
    el('p', { class: 'meta' }, meta.join(' · ')),
    d.reason ? el('p', { class: 'meta' }, `Reason: ${d.reason}`) : null,
    chosen && factors.length > 0
      ? [
          el('p', { class: 'meta' }, `Why ${d.agentId}:`),
          el(
            'ul',
            { class: 'factors', 'aria-label': `Why ${d.agentId}` },
            factors.map((f) =>
              el(
                'li',
                {},
                el('span', {}, f.name),
                el('span', { class: 'weight' }, signed(f.contribution)),
                el('span', {}, f.detail || ''),
              ),
            ),
          ),
        ]
      : null,
    chosen && d.runnersUp && d.runnersUp.length > 0
      ? el(
          'details',
          {},
          el('summary', {}, `Runners-up (${d.runnersUp.length})`),
          el(
            'ul',
            {},
            d.runnersUp.map((r) =>
              el('li', {}, `${r.agentId} — ${r.score.toFixed(2)}${r.behindOn ? `, behind on ${r.behindOn}` : ''}`),
            ),
          ),
        )
      : null,
  );
}

function signInWith(token) {
  const field = $('token');
  try {
    const session = sessions.fromToken(token, 'supervisor');
    field.removeAttribute('aria-invalid');
    field.value = '';
    $('login-error').textContent = '';
    signIn(session);
  } catch (e) {
    field.setAttribute('aria-invalid', 'true');
    $('login-error').textContent = e.message;
    field.focus();
  }
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  signInWith($('token').value);
});

$('sign-out').addEventListener('click', () => signOut());

const handedOver = sessions.tokenFromAddress();
const saved = sessions.load(KEY);
if (handedOver) {
  signInWith(handedOver);
} else if (saved && saved.token) {
  signIn(saved);
}
