// The agent's desk: sign in, set a status, receive offers live (GET /agent-desk/{agentId}/events), accept or
// decline, read the handoff brief before saying hello, transfer with a reason, wrap up with an outcome. Every
// action is a call to the public REST APIs: the router for contacts, agent-presence-service for the status and
// context-service for the freshest brief (called directly from the browser, allowed by their CORS origins).
import { ApiError, call } from '../assets/api.js';
import { follow } from '../assets/live.js';
import * as sessions from '../assets/session.js';
import { NONE, duration, el, percent, signed, status as statusName, time } from '../assets/format.js';

const KEY = 'alicia.agent';
const $ = (id) => document.getElementById(id);

let session = null;
let endpoints = null;
let stop = null;
let presenceVersion = -1;
/** contactId -> { state: 'offered' | 'assigned' | 'ended', event, brief, since, card } */
const contacts = new Map();

// ---- signing in and out -------------------------------------------------------------------------------------

async function signIn(wanted) {
  $('login-error').textContent = '';
  try {
    endpoints = await call('', '/agent-desk/endpoints', wanted);
    const agent = await call(endpoints.presenceUrl, `/agents/${encodeURIComponent(wanted.agentId)}`, wanted);
    session = wanted;
    sessions.save(KEY, session);
    showMe(agent);
  } catch (e) {
    sessions.clear(KEY);
    $('login-error').textContent =
      e instanceof ApiError && e.status === 404
        ? `There is no agent ${wanted.agentId} in ${wanted.tenant}.`
        : e.message;
    return;
  }
  $('login').hidden = true;
  $('desk').hidden = false;
  $('sign-out').hidden = false;
  $('who').textContent = `${session.agentId} · ${session.tenant}`;
  document.title = `Agent view ${session.agentId} — Alicia`;
  stop = follow(`/agent-desk/${encodeURIComponent(session.agentId)}/events`, session, onEvent, onState);
  $('work-title').focus();
}

function signOut(message = '') {
  if (stop) {
    stop();
    stop = null;
  }
  sessions.clear(KEY);
  session = null;
  presenceVersion = -1;
  contacts.clear();
  $('contacts').replaceChildren();
  $('desk').hidden = true;
  $('login').hidden = false;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('login-error').textContent = message;
  showConnection('idle', 'Not connected');
  $('token').focus();
}

function showConnection(state, text) {
  $('connection').dataset.state = state;
  $('connection').textContent = text;
}

function onState(state, detail) {
  switch (state) {
    case 'connecting':
      showConnection(state, 'Connecting…');
      break;
    case 'live':
      showConnection(state, 'Live');
      break;
    case 'reconnecting':
      showConnection(state, 'Connection lost — reconnecting…');
      break;
    default:
      signOut(detail || 'The desk was refused.');
  }
}

function showMe(agent) {
  $('me-title').textContent = agent.displayName || agent.agentId;
  const languages = Object.entries(agent.languages || {}).map(([code, level]) => `${code} ${level}/5`);
  const skills = Object.entries(agent.skills || {}).map(([name, level]) => `${name} ${level}/5`);
  $('me-details').textContent = [
    agent.team && `Team ${agent.team}`,
    languages.length && `Speaks ${languages.join(', ')}`,
    skills.length && `Skills ${skills.join(', ')}`,
    agent.channels && agent.channels.length && `Channels ${agent.channels.join(', ')}`,
  ]
    .filter(Boolean)
    .join(' · ');
  if (agent.presence) {
    showPresence(agent.presence);
  }
}

// ---- presence -------------------------------------------------------------------------------------------------

function showPresence(presence) {
  if (presence.version !== undefined && presence.version < presenceVersion) {
    return; // an older state arriving late
  }
  presenceVersion = presence.version ?? presenceVersion;
  const load = Object.entries(presence.load || {}).map(([channel, n]) => `${n} ${channel.toLowerCase()}`);
  $('status-now').textContent =
    `Status: ${statusName(presence.status)}` +
    (presence.breakReason ? ` (${presence.breakReason})` : '') +
    (load.length ? ` — holding ${load.join(', ')}` : '');
  $('status-now').dataset.status = presence.status;
  const radio = document.querySelector(`#status-form input[value="${presence.status}"]`);
  if (radio && document.activeElement?.name !== 'status') {
    radio.checked = true;
  }
}

$('status-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const chosen = document.querySelector('#status-form input[name="status"]:checked');
  const reason = $('break-reason').value.trim();
  $('status-error').textContent = '';
  if (!chosen) {
    $('status-error').textContent = 'Choose a status.';
    return;
  }
  if (chosen.value === 'BREAK' && !reason) {
    $('status-error').textContent = 'Say why you take a break.';
    $('break-reason').setAttribute('aria-invalid', 'true');
    $('break-reason').focus();
    return;
  }
  $('break-reason').removeAttribute('aria-invalid');
  try {
    const presence = await call(
      endpoints.presenceUrl,
      `/agents/${encodeURIComponent(session.agentId)}/presence`,
      session,
      { method: 'PUT', body: { status: chosen.value, reason: chosen.value === 'BREAK' ? reason : null } },
    );
    showPresence(presence);
  } catch (e) {
    $('status-error').textContent = e.message;
  }
});

// ---- the live stream ------------------------------------------------------------------------------------------

function onEvent(name, data) {
  switch (name) {
    case 'presence':
      showPresence(data);
      break;
    case 'routing':
      onRouting(data);
      break;
    default:
      // heartbeat
  }
}

function onRouting(event) {
  const held = contacts.get(event.contactId);
  switch (event.type) {
    case 'CONTACT_OFFERED':
      if (!held || held.state === 'ended') {
        const contact = { state: 'offered', event, brief: event.brief, since: Date.now() };
        contacts.set(event.contactId, contact);
        render(contact);
        announce(`New offer: ${describe(event)}. Accept or decline.`);
      }
      break;
    case 'CONTACT_ASSIGNED':
      assigned(event);
      break;
    case 'OFFER_RELEASED':
      if (held && held.state === 'offered') {
        drop(event.contactId, `The offer of ${event.contactId} was withdrawn${event.reason ? `: ${event.reason}` : ''}.`);
      }
      break;
    case 'CONTACT_TRANSFERRED':
      if (held) {
        drop(event.contactId, `${event.contactId} was transferred.`);
      }
      break;
    case 'CONTACT_ABANDONED':
      if (held) {
        drop(event.contactId, `The customer of ${event.contactId} left.`);
      }
      break;
    case 'CONTACT_ENDED':
      if (held && held.state !== 'ended') {
        held.state = 'ended';
        render(held);
      }
      break;
    default:
      // other steps of the contact's life change nothing on the desk
  }
}

function assigned(event) {
  let contact = contacts.get(event.contactId);
  if (contact && contact.state !== 'offered') {
    return; // already shown (the accept answer and the live event both say so)
  }
  contact = { ...(contact || {}), state: 'assigned', event, brief: event.brief || contact?.brief, since: Date.now() };
  contacts.set(event.contactId, contact);
  render(contact);
  refreshBrief(contact);
}

/** The brief as context-service has it now: the story may have grown since the offer. */
async function refreshBrief(contact) {
  try {
    const brief = await call(
      endpoints.contextUrl,
      `/contacts/${encodeURIComponent(contact.event.contactId)}/brief`,
      session,
    );
    if (brief && contacts.get(contact.event.contactId) === contact) {
      contact.brief = brief;
      const old = contact.card.querySelector('.brief');
      old.replaceWith(renderBrief(contact));
    }
  } catch {
    // The brief attached to the routing event stays on screen.
  }
}

function drop(contactId, message) {
  const contact = contacts.get(contactId);
  contacts.delete(contactId);
  if (contact && contact.card) {
    contact.card.remove();
  }
  notice(message);
  showEmpty();
}

function announce(message) {
  $('announcer').textContent = '';
  // A fresh text node, so the same message twice is read twice.
  setTimeout(() => {
    $('announcer').textContent = message;
  }, 50);
}

function notice(message) {
  $('last-notice').textContent = message;
  $('last-notice').hidden = false;
}

function showEmpty() {
  $('no-work').hidden = contacts.size > 0;
}

function describe(event) {
  const who = event.brief?.displayName ? ` from ${event.brief.displayName}` : '';
  return `${(event.channel || 'contact').toLowerCase()} ${event.contactId}${who}, queue ${event.queue}`;
}

// ---- a contact's card -----------------------------------------------------------------------------------------

function idFor(contactId) {
  return `c-${contactId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const BADGES = { offered: 'Offer', assigned: 'In conversation', ended: 'Wrap-up' };

function render(contact) {
  const { event } = contact;
  const id = idFor(event.contactId);
  const card = el(
    'article',
    { class: 'contact', id, 'data-contact-id': event.contactId, 'data-state': contact.state, 'aria-labelledby': `${id}-title` },
    el(
      'header',
      {},
      el('h3', { id: `${id}-title` }, `${event.channel} · ${event.contactId}${event.brief?.displayName ? ` · ${event.brief.displayName}` : ''}`),
      el('span', { class: 'badge' }, BADGES[contact.state]),
      el('span', { class: 'hint' }, `Queue ${event.queue}${event.intent ? ` · ${event.intent}` : ''}`),
    ),
    contact.state === 'offered' ? renderOffer(contact, id) : null,
    renderBrief(contact),
    contact.state === 'assigned' ? renderWork(contact, id) : null,
    contact.state === 'ended' ? el('div', { class: 'work-forms' }, renderWrapUp(contact, id)) : null,
  );
  if (contact.card && contact.card.isConnected) {
    contact.card.replaceWith(card);
  } else {
    $('contacts').prepend(card);
  }
  contact.card = card;
  showEmpty();
}

function renderOffer(contact, id) {
  const { event } = contact;
  const factors = (event.explanation || []).filter((f) => f.contribution > 0 && f.detail);
  return el(
    'div',
    { class: 'offer' },
    factors.length
      ? el(
          'p',
          { class: 'why' },
          el('strong', {}, 'Why you: '),
          factors.map((f) => `${f.detail} (${signed(f.contribution)})`).join('; '),
        )
      : null,
    el(
      'div',
      { class: 'actions' },
      button('Accept', { id: `${id}-accept`, class: 'ok' }, () => accept(contact)),
      form(
        { class: 'decline', 'aria-label': `Decline ${event.contactId}` },
        [el('div', {}, el('label', { for: `${id}-decline-reason` }, 'Reason to decline'), el('input', { id: `${id}-decline-reason`, maxlength: 256 }))],
        'Decline',
        'danger',
        () => reject(contact, $(`${id}-decline-reason`).value.trim()),
      ),
    ),
    el('p', { class: 'error', id: `${id}-offer-error`, role: 'alert' }),
  );
}

function renderWork(contact, id) {
  return el(
    'div',
    { class: 'work-forms' },
    form(
      { class: 'card transfer', 'aria-labelledby': `${id}-transfer-title` },
      [
        el('h4', { id: `${id}-transfer-title` }, 'Transfer'),
        el(
          'fieldset',
          {},
          el('legend', {}, 'Transfer to'),
          el(
            'div',
            { class: 'choices' },
            el('label', {}, el('input', { type: 'radio', name: `${id}-to`, value: 'queue', checked: true }), 'A queue'),
            el('label', {}, el('input', { type: 'radio', name: `${id}-to`, value: 'agent' }), 'An agent'),
          ),
          el('label', { for: `${id}-target` }, 'Queue or agent id'),
          el('input', { id: `${id}-target`, required: true, maxlength: 128 }),
        ),
        el('label', { for: `${id}-transfer-reason` }, 'Reason (the next agent reads it)'),
        el('textarea', { id: `${id}-transfer-reason`, required: true, maxlength: 256 }),
      ],
      'Transfer',
      'secondary',
      () => transfer(contact, id),
    ),
    renderWrapUp(contact, id),
  );
}

function renderWrapUp(contact, id) {
  return form(
    { class: 'card wrap-up', 'aria-labelledby': `${id}-wrap-title` },
    [
      el('h4', { id: `${id}-wrap-title` }, 'Wrap up'),
      el('label', { for: `${id}-outcome` }, 'Outcome'),
      el(
        'select',
        { id: `${id}-outcome`, required: true },
        el('option', { value: '' }, 'Choose…'),
        el('option', { value: 'resolved' }, 'Resolved'),
        el('option', { value: 'follow-up' }, 'Not resolved — follow-up planned'),
        el('option', { value: 'unresolved' }, 'Not resolved'),
      ),
    ],
    contact.state === 'ended' ? 'Record the outcome' : 'End and wrap up',
    null,
    () => wrapUp(contact, id),
  );
}

function renderBrief(contact) {
  const brief = contact.brief;
  const id = idFor(contact.event.contactId);
  if (!brief) {
    return el('section', { class: 'brief', 'aria-label': 'Handoff brief' }, el('p', { class: 'empty' }, 'No brief for this contact.'));
  }
  const register = brief.register === 'FORMAL' ? 'formal' : brief.register === 'INFORMAL' ? 'informal' : null;
  const emotions = brief.emotionTrajectory || [];
  const feeling = emotions.length ? emotions[emotions.length - 1] : null;
  const distressed = feeling && ['ANGER', 'FEAR', 'SHAME'].includes(feeling.emotion);
  const entities = Object.entries(brief.capturedEntities || {});
  return el(
    'section',
    { class: 'brief', 'aria-labelledby': `${id}-brief-title` },
    el(
      'div',
      {},
      el('h4', { id: `${id}-brief-title`, tabindex: '-1' }, 'Handoff brief'),
      el(
        'dl',
        {},
        el('dt', {}, 'Customer'),
        el('dd', { 'data-field': 'name' }, brief.displayName || brief.customerId || NONE),
        el('dt', {}, 'Address as'),
        el('dd', { 'data-field': 'address-as' }, brief.addressAs || NONE),
        el('dt', {}, 'Language'),
        el('dd', { 'data-field': 'language' }, [brief.language, register && `${register} register`].filter(Boolean).join(', ') || NONE),
        el('dt', {}, 'Reason for contact'),
        el(
          'dd',
          { 'data-field': 'intent' },
          brief.intent ? `${brief.intent}${brief.intentConfidence ? ` (${percent(brief.intentConfidence)} sure)` : ''}` : NONE,
        ),
        el('dt', {}, 'Feeling'),
        el(
          'dd',
          { class: 'emotion', 'data-field': 'emotion', 'data-distressed': String(Boolean(distressed)) },
          feeling ? `${feeling.emotion.toLowerCase()} (${Math.round(feeling.intensity * 100)} %)` : NONE,
        ),
        el('dt', {}, 'Waited'),
        el('dd', {}, `${duration(brief.waitedSeconds)}${brief.transfers ? ` · transferred ${brief.transfers}×` : ''}`),
      ),
      el('h4', {}, 'Empathy cues'),
      list('ul', 'cues', brief.empathyCues, 'No particular cue.'),
      entities.length
        ? [el('h4', {}, 'Already captured'), el('dl', {}, entities.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]))]
        : null,
    ),
    el(
      'div',
      {},
      el('h4', {}, 'The story'),
      list('ol', 'story', brief.story, 'Nothing told yet.'),
      el('h4', {}, 'Already tried'),
      list('ul', 'tried', brief.alreadyTried, 'Nothing tried yet.'),
      emotions.length > 1
        ? [
            el('h4', {}, 'How their feeling changed'),
            el('ol', { class: 'story' }, emotions.map((p) => el('li', {}, `${time(p.at)} ${p.emotion.toLowerCase()} (${Math.round(p.intensity * 100)} %)`))),
          ]
        : null,
      brief.pastContacts && brief.pastContacts.length
        ? [
            el('h4', {}, 'Past contacts'),
            el(
              'ul',
              {},
              brief.pastContacts.map((p) =>
                el('li', {}, `${p.channel} ${p.contactId}, ${time(p.startedAt)}${p.outcome ? `: ${p.outcome}` : ''}`),
              ),
            ),
          ]
        : null,
    ),
  );
}

function list(tag, cls, items, empty) {
  if (!items || items.length === 0) {
    return el('p', { class: 'empty' }, empty);
  }
  return el(tag, { class: cls }, items.map((item) => el('li', {}, item)));
}

function button(label, attributes, onClick) {
  const node = el('button', { type: 'button', ...attributes }, label);
  node.addEventListener('click', onClick);
  return node;
}

function form(attributes, fields, submitLabel, submitClass, onSubmit) {
  const node = el('form', { novalidate: true, ...attributes }, fields, el('button', { type: 'submit', class: submitClass }, submitLabel));
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit();
  });
  return node;
}

// ---- actions ----------------------------------------------------------------------------------------------------

function contactPath(contact, action) {
  return `/contacts/${encodeURIComponent(contact.event.contactId)}/${action}`;
}

function showError(contact, message) {
  const target = contact.card.querySelector('[role="alert"]') || $('last-notice');
  target.textContent = message;
  target.hidden = false;
}

async function accept(contact) {
  try {
    const event = await call('', contactPath(contact, 'accept'), session, {
      method: 'POST',
      body: { agentId: session.agentId },
    });
    assigned(event);
    contacts.get(contact.event.contactId)?.card.querySelector('.brief h4')?.focus();
  } catch (e) {
    showError(contact, e.message);
  }
}

async function reject(contact, reason) {
  try {
    await call('', contactPath(contact, 'reject'), session, {
      method: 'POST',
      body: { agentId: session.agentId, reason: reason || null },
    });
    drop(contact.event.contactId, `You declined ${contact.event.contactId}.`);
    $('work-title').focus();
  } catch (e) {
    showError(contact, e.message);
  }
}

async function transfer(contact, id) {
  const to = contact.card.querySelector(`input[name="${id}-to"]:checked`).value;
  const target = $(`${id}-target`).value.trim();
  const reason = $(`${id}-transfer-reason`).value.trim();
  if (!target || !reason) {
    showTransferError(contact, id, !target ? `${id}-target` : `${id}-transfer-reason`, 'Name where to transfer and why.');
    return;
  }
  try {
    await call('', contactPath(contact, 'transfer'), session, {
      method: 'POST',
      body: {
        agentId: session.agentId,
        reason,
        toQueue: to === 'queue' ? target : null,
        toAgentId: to === 'agent' ? target : null,
      },
    });
    drop(contact.event.contactId, `${contact.event.contactId} transferred to ${target}.`);
    $('work-title').focus();
  } catch (e) {
    showError(contact, e.message);
  }
}

function showTransferError(contact, id, fieldId, message) {
  $(fieldId).setAttribute('aria-invalid', 'true');
  $(fieldId).focus();
  showError(contact, message);
}

async function wrapUp(contact, id) {
  const outcome = $(`${id}-outcome`).value;
  if (!outcome) {
    $(`${id}-outcome`).setAttribute('aria-invalid', 'true');
    $(`${id}-outcome`).focus();
    showError(contact, 'Choose the outcome.');
    return;
  }
  try {
    if (contact.state !== 'ended') {
      await call('', contactPath(contact, 'end'), session, {
        method: 'POST',
        body: { agentId: session.agentId, outcome },
      });
      contact.state = 'ended';
    }
    await call('', contactPath(contact, 'outcome'), session, {
      method: 'POST',
      body: {
        agentId: session.agentId,
        resolved: outcome === 'resolved',
        handleSeconds: Math.round((Date.now() - contact.since) / 1000),
      },
    });
    drop(contact.event.contactId, `${contact.event.contactId} wrapped up: ${outcome.replace('-', ' ')}.`);
    $('work-title').focus();
  } catch (e) {
    showError(contact, e.message);
  }
}

// ---- start ------------------------------------------------------------------------------------------------------

function signInWith(token) {
  const field = $('token');
  try {
    const wanted = sessions.fromToken(token, 'agent');
    field.removeAttribute('aria-invalid');
    field.value = '';
    signIn(wanted);
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
} else if (saved && saved.token && saved.agentId) {
  signIn(saved);
}
