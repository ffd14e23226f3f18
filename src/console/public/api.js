// The desk API: JSON both ways; every non-GET request carries the session's CSRF token.
/* global fetch, URLSearchParams */

let csrfToken = '';

/**
 * A refusal: its HTTP status, its stable `code` (see src/desk/desk-error.ts) and the whole body.
 * The message is the server's English, for debugging only: errors.js says it to staff.
 */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.code = typeof body?.code === 'string' ? body.code : null;
    this.body = body;
  }
}

export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: {} };
  if (method !== 'GET') {
    init.headers = { 'content-type': 'application/json', 'x-csrf-token': csrfToken };
    init.body = JSON.stringify(body ?? {});
  }
  const res = await fetch(path, init);
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** Keeps the CSRF token of the session the server answered with. */
function remember(session) {
  csrfToken = session.csrfToken;
  return session;
}

export const signIn = (username, password) => api('POST', '/api/session', { username, password }).then(remember);

/** The signed-in session, or null when there is none (401). */
export async function currentSession() {
  try {
    return remember(await api('GET', '/api/session'));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function signOut() {
  await api('DELETE', '/api/session');
  csrfToken = '';
}

const casePath = (caseId, action = '') => `/api/conversations/${encodeURIComponent(caseId)}${action}`;

export const loadQueue = (team) => api('GET', team ? `/api/queue?team=${encodeURIComponent(team)}` : '/api/queue');
export const loadConversation = (caseId) => api('GET', casePath(caseId));
export const loadStaff = () => api('GET', '/api/staff');
export const caseAction = (caseId, action, body) => api('POST', casePath(caseId, `/${action}`), body);
export const approveRemedy = (caseId, remedyId, amount) =>
  api('POST', casePath(caseId, `/remedies/${encodeURIComponent(remedyId)}/approve`), amount === undefined ? {} : { amount });

// --- incidents, departures and guides ---

const incidentPath = (id, action = '') => `/api/incidents/${encodeURIComponent(id)}${action}`;
const guidePath = (id, action) => `/api/guides/${encodeURIComponent(id)}${action}`;

/** Newest first; only those nobody acknowledged yet when `unacknowledged` is set. */
export function loadIncidents({ unacknowledged = false, tourCode = '' } = {}) {
  const query = new URLSearchParams();
  if (tourCode) query.set('tourCode', tourCode);
  if (unacknowledged) query.set('unacknowledged', '1');
  const search = query.toString();
  return api('GET', search ? `/api/incidents?${search}` : '/api/incidents');
}
export const loadIncident = (id) => api('GET', incidentPath(id));
/** `acknowledge` ({}), `outreach` ({ amount? }) or `settlement` ({ amount }). */
export const incidentAction = (id, action, body) => api('POST', incidentPath(id, `/${action}`), body);

export function loadDeparture(tourCode, date) {
  const path = `/api/departures/${encodeURIComponent(tourCode)}`;
  return api('GET', date ? `${path}?${new URLSearchParams({ date })}` : path);
}

export const loadGuides = () => api('GET', '/api/guides');
export const addGuide = (guide) => api('POST', '/api/guides', guide);
export const issueGuideCode = (id) => api('POST', guidePath(id, '/code'), {});
export const addGuideDepartures = (id, departures) => api('POST', guidePath(id, '/departures'), { departures });

// --- reports and corrective actions (supervisors, executives and admins) ---

/** The query of a report's period: `{ from, to, by }`. */
const periodQuery = (period) => new URLSearchParams(period).toString();

export const loadReport = (name, period) => api('GET', `/api/reports/${encodeURIComponent(name)}?${periodQuery(period)}`);
/** Where a report downloads as CSV: a plain link, the session cookie goes with it. */
export const reportCsvPath = (name, period) => `/api/reports/${encodeURIComponent(name)}.csv?${periodQuery(period)}`;
export const quarterlyPath = (quarter, locale) => `/reports/quarterly?${new URLSearchParams({ quarter, lang: locale })}`;

export const loadActions = () => api('GET', '/api/actions');
export const openAction = (action) => api('POST', '/api/actions', action);
export const finishAction = (id) => api('POST', `/api/actions/${encodeURIComponent(id)}/done`, {});
