// Incidents: guides' reports from the road and group complaints (群体性投诉), newest first,
// beside the open one. Fills the page's fixed skeleton, so a refetch never loses a typed amount.
/* global document, localStorage, window, URL */
import { ApiError, incidentAction, loadIncident, loadIncidents } from './api.js';
import { el, safeLink } from './dom.js';
import { errorText } from './errors.js';
import { currentLocale, label, t } from './i18n.js';
import { moment } from './time.js';

const byId = (id) => document.getElementById(id);

const state = {
  items: [],
  unacknowledged: false,
  /** The open incident's id and its last view. */
  open: null,
  view: null,
  listRequest: 0,
  viewRequest: 0,
};

/** What the rest of the console does for this view: report a failure, open a departure, hear of a change or an acknowledgement. */
let hooks = { fail: () => {}, openDeparture: () => {}, changed: () => {}, acknowledged: () => {} };

const none = () => t('packet.none');
const departureText = (departure) => (departure === null ? t('incidents.noDeparture') : `${departure.tourCode} · ${departure.date}`);
/** A report names what happened; a group incident what its travellers complain about. */
const subject = (incident) => (incident.kind === 'group' && incident.category !== null ? label('category', incident.category) : label('incidentType', incident.type));

/** One row of an incident list (here and in the departure view); `onOpen(id)` opens it. */
export function incidentRow(incident, { selected = false, onOpen }) {
  const acked = incident.acknowledgedAt !== null;
  const button = el('button', {
    type: 'button',
    className: ['queue-row', acked ? '' : 'is-unacked', selected ? 'is-selected' : ''].join(' ').trim(),
    dataset: { testid: 'incident-item', incidentId: incident.id },
    attrs: selected ? { 'aria-current': 'true' } : {},
  }, [
    el('span', { className: 'row-top' }, [
      el('span', { className: `badge sev-${incident.severity}`, textContent: label('severity', incident.severity) }),
      el('strong', { textContent: subject(incident) }),
      el('span', { className: 'waited', textContent: moment(incident.createdAt, currentLocale()) }),
    ]),
    el('span', { className: 'row-meta' }, [
      el('span', { textContent: incident.id }),
      el('span', { textContent: label('incidentKind', incident.kind) }),
      el('span', { textContent: departureText(incident.departure) }),
    ]),
    el('span', { className: 'row-bottom' }, [
      acked
        ? el('span', { className: 'acked', textContent: t('incidents.acknowledged') })
        : el('span', { className: 'unacked', textContent: t('incidents.unacknowledged') }),
      incident.pages > 0 ? el('span', { className: 'pages', textContent: t('incidents.pages', { count: incident.pages }) }) : null,
    ]),
  ]);
  button.addEventListener('click', () => onOpen(incident.id));
  return el('li', {}, [button]);
}

/** Wires the view's controls once. */
export function setupIncidents(given) {
  hooks = given;
  byId('incidents-unacked').addEventListener('change', (event) => {
    state.unacknowledged = event.target.checked;
    void refreshIncidents();
  });
  byId('incident-back').addEventListener('click', () => {
    closeIncident();
    drawList();
  });
  byId('incident-ack').addEventListener('click', async () => {
    const id = state.open;
    if (await act(() => incidentAction(id, 'acknowledge', {}))) hooks.acknowledged(id);
  });
  byId('incident-departure').addEventListener('click', () => {
    if (state.view?.departure) hooks.openDeparture(state.view.departure);
  });
  byId('outreach-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const amount = readAmount('outreach-amount', false);
    if (amount === null) return;
    void send('outreach-send', () => incidentAction(state.open, 'outreach', amount === undefined ? {} : { amount }), 'outreach-amount');
  });
  byId('settlement-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const amount = readAmount('settlement-amount', true);
    if (amount === null) return;
    void send('settlement-send', () => incidentAction(state.open, 'settlement', { amount }), 'settlement-amount');
  });
}

/** The amount typed: undefined when left empty (and optional), null (with the error shown) when not a positive number. */
function readAmount(id, required) {
  const text = byId(id).value.trim();
  const error = byId('incident-error');
  error.textContent = '';
  if (text === '' && !required) return undefined;
  const amount = Number(text);
  if (text === '' || !Number.isFinite(amount) || amount <= 0) {
    error.textContent = t('incident.amountInvalid');
    return null;
  }
  return amount;
}

/** Sends outreach or a settlement offer, once per click: the button waits for the answer. */
async function send(buttonId, request, inputId) {
  const button = byId(buttonId);
  button.disabled = true;
  try {
    const result = await act(request);
    if (result) {
      byId('incident-result').textContent = t('incident.sent', { sent: result.sent, skipped: result.skipped });
      byId(inputId).value = '';
    }
  } finally {
    button.disabled = false;
  }
}

/** Runs a change on the open incident, shows its error if any (a refused amount's message too), then refetches. */
async function act(change) {
  const error = byId('incident-error');
  error.textContent = '';
  byId('incident-result').textContent = '';
  try {
    return await change();
  } catch (e) {
    if (e instanceof ApiError && e.status !== 401) error.textContent = errorText(e);
    else hooks.fail(e, 'incident-error');
    return null;
  } finally {
    void refreshIncident();
    void refreshIncidents();
    hooks.changed();
  }
}

export async function refreshIncidents() {
  const request = ++state.listRequest;
  try {
    const { incidents } = await loadIncidents({ unacknowledged: state.unacknowledged });
    if (request !== state.listRequest) return;
    state.items = incidents;
    byId('incidents-error').textContent = '';
    drawList();
    hooks.changed();
  } catch (e) {
    hooks.fail(e, 'incidents-error');
  }
}

/** Incidents paged about and not yet acknowledged: after a reload the banner is back at once, not at the next page. */
export const stillPaging = () => state.items.filter((incident) => incident.acknowledgedAt === null && incident.pages > 0);

/** How many incidents in the list wait for an acknowledgement. */
export const unacknowledgedCount = () => state.items.filter((incident) => incident.acknowledgedAt === null).length;

function drawList() {
  byId('incidents').replaceChildren(...state.items.map((incident) => incidentRow(incident, { selected: incident.id === state.open, onOpen: openIncident })));
  byId('incidents-empty').hidden = state.items.length > 0;
  byId('incidents-unacked').checked = state.unacknowledged;
}

export function openIncident(id) {
  if (state.open !== id) {
    for (const input of ['outreach-amount', 'settlement-amount']) byId(input).value = '';
    byId('incident-error').textContent = '';
    byId('incident-result').textContent = '';
    state.view = null;
  }
  state.open = id;
  byId('incidents-view').classList.add('showing-case');
  window.scrollTo(0, 0);
  drawList();
  void refreshIncident();
}

export function closeIncident() {
  state.open = null;
  state.view = null;
  byId('incidents-view').classList.remove('showing-case');
  byId('incident').hidden = true;
  byId('incident-placeholder').hidden = false;
}

export async function refreshIncident() {
  const id = state.open;
  if (id === null) return;
  const request = ++state.viewRequest;
  try {
    const view = await loadIncident(id);
    if (request !== state.viewRequest || id !== state.open) return;
    state.view = view;
    drawIncident();
  } catch (e) {
    hooks.fail(e, 'incident-error');
  }
}

/** A live `incident` event: refetch the list, and the open incident if it is the one. */
export function onIncidentEvent(event) {
  void refreshIncidents();
  if (event.incidentId === state.open) void refreshIncident();
}

/** Relabels everything in the current locale. */
export function drawIncidents() {
  drawList();
  drawIncident();
}

/** Forgets everything (signing out). */
export function resetIncidents() {
  Object.assign(state, { items: [], unacknowledged: false });
  closeIncident();
  drawList();
}

function drawIncident() {
  const incident = state.view;
  if (incident === null) return;
  const locale = currentLocale();
  const group = incident.kind === 'group';
  byId('incident-placeholder').hidden = true;
  byId('incident').hidden = false;
  byId('incident-title').textContent = t('incident.title', { id: incident.id, subject: subject(incident) });
  byId('incident-badges').replaceChildren(
    el('span', { className: `badge sev-${incident.severity}`, textContent: label('severity', incident.severity) }),
    el('span', { className: 'badge kind', textContent: label('incidentKind', incident.kind) }),
  );
  const acked = incident.acknowledgedAt !== null;
  byId('incident-state').textContent = [
    acked
      ? t('incident.ackedBy', { name: incident.acknowledgedBy?.displayName ?? none(), time: moment(incident.acknowledgedAt, locale) })
      : t('incidents.unacknowledged'),
    t('incidents.pages', { count: incident.pages }),
  ].join(' · ');
  byId('incident-ack').disabled = acked;
  byId('incident-departure').hidden = incident.departure === null;
  byId('incident-facts').replaceChildren(...facts(incident, locale));
  drawChecklist(incident);
  byId('outreach-hint').textContent = group
    ? t('incident.outreachGroup', { count: incident.affected.length })
    : t('incident.outreachReport', { count: incident.rosterSize });
  byId('settlement-form').hidden = !group;
  byId('settlement-hint').textContent = t('incident.settlementHint', { count: incident.affected.length });
  byId('incident-roster').textContent = t('incident.roster', { count: incident.rosterSize });
  const affected = byId('incident-affected');
  if (incident.affected.length === 0) affected.replaceChildren(el('li', { className: 'muted', textContent: none() }));
  else affected.replaceChildren(...incident.affected.map((a) => el('li', { textContent: `${label('channel', a.channel)} · ${a.caseId === null ? t('incident.noCase') : t('incident.case', { id: a.caseId })}` })));
}

const fact = (title, value) => [el('dt', { textContent: title }), el('dd', {}, [value])];

function facts(incident, locale) {
  return [
    ...fact(t('incident.kind'), label('incidentKind', incident.kind)),
    ...fact(t('incident.type'), label('incidentType', incident.type)),
    ...(incident.category === null ? [] : fact(t('incident.category'), label('category', incident.category))),
    ...fact(t('incident.departure'), departureText(incident.departure)),
    ...fact(t('incident.created'), moment(incident.createdAt, locale)),
    ...fact(t('incident.reporter'), incident.reportedBy?.name ?? none()),
    ...fact(t('incident.location'), place(incident.location)),
    ...fact(t('incident.description'), el('span', { className: 'description', textContent: incident.description || none() })),
    ...fact(t('incident.attachments'), attachments(incident.attachments)),
  ];
}

/** `lat,lon` coordinates in range, or null for any other text. */
function coordinates(text) {
  const match = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (match === null) return null;
  const [lat, lon] = [Number(match[1]), Number(match[2])];
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

/** The location as written; for coordinates, also a link to them on OpenStreetMap. */
function place(location) {
  if (location === null || location.trim() === '') return none();
  const text = el('span', { textContent: location });
  const at = coordinates(location);
  if (at === null) return text;
  const url = new URL('https://www.openstreetmap.org/');
  url.searchParams.set('mlat', String(at.lat));
  url.searchParams.set('mlon', String(at.lon));
  url.hash = `map=16/${at.lat}/${at.lon}`;
  return el('span', {}, [text, ' ', el('a', { href: url.href, textContent: t('incident.map'), target: '_blank', rel: 'noopener noreferrer' })]);
}

function attachments(items) {
  if (items.length === 0) return none();
  return el('ul', { className: 'attachments' }, items.map((a) => el('li', {}, [el('span', { className: 'muted', textContent: `${label('attachment', a.kind)}${t('list.colon')}` }), safeLink(a.ref)])));
}

// --- the crisis checklist: ticks kept in this browser only, as a working aid ---

const checklistKey = (id) => `tripcare.console.checklist.${id}`;

function ticked(id) {
  try {
    const saved = JSON.parse(localStorage.getItem(checklistKey(id)) ?? '[]');
    return new Set(Array.isArray(saved) ? saved : []);
  } catch {
    return new Set();
  }
}

function drawChecklist(incident) {
  const card = byId('incident-checklist-card');
  card.hidden = incident.kind !== 'group' || incident.checklist.length === 0;
  if (card.hidden) return;
  const done = ticked(incident.id);
  byId('incident-checklist').replaceChildren(...incident.checklist.map((item) => {
    const id = `checklist-${item}`;
    const box = el('input', { id, type: 'checkbox', checked: done.has(item), dataset: { testid: 'checklist-item', item } });
    box.addEventListener('change', () => {
      const now = ticked(incident.id);
      if (box.checked) now.add(item);
      else now.delete(item);
      localStorage.setItem(checklistKey(incident.id), JSON.stringify([...now]));
    });
    return el('li', {}, [box, el('label', { htmlFor: id, textContent: label('checklist', item) })]);
  }));
}
