// Pages about high and critical incidents: the on-duty manager must not miss one. Until someone
// acknowledges it, a banner stays on top, the title carries it and an alarm repeats (unless muted).
// The server pages again until then, so each `page` event shows the banner anew.
/* global document, setInterval, clearInterval */
import { ApiError, incidentAction, loadIncident } from './api.js';
import { alarm, showAlert } from './cue.js';
import { errorText } from './errors.js';
import { label, t } from './i18n.js';

const byId = (id) => document.getElementById(id);
const repeatMs = 5000;

/** Incidents paging now, by id, with their severity (null if it could not be fetched); the latest last. */
const paging = new Map();
let timer = null;

/** What the rest of the console does: report a failure, open an incident, hear of an acknowledgement. */
let hooks = { fail: () => {}, openIncident: () => {}, acknowledged: () => {} };

const latest = () => [...paging.keys()].at(-1);

export function setupPaging(given) {
  hooks = given;
  byId('page-ack').addEventListener('click', () => void acknowledge(latest()));
  byId('page-open').addEventListener('click', () => {
    const id = latest();
    if (id !== undefined) hooks.openIncident(id);
  });
}

/** A `page` event: shows the banner at once, then learns the severity; an incident acknowledged meanwhile is dropped. */
export async function onPage(id) {
  const severity = paging.get(id) ?? null;
  paging.delete(id);
  paging.set(id, severity);
  drawPaging();
  alarm();
  try {
    const incident = await loadIncident(id);
    if (!paging.has(id)) return;
    if (incident.acknowledgedAt !== null) paging.delete(id);
    else paging.set(id, incident.severity);
    drawPaging();
  } catch {
    // The banner stays without a severity: a page is never dropped because a fetch failed.
  }
}

/** Incidents still being paged about when the console (re)loads: shown, and sounded, as if just paged. */
export function resumePages(incidents) {
  const fresh = incidents.filter((incident) => !paging.has(incident.id));
  for (const incident of fresh) paging.set(incident.id, incident.severity);
  if (fresh.length === 0) return;
  drawPaging();
  alarm();
}

/** Someone acknowledged the incident (here, elsewhere or through the event feed). */
export function clearPage(id) {
  if (paging.delete(id)) drawPaging();
}

export function clearPages() {
  paging.clear();
  drawPaging();
}

export function drawPaging() {
  const id = latest();
  const banner = byId('page-banner');
  banner.hidden = id === undefined;
  if (id === undefined) {
    clearInterval(timer);
    timer = null;
    byId('page-error').textContent = '';
    showAlert('');
    return;
  }
  const severity = paging.get(id);
  byId('page-text').textContent = severity === null
    ? t('page.bannerUnknown', { id })
    : t('page.banner', { id, severity: label('severity', severity) });
  byId('page-more').textContent = paging.size > 1 ? t('page.more', { count: paging.size - 1 }) : '';
  showAlert(t('page.title', { id }));
  timer ??= setInterval(alarm, repeatMs);
}

async function acknowledge(id) {
  if (id === undefined) return;
  const button = byId('page-ack');
  button.disabled = true;
  byId('page-error').textContent = '';
  try {
    await incidentAction(id, 'acknowledge', {});
    clearPage(id);
    hooks.acknowledged(id);
  } catch (e) {
    if (e instanceof ApiError && e.status !== 401) byId('page-error').textContent = errorText(e);
    else hooks.fail(e, 'page-error');
  } finally {
    button.disabled = false;
  }
}
