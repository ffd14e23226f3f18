// One departure (a tour code on one date): its incidents and its complaints together. A complaint
// still on the desk opens in the queue view.
/* global document, window */
import { loadDeparture } from './api.js';
import { el } from './dom.js';
import { currentLocale, label, t } from './i18n.js';
import { incidentRow } from './incidents.js';
import { moment } from './time.js';

const byId = (id) => document.getElementById(id);

const state = { departure: null, view: null, request: 0 };

/** What the rest of the console does: report a failure, open an incident or a case, go back. */
let hooks = { fail: () => {}, openIncident: () => {}, openCase: () => {}, back: () => {} };

export function setupDeparture(given) {
  hooks = given;
  byId('departure-back').addEventListener('click', () => hooks.back());
}

/** Shows `departure` ({ tourCode, date }) and fetches it. */
export function showDeparture(departure) {
  if (state.departure?.tourCode !== departure.tourCode || state.departure?.date !== departure.date) state.view = null;
  state.departure = departure;
  byId('departure-error').textContent = '';
  window.scrollTo(0, 0);
  drawDeparture();
  void refreshDeparture();
}

export async function refreshDeparture() {
  const departure = state.departure;
  if (departure === null) return;
  const request = ++state.request;
  try {
    const view = await loadDeparture(departure.tourCode, departure.date);
    if (request !== state.request) return;
    state.view = view;
    byId('departure-error').textContent = '';
    drawDeparture();
  } catch (e) {
    hooks.fail(e, 'departure-error');
  }
}

export function resetDeparture() {
  Object.assign(state, { departure: null, view: null });
}

export function drawDeparture() {
  const departure = state.view?.departure ?? state.departure;
  if (departure === null) return;
  byId('departure-title').textContent = t('departure.title', { tourCode: departure.tourCode, date: departure.date });
  const view = state.view;
  byId('departure-travellers').textContent = view === null ? '' : t('departure.travellers', { count: view.travellers });
  const incidents = byId('departure-incidents');
  const complaints = byId('departure-complaints');
  if (view === null) {
    incidents.replaceChildren();
    complaints.replaceChildren();
    return;
  }
  incidents.replaceChildren(...(view.incidents.length === 0
    ? [el('li', { className: 'muted', textContent: t('departure.noIncidents') })]
    : view.incidents.map((incident) => incidentRow(incident, { onOpen: hooks.openIncident }))));
  complaints.replaceChildren(...(view.complaints.length === 0
    ? [el('li', { className: 'muted', textContent: t('departure.noComplaints') })]
    : view.complaints.map(complaintRow)));
}

function complaintRow(complaint) {
  const onDesk = complaint.onDesk !== null;
  const children = [
    el('span', { className: 'row-top' }, [
      el('span', { className: `badge sev-${complaint.severity}`, textContent: label('severity', complaint.severity) }),
      el('strong', { textContent: label('category', complaint.category) }),
      el('span', { className: 'waited', textContent: moment(complaint.createdAt, currentLocale()) }),
    ]),
    el('span', { className: 'row-meta' }, [
      el('span', { textContent: complaint.caseId }),
      el('span', { textContent: label('caseStatus', complaint.status) }), // the case's status, not a desk ticket's
      el('span', { textContent: label('channel', complaint.channel) }),
    ]),
    el('span', { className: 'row-bottom' }, [
      el('span', { className: onDesk ? '' : 'muted', textContent: onDesk ? t('departure.openOnDesk') : t('departure.notOnDesk') }),
    ]),
  ];
  const dataset = { testid: 'departure-complaint', caseId: complaint.caseId };
  if (!onDesk) return el('li', {}, [el('div', { className: 'queue-row is-static', dataset }, children)]);
  const button = el('button', { type: 'button', className: 'queue-row', dataset }, children);
  button.addEventListener('click', () => hooks.openCase(complaint.caseId));
  return el('li', {}, [button]);
}
