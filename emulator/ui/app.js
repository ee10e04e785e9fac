// The emulator's inbox page: threads of the messages the emulator accepted, live over
// Server-Sent Events, and the phone's side (reply, final status, clicks, pushes again).
// Plain DOM: every text from a message goes through textContent, never through HTML parsing.
'use strict';

const API = 'api/';
const ADMIN = '../';
const PAGE = 50;

const state = {
  view: 'threads',
  threadId: null,
  filters: {},
  threadLimit: PAGE,
  items: [], // the open thread's loaded items, oldest first
  before: null, // cursor of older items of the open thread
  open: new Set(), // message ids whose details are open
  details: new Map(), // message id -> detail JSON
};

// ---- DOM helpers --------------------------------------------------------------------------

/** Creates an element: attributes (on*, dataset, boolean and string values) and children. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const $ = (id) => document.getElementById(id);

function toast(text) {
  const t = $('toast');
  t.textContent = text;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => {
    t.textContent = '';
  }, 4000);
}

/** Infobip's `2026-01-01T10:00:00.000+0000` as a Date. */
function parseTime(text) {
  if (!text) return null;
  const d = new Date(String(text).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(d.getTime()) ? null : d;
}

function timeEl(text, withDate) {
  const d = parseTime(text);
  if (!d) return el('span', {}, text || '');
  const shown = withDate ? d.toLocaleString() : d.toLocaleTimeString();
  return el('time', { datetime: d.toISOString() }, shown);
}

function channelName(c) {
  return { SMS: 'SMS', WHATSAPP: 'WhatsApp', VIBER: 'Viber', EMAIL: 'Email' }[c] || c;
}

function statusBadge(group, name) {
  const g = String(group || '').toLowerCase();
  return el('span', { class: `badge status-${g}` }, name || group || '');
}

// ---- HTTP ---------------------------------------------------------------------------------

async function request(method, url, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { error: text };
  }
  if (!response.ok) throw new Error((data && data.error) || `${response.status} ${response.statusText}`);
  return data;
}

const getJson = (url) => request('GET', url);

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

// ---- keyed rendering ----------------------------------------------------------------------

/**
 * Makes `list`'s children the rendering of `entries` (by key), reusing a child whose
 * signature did not change, so focus and open details survive live updates.
 */
function reconcile(list, entries, key, render) {
  const active = document.activeElement;
  const focusKey = active && list.contains(active) ? active.dataset.focus : null;
  const focusOwner = active && list.contains(active) ? active.closest('[data-key]') : null;
  const old = new Map([...list.children].map((c) => [c.dataset.key, c]));
  const wanted = entries.map((e) => {
    const k = String(key(e));
    const sig = JSON.stringify(e);
    const existing = old.get(k);
    if (existing && existing.dataset.sig === sig) return existing;
    const node = render(e);
    node.dataset.key = k;
    node.dataset.sig = sig;
    return node;
  });
  wanted.forEach((node, i) => {
    if (list.children[i] !== node) list.insertBefore(node, list.children[i] || null);
  });
  while (list.children.length > wanted.length) list.lastElementChild.remove();
  if (focusOwner && !focusOwner.isConnected && focusKey) {
    const again = list.querySelector(`[data-key="${CSS.escape(focusOwner.dataset.key)}"] [data-focus="${CSS.escape(focusKey)}"]`);
    if (again) again.focus();
  }
}

// ---- conversations ------------------------------------------------------------------------

function threadLink(t) {
  const last = t.last || {};
  const selected = String(t.id) === String(state.threadId);
  return el(
    'li',
    {},
    el(
      'a',
      { href: `#/threads/${t.id}`, class: 'thread-link', 'aria-current': selected ? 'page' : false, dataset: { focus: 'open' } },
      el(
        'span',
        { class: 'thread-top' },
        el('span', { class: `chip chip-${t.channel.toLowerCase()}` }, channelName(t.channel)),
        el('strong', { class: 'who' }, t.destination || '(no destination)'),
        last.at ? timeEl(last.at) : null,
      ),
      el('span', { class: 'thread-from muted' }, `from ${t.sender || '(default sender)'} · ${t.count} message${t.count === 1 ? '' : 's'}`),
      el(
        'span',
        { class: 'thread-last' },
        last.kind === 'in' ? el('span', { class: 'muted' }, 'Reply: ') : null,
        last.preview || '',
        last.status ? ' ' : null,
        last.status ? statusBadge(last.status, last.status) : null,
      ),
    ),
  );
}

async function loadThreads() {
  const data = await getJson(`${API}threads${query({ ...state.filters, limit: state.threadLimit })}`);
  reconcile($('threads'), data.threads, (t) => t.id, threadLink);
  const filtered = Object.values(state.filters).some((v) => v);
  $('thread-count').textContent = `${data.total} conversation${data.total === 1 ? '' : 's'}${filtered ? ' found' : ''}`;
  $('more-threads').hidden = !data.nextCursor;
}

function contentNodes(c) {
  const nodes = [];
  if (c.subject !== undefined) nodes.push(el('p', { class: 'subject' }, el('span', { class: 'label' }, 'Subject: '), c.subject));
  if (c.template) {
    nodes.push(el('p', { class: 'template' }, el('span', { class: 'label' }, 'Template: '), c.template.name,
      c.template.language ? ` (${c.template.language})` : ''));
    const params = (c.template.parameters || []).map((p) => (typeof p === 'string' ? p : JSON.stringify(p)));
    if (params.length) nodes.push(el('ol', { class: 'params', 'aria-label': 'Template parameters' }, params.map((p) => el('li', {}, p))));
  }
  if (c.text !== undefined) nodes.push(el('p', { class: 'text' }, c.text));
  if (c.media) nodes.push(el('p', { class: 'media' }, el('span', { class: 'label' }, `${(c.type || 'media').toLowerCase()}: `), c.media.join(' ')));
  if (c.caption !== undefined) nodes.push(el('p', { class: 'caption' }, c.caption));
  if (c.file) nodes.push(el('p', {}, el('span', { class: 'label' }, 'File: '), c.file));
  if (c.location) {
    const l = c.location;
    nodes.push(el('p', {}, el('span', { class: 'label' }, 'Location: '), [l.name, l.address, `${l.latitude}, ${l.longitude}`].filter(Boolean).join(' · ')));
  }
  if (c.attachments && c.attachments.length) {
    nodes.push(el('p', { class: 'attachments' }, el('span', { class: 'label' }, 'Attachments: '), c.attachments.join(', ')));
  }
  if (c.hex !== undefined) nodes.push(el('p', { class: 'text mono' }, c.hex));
  if (!nodes.length) nodes.push(el('p', { class: 'muted' }, `(${c.type || 'message'})`));
  return nodes;
}

function metaNodes(m) {
  const parts = [timeEl(m.at)];
  if (m.kind === 'out') {
    parts.push(' · ', statusBadge(m.status.group, m.status.name));
    if (m.sms) {
      const s = m.sms;
      parts.push(` · ${s.encoding} · ${s.parts} part${s.parts === 1 ? '' : 's'}`);
      if (s.ucs2Characters && s.ucs2Characters.length) {
        parts.push(' · UCS-2 because of ', el('span', { class: 'forced' }, s.ucs2Characters.join(' ')));
      }
    }
    if (m.price) parts.push(` · ${m.price.pricePerMessage} ${m.price.currency}`);
  } else {
    parts.push(' · reply from the phone');
  }
  return parts;
}

function messageNode(m) {
  const li = el('li', { class: `msg ${m.kind === 'out' ? 'msg-out' : 'msg-in'}` });
  const label = m.kind === 'out' ? `Message ${m.messageId} to ${m.to}` : `Reply ${m.messageId} from ${m.from}`;
  const bubble = el('div', { class: 'bubble', role: 'group', 'aria-label': label }, contentNodes(m.content));
  const meta = el('p', { class: 'meta' }, metaNodes(m));
  const details = el('details', { class: 'details', dataset: { id: m.messageId } },
    el('summary', { dataset: { focus: 'summary' } }, m.kind === 'out' ? 'Details, webhooks and actions' : 'Details and webhooks'),
    el('div', { class: 'detail-body' }, el('p', { class: 'muted' }, 'Loading…')));
  if (state.open.has(m.messageId)) details.open = true;
  details.addEventListener('toggle', () => {
    if (details.open) {
      state.open.add(m.messageId);
      loadDetail(m.messageId, details);
    } else {
      state.open.delete(m.messageId);
    }
  });
  if (details.open) queueMicrotask(() => fillDetail(details, m.messageId));
  li.append(bubble, meta, details);
  return li;
}

function definition(list, term, value) {
  if (value === null || value === undefined || value === '') return;
  list.append(el('dt', {}, term), el('dd', {}, value));
}

function button(text, onclick, attrs) {
  return el('button', { type: 'button', onclick, ...(attrs || {}) }, text);
}

async function act(promise, done) {
  try {
    const result = await promise;
    if (done) toast(done(result));
  } catch (e) {
    toast(`Failed: ${e.message}`);
  }
}

function findUrls(text) {
  return String(text || '').match(/https?:\/\/[^\s<>"']+/g) || [];
}

function fillDetail(details, id) {
  const d = state.details.get(id);
  const body = details.querySelector('.detail-body');
  if (!d || !body) return;
  const out = [];
  const ids = el('dl', { class: 'ids' });
  definition(ids, 'Message ID', d.messageId);
  definition(ids, 'Bulk ID', d.bulkId);
  definition(ids, 'Request ID', d.requestId);
  definition(ids, 'From', d.from);
  definition(ids, 'To', d.to);
  definition(ids, 'Callback data', d.callbackData);
  if (d.error) definition(ids, 'Error', `${d.error.name}: ${d.error.description}`);
  out.push(ids);

  if (d.kind === 'out') {
    out.push(el('h3', {}, 'Status history'));
    out.push(el('ol', { class: 'history' }, d.history.map((h) => el('li', {}, statusBadge(h.group, h.name), ' ', timeEl(h.at, true)))));
    out.push(el('h3', {}, 'Set the final status'));
    out.push(el('div', { class: 'buttons' }, ['DELIVERED', 'UNDELIVERABLE', 'EXPIRED', 'REJECTED'].map((s) =>
      button(s.charAt(0) + s.slice(1).toLowerCase(), () => act(
        request('POST', `${API}messages/${encodeURIComponent(id)}/status`, { status: s }),
        () => `${s}: ${d.webhookUrl ? 'report pushed' : 'no webhook URL, report only pullable'}`,
      ), { dataset: { focus: `status-${s}` } }))));
    const links = findUrls(d.content && d.content.text);
    if (links.length) {
      out.push(el('h3', {}, 'Tracked links'));
      if (d.trackingUrl) {
        out.push(el('div', { class: 'buttons' }, links.map((url, i) => button(`Click ${url}`, () => act(
          request('POST', `${API}messages/${encodeURIComponent(id)}/click`, { url }),
          () => 'Click report pushed',
        ), { dataset: { focus: `click-${i}` } }))));
      } else {
        out.push(el('p', { class: 'muted' }, 'Link tracking is off for this message (no trackingUrl).'));
      }
    }
  }

  out.push(el('h3', {}, 'Webhooks'));
  out.push(el('p', {}, d.webhookUrl ? ['Pushed to ', el('code', {}, d.webhookUrl)] : el('span', { class: 'muted' }, 'No webhook URL.')));
  const attempts = d.attemptsLog || [];
  if (attempts.length) {
    const table = el('table', { class: 'attempts' },
      el('caption', { class: 'visually-hidden' }, 'Push attempts'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'When'), el('th', { scope: 'col' }, 'What'), el('th', { scope: 'col' }, 'URL'), el('th', { scope: 'col' }, 'Answer'))),
      el('tbody', {}, attempts.map((a) => el('tr', {},
        el('td', {}, timeEl(a.at, true)), el('td', {}, a.kind), el('td', {}, el('code', {}, a.url)),
        el('td', { class: a.error || a.status >= 300 ? 'bad' : 'good' }, a.error ? `error: ${a.error}` : String(a.status))))));
    out.push(el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Push attempts' }, table));
  } else {
    out.push(el('p', { class: 'muted' }, 'No push attempt yet.'));
  }
  if (d.webhookUrl && (d.kind === 'in' || d.final)) {
    out.push(el('div', { class: 'buttons' }, button('Push again', () => act(
      request('POST', `${API}messages/${encodeURIComponent(id)}/push`),
      (r) => `Queued for ${r.url}`,
    ), { dataset: { focus: 'push' } })));
  }
  if (d.clicks && d.clicks.length) {
    out.push(el('p', {}, `Clicked: ${d.clicks.map((c) => c.url).join(', ')}`));
  }
  if (d.report) {
    out.push(el('details', { class: 'raw' }, el('summary', {}, 'Delivery report'), el('pre', {}, JSON.stringify(d.report, null, 2))));
  }
  if (d.pushed) {
    out.push(el('details', { class: 'raw' }, el('summary', {}, 'Pushed message'), el('pre', {}, JSON.stringify(d.pushed, null, 2))));
  }
  if (d.request) {
    const r = d.request;
    const head = r.headers.map(([k, v]) => `${k}: ${v}`).join('\n');
    let shown = r.body;
    try {
      shown = JSON.stringify(JSON.parse(r.body), null, 2);
    } catch {
      // not JSON: shown as received
    }
    out.push(el('details', { class: 'raw' }, el('summary', { dataset: { focus: 'raw' } }, 'Raw request'),
      el('pre', {}, `${r.method} ${r.target}\n${head}\n\n${shown}${r.truncated ? '\n… (cut)' : ''}`)));
  } else if (d.kind === 'out') {
    out.push(el('p', { class: 'muted' }, 'The raw request is no longer kept.'));
  }
  body.replaceChildren(...out);
}

async function loadDetail(id, details) {
  try {
    state.details.set(id, await getJson(`${API}messages/${encodeURIComponent(id)}`));
    fillDetail(details, id);
  } catch (e) {
    details.querySelector('.detail-body').replaceChildren(el('p', { class: 'bad' }, `Could not load: ${e.message}`));
  }
}

function messageFilters() {
  const { bulkId, messageId, status } = state.filters;
  return { bulkId, messageId, status };
}

async function loadThread({ older } = {}) {
  const id = state.threadId;
  if (id === null) return;
  const limit = older ? PAGE : Math.min(Math.max(PAGE, state.items.length), 200);
  const params = { ...messageFilters(), limit };
  if (older && state.before !== null) params.before = state.before;
  const data = await getJson(`${API}threads/${id}${query(params)}`);
  if (state.threadId !== id) return;
  const t = data.thread;
  const ours = t.sender || '(default sender)';
  $('thread-title').textContent = `${channelName(t.channel)} with ${t.destination}`;
  $('thread-sub').textContent = `from ${ours} · ${data.total} message${data.total === 1 ? '' : 's'}`;
  $('reply-label').textContent = `Reply as ${t.destination}`;
  $('reply-note').textContent = 'Sent to the app as an inbound message, like POST /_emulator/inbound.';
  if (older) {
    state.items = data.items.concat(state.items);
    state.before = data.before;
  } else {
    const fresh = new Set(data.items.map((m) => m.messageId));
    const kept = state.items.slice(0, Math.max(0, state.items.length - data.items.length)).filter((m) => !fresh.has(m.messageId));
    if (kept.length === 0) state.before = data.before;
    state.items = kept.concat(data.items);
  }
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  reconcile(list, state.items, (m) => m.messageId, messageNode);
  $('older').hidden = state.before === null || state.before === undefined;
  for (const id2 of state.open) {
    const details = list.querySelector(`details[data-id="${CSS.escape(id2)}"]`);
    if (details && details.open) loadDetail(id2, details);
  }
  if (atBottom && !older) list.scrollTop = list.scrollHeight;
}

async function openThread(id) {
  const changed = String(state.threadId) !== String(id);
  state.threadId = id;
  document.body.classList.toggle('thread-open', id !== null);
  $('thread').hidden = id === null;
  $('thread-empty').hidden = id !== null;
  for (const a of $('threads').querySelectorAll('a[aria-current]')) a.removeAttribute('aria-current');
  if (id === null) return;
  const link = $('threads').querySelector(`a[href="#/threads/${id}"]`);
  if (link) link.setAttribute('aria-current', 'page');
  if (changed) {
    state.items = [];
    state.before = null;
    state.open.clear();
    $('messages').replaceChildren();
  }
  try {
    await loadThread();
    if (changed) {
      const list = $('messages');
      list.scrollTop = list.scrollHeight;
      $('thread-title').focus();
    }
  } catch (e) {
    toast(`Could not load the conversation: ${e.message}`);
  }
}

// ---- 2FA and faults -----------------------------------------------------------------------

async function loadPins() {
  const data = await getJson(`${API}pins`);
  const root = $('pins');
  if (!data.applications.length) {
    root.replaceChildren(el('p', { class: 'empty' }, 'No PIN sent yet.'));
    return;
  }
  root.replaceChildren(...data.applications.map((app) => el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': `PINs of ${app.name || app.applicationId}` }, el('table', { class: 'pins' },
    el('caption', {}, `${app.name || 'Application'} (${app.applicationId})`),
    el('thead', {}, el('tr', {}, ['Destination', 'PIN', 'Attempts left', 'Verified', 'Sent', 'Expires', 'PIN ID'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, app.pins.map((p) => el('tr', {},
      el('td', {}, p.to), el('td', { class: 'mono pin' }, p.pin), el('td', {}, String(p.attemptsRemaining)),
      el('td', {}, p.verified ? 'verified' : 'no'), el('td', {}, timeEl(p.sentAt, true)),
      el('td', {}, p.expired ? 'expired' : timeEl(p.expiresAt, true)), el('td', { class: 'mono' }, p.pinId))))))));
}

function describeFault(f) {
  const what = {
    status: `answer ${f.status || 500}`,
    delay: `delay ${f.delayMs} ms`,
    reset_before_response: 'reset before the status line',
    reset_after_status_line: 'reset after the status line',
    malformed_body: `malformed body (${f.status || 200})`,
  }[f.kind || (f.status ? 'status' : 'delay')];
  const headers = Object.entries(f.headers || {}).map(([k, v]) => `${k}: ${v}`).join(', ');
  return `${what}${f.delayMs && f.kind !== 'delay' ? ` after ${f.delayMs} ms` : ''} · ${f.method || 'any method'} ${f.path || 'every path'} · ${f.count} more${headers ? ` · ${headers}` : ''}`;
}

async function loadFaults() {
  const data = await getJson(`${ADMIN}faults`);
  const list = $('faults');
  if (!data.faults.length) list.replaceChildren(el('li', { class: 'muted' }, 'None.'));
  else list.replaceChildren(...data.faults.map((f) => el('li', {}, describeFault(f))));
}

function faultFromForm(form) {
  const v = (name) => form.elements[name].value.trim();
  const fault = { kind: v('kind'), count: Number(v('count') || 1) };
  if (v('path')) fault.path = v('path');
  if (v('method')) fault.method = v('method');
  if (['status', 'malformed_body', 'reset_after_status_line'].includes(fault.kind) && v('status')) fault.status = Number(v('status'));
  if (Number(v('delayMs'))) fault.delayMs = Number(v('delayMs'));
  if (v('retryAfter')) fault.headers = { 'Retry-After': v('retryAfter') };
  const body = form.elements.body.value;
  if (fault.kind === 'status' && body.trim()) {
    try {
      fault.body = JSON.parse(body);
    } catch {
      fault.body = body;
    }
  }
  return fault;
}

// ---- views, live updates, wiring ----------------------------------------------------------

async function refresh() {
  try {
    if (state.view === 'threads') {
      await loadThreads();
      if (state.threadId !== null) await loadThread();
    } else if (state.view === '2fa') {
      await loadPins();
    } else if (state.view === 'faults') {
      await loadFaults();
    }
  } catch (e) {
    toast(`Could not refresh: ${e.message}`);
  }
}

let pending = null;
function scheduleRefresh() {
  if (pending) return;
  pending = setTimeout(async () => {
    pending = null;
    await refresh();
  }, 30);
}

function route() {
  const hash = location.hash || '#/threads';
  const [, view, id] = hash.match(/^#\/([a-z0-9]+)(?:\/(\d+))?/) || [null, 'threads', null];
  state.view = ['threads', '2fa', 'faults'].includes(view) ? view : 'threads';
  for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== `view-${state.view}`;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.view === state.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${{ threads: 'Inbox', '2fa': '2FA PINs', faults: 'Faults' }[state.view]} · Infobip emulator`;
  if (state.view === 'threads') {
    openThread(id === undefined || id === null ? null : Number(id));
  } else {
    document.body.classList.remove('thread-open');
  }
  refresh();
}

function connect() {
  const live = $('live');
  const source = new EventSource(`${API}events`);
  source.addEventListener('change', () => {
    live.textContent = 'Live';
    live.classList.remove('offline');
    scheduleRefresh();
  });
  source.addEventListener('error', () => {
    live.textContent = 'Reconnecting…';
    live.classList.add('offline');
  });
}

function readFilters() {
  const form = $('find');
  const f = {};
  for (const name of ['channel', 'destination', 'sender', 'bulkId', 'messageId', 'status']) {
    const value = form.elements[name].value.trim();
    if (value) f[name] = value;
  }
  return f;
}

function wire() {
  $('find').addEventListener('submit', (e) => {
    e.preventDefault();
    state.filters = readFilters();
    state.threadLimit = PAGE;
    state.items = [];
    state.before = null;
    refresh();
  });
  $('clear-filters').addEventListener('click', () => {
    $('find').reset();
    state.filters = {};
    state.items = [];
    state.before = null;
    refresh();
  });
  $('reset').addEventListener('click', () => {
    if (!window.confirm('Clear every message, report, PIN, fault and recorded request?')) return;
    act(request('POST', `${ADMIN}reset`), () => 'Everything cleared').then(() => {
      location.hash = '#/threads';
    });
  });
  $('more-threads').addEventListener('click', () => {
    state.threadLimit = Math.min(state.threadLimit + PAGE, 200);
    loadThreads();
  });
  $('older').addEventListener('click', () => loadThread({ older: true }));
  $('reply').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('reply-text').value;
    if (!text.trim() || state.threadId === null) return;
    act(request('POST', `${API}threads/${state.threadId}/reply`, { text }), (m) => {
      $('reply-text').value = '';
      return `Reply ${m.messageId} sent to the app`;
    });
  });
  $('reply-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('reply').requestSubmit();
  });
  $('fault-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act(request('POST', `${ADMIN}faults`, faultFromForm(e.target)), (r) => `${r.queued} fault queued`);
  });
  $('clear-faults').addEventListener('click', () => act(request('DELETE', `${ADMIN}faults`), (r) => `${r.cleared} fault(s) cleared`));
  window.addEventListener('hashchange', route);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.threadId !== null && state.view === 'threads' && !e.target.closest('textarea, input, select')) {
      location.hash = '#/threads';
    }
  });
}

wire();
route();
connect();
