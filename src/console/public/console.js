// The staff console: sign-in, then the queue beside the open case; incidents, departures and
// guides in views of their own. Plain ES modules, no build step. Every change on the desk arrives
// as a server-sent event and simply refetches what is shown.
/* global document, window, setInterval */
import { ApiError, approveRemedy, caseAction, currentSession, loadConversation, loadQueue, loadStaff, signIn, signOut } from './api.js';
import { addParty, readCloseForm, relabelCloseForm, resetCloseForm } from './close-form.js';
import { renderConversation } from './conversation.js';
import { beep, isMuted, setMuted, setTitle, showUnseen, unlockAudio } from './cue.js';
import { drawDeparture, refreshDeparture, resetDeparture, setupDeparture, showDeparture } from './departure.js';
import { el } from './dom.js';
import { errorText } from './errors.js';
import { watchDesk } from './events.js';
import { drawActions, drawForm, refreshActions, resetActions, setupActions } from './actions.js';
import { drawGuides, mayManageGuides, refreshGuides, resetGuides, setupGuides } from './guides.js';
import { currentLocale, label, localName, savedLocale, t, useLocale } from './i18n.js';
import { drawIncidents, onIncidentEvent, openIncident, refreshIncidents, resetIncidents, setupIncidents, stillPaging, unacknowledgedCount } from './incidents.js';
import { clearPage, clearPages, drawPaging, onPage, resumePages, setupPaging } from './paging.js';
import { renderQueue, tickQueue } from './queue.js';
import { drawChoices, mayReport, refreshReport, resetReports, setupReports } from './reports.js';

const byId = (id) => document.getElementById(id);

const state = {
  session: null,
  /** The view shown: 'queue', 'incidents', 'departure', 'guides', 'reports' or 'actions'. */
  page: 'queue',
  items: [],
  teams: [],
  team: '',
  staff: [],
  /** The open case's id and its last view. */
  openCase: null,
  view: null,
  /** New escalations not yet looked at: highlighted and counted in the title. */
  unseen: new Set(),
  /** Cases an `opened` event announced before the queue refetch showed them. */
  announced: new Set(),
  stopEvents: null,
  queueRequest: 0,
  caseRequest: 0,
};

// --- signing in and out ---

function showSignedIn(signedIn) {
  byId('login-view').hidden = signedIn;
  byId('main-nav').hidden = !signedIn;
  byId('sign-out').hidden = !signedIn;
  byId('who').textContent = signedIn ? t('header.signedInAs', { name: state.session.staff.displayName, role: label('role', state.session.staff.role) }) : '';
  byId('nav-guides').hidden = !signedIn || !mayManageGuides(state.session.staff.role);
  byId('nav-incidents').hidden = !signedIn || state.session.staff.role === 'partner'; // incidents are the agency's own
  for (const name of ['reports', 'actions']) byId(`nav-${name}`).hidden = !signedIn || !mayReport(state.session.staff.role);
  drawNav();
}

async function enterDesk(session) {
  state.session = session;
  showSignedIn(true);
  showView('queue');
  state.stopEvents = watchDesk(onDeskEvent, onConnection);
  await Promise.all([refreshQueue(), refreshStaff(), ...(session.staff.role === 'partner' ? [] : [refreshIncidents()])]);
}

function leaveDesk() {
  state.stopEvents?.();
  Object.assign(state, { session: null, items: [], openCase: null, view: null, stopEvents: null });
  state.unseen.clear();
  showUnseen(0);
  closeCase();
  resetIncidents();
  resetDeparture();
  resetGuides();
  resetReports();
  resetActions();
  clearPages();
  showSignedIn(false);
  showView(null);
  byId('login-password').value = '';
}

// --- the views: queue, incidents, a departure, guides ---

const views = { queue: 'desk-view', incidents: 'incidents-view', departure: 'departure-view', guides: 'guides-view', reports: 'reports-view', actions: 'actions-view' };

/** Shows one view (none when signed out) and marks its tab; a departure belongs to the incidents tab. */
function showView(page) {
  if (page === 'guides' && !mayManageGuides(state.session?.staff.role)) page = 'queue';
  if ((page === 'reports' || page === 'actions') && !mayReport(state.session?.staff.role)) page = 'queue';
  if (page !== null) state.page = page;
  for (const [name, id] of Object.entries(views)) byId(id).hidden = page !== name;
  drawNav();
  if (page === 'guides') void refreshGuides();
  if (page === 'reports') void refreshReport();
  if (page === 'actions') void refreshActions();
}

function drawNav() {
  const tab = state.page === 'departure' ? 'incidents' : state.page;
  for (const name of ['queue', 'incidents', 'guides', 'reports', 'actions']) {
    const button = byId(`nav-${name}`);
    if (name === tab) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  const count = unacknowledgedCount();
  byId('nav-incidents').textContent = count > 0 ? t('nav.incidentsCount', { count }) : t('nav.incidents');
}

byId('nav-queue').addEventListener('click', () => showView('queue'));
byId('nav-incidents').addEventListener('click', () => showView('incidents'));
byId('nav-guides').addEventListener('click', () => showView('guides'));
byId('nav-reports').addEventListener('click', () => showView('reports'));
byId('nav-actions').addEventListener('click', () => showView('actions'));

function goToIncident(id) {
  showView('incidents');
  openIncident(id);
}

function goToDeparture(departure) {
  showView('departure');
  showDeparture(departure);
}

function goToCase(caseId) {
  showView('queue');
  openCase(caseId);
}

// The catalogue before any view is set up: the report and corrective-action pickers are built
// there, and built before it they showed their keys (reports.name.categories) until a relabel.
await useLocale(savedLocale());

setupIncidents({
  fail: handleFailure,
  openDeparture: goToDeparture,
  changed: () => {
    drawNav();
    resumePages(stillPaging());
  },
  acknowledged: clearPage,
});
setupDeparture({ fail: handleFailure, openIncident: goToIncident, openCase: goToCase, back: () => showView('incidents') });
setupGuides({ fail: handleFailure, openDeparture: goToDeparture });
setupReports({ fail: handleFailure });
setupActions({ fail: handleFailure });
setupPaging({ fail: handleFailure, openIncident: goToIncident, acknowledged: () => void refreshIncidents() });

/** A 401 anywhere means the session ended: back to the sign-in form. */
function handleFailure(error, where) {
  if (error instanceof ApiError && error.status === 401) {
    leaveDesk();
    byId('login-error').textContent = t('error.session');
    return;
  }
  byId(where).textContent = errorText(error);
}

byId('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  unlockAudio(); // the click is the user gesture browsers require before a page may play sound
  const error = byId('login-error');
  error.textContent = '';
  try {
    await enterDesk(await signIn(byId('login-username').value.trim(), byId('login-password').value));
  } catch (e) {
    // 429: this address (or this username from it) is waiting out its limit; it passes.
    error.textContent = e instanceof ApiError && e.status === 429 ? t('login.wait') : errorText(e);
  }
});

byId('sign-out').addEventListener('click', async () => {
  try {
    await signOut();
  } finally {
    leaveDesk();
  }
});

// --- the queue ---

async function refreshQueue() {
  if (state.session === null) return;
  const request = ++state.queueRequest;
  try {
    const { items, teams, setAside = 0 } = await loadQueue(state.team);
    if (request !== state.queueRequest) return; // a newer refetch is under way
    for (const item of items) if (state.announced.delete(item.caseId)) state.unseen.add(item.caseId);
    const present = new Set(items.map((item) => item.caseId));
    const wasUnseen = state.unseen.size;
    for (const caseId of state.unseen) if (!present.has(caseId)) state.unseen.delete(caseId);
    Object.assign(state, { items, teams });
    byId('queue-error').textContent = '';
    byId('set-aside').hidden = setAside === 0;
    byId('set-aside').textContent = setAside === 0 ? '' : t('queue.setAside', { count: setAside });
    drawQueue();
    if (state.unseen.size > wasUnseen) beep();
  } catch (e) {
    handleFailure(e, 'queue-error');
  }
}

function drawQueue() {
  renderQueue(byId('queue'), {
    items: state.items,
    teams: state.teams,
    isNew: (caseId) => state.unseen.has(caseId),
    selected: state.openCase,
    onOpen: openCase,
  });
  byId('queue-empty').hidden = state.items.length > 0;
  drawTeams();
  drawCue();
}

function drawTeams() {
  const select = byId('team-filter');
  select.replaceChildren(
    el('option', { value: '', textContent: t('queue.allTeams') }),
    ...state.teams.map((team) => el('option', { value: team.id, textContent: localName(team.name) })),
  );
  select.value = state.team;
}

function drawCue() {
  const cue = byId('new-cue');
  cue.hidden = state.unseen.size === 0;
  cue.textContent = t('queue.new', { count: state.unseen.size });
  showUnseen(state.unseen.size);
}

byId('team-filter').addEventListener('change', (event) => {
  state.team = event.target.value;
  void refreshQueue();
});

byId('new-cue').addEventListener('click', () => {
  state.unseen.clear();
  drawQueue();
});

// --- live events ---

/** Changes made before the feed opened, or while it was down, sent no event here: fetch afresh once it is open. */
function onConnection(connection) {
  byId('connection').hidden = connection === 'open';
  if (connection !== 'open') return;
  void refreshQueue();
  void refreshCase();
  void refreshIncidents();
  if (state.page === 'departure') void refreshDeparture();
}

function onDeskEvent(event) {
  if (event.kind === 'incident') {
    if (state.session?.staff.role === 'partner') return; // incidents are the agency's own
    if (event.change === 'page') void onPage(event.incidentId);
    if (event.change === 'acknowledged') clearPage(event.incidentId);
    onIncidentEvent(event);
    if (state.page === 'departure') void refreshDeparture();
    return;
  }
  if (event.kind === 'ticket' && event.change === 'opened' && !state.items.some((item) => item.caseId === event.caseId)) {
    state.announced.add(event.caseId);
  }
  void refreshQueue();
  if (event.caseId === state.openCase) void refreshCase();
}

// --- the open case ---

function openCase(caseId) {
  if (state.openCase !== caseId) {
    byId('reply-text').value = '';
    byId('note-text').value = '';
    byId('close-form').hidden = true;
    byId('action-error').textContent = '';
    state.view = null;
  }
  state.openCase = caseId;
  state.unseen.delete(caseId);
  byId('desk-view').classList.add('showing-case');
  window.scrollTo(0, 0); // on a phone the case replaces the queue, which may have been scrolled down
  drawQueue();
  void refreshCase();
}

function closeCase() {
  state.openCase = null;
  state.view = null;
  byId('desk-view').classList.remove('showing-case');
  byId('conversation').hidden = true;
  byId('conversation-placeholder').hidden = false;
}

async function refreshCase() {
  const caseId = state.openCase;
  if (caseId === null) return;
  const request = ++state.caseRequest;
  try {
    const view = await loadConversation(caseId);
    if (request !== state.caseRequest || caseId !== state.openCase) return;
    state.view = view;
    drawCase();
  } catch (e) {
    handleFailure(e, 'action-error');
  }
}

function drawCase() {
  if (state.view === null) return;
  byId('conversation-placeholder').hidden = true;
  byId('conversation').hidden = false;
  renderConversation(state.view, {
    locale: currentLocale(),
    showNotes: state.session?.staff.role !== 'partner',
    onApprove: (remedyId, amount) => act(() => approveRemedy(state.openCase, remedyId, amount)),
  });
}

/** Runs a change on the open case, shows its error if any, then refetches. */
async function act(change) {
  const error = byId('action-error');
  error.textContent = '';
  try {
    await change();
    return true;
  } catch (e) {
    handleFailure(e, 'action-error'); // a case someone else claimed names them (already_claimed)
    return false;
  } finally {
    void refreshCase();
    void refreshQueue();
  }
}

byId('back').addEventListener('click', () => {
  closeCase();
  drawQueue();
});

byId('claim').addEventListener('click', () => act(() => caseAction(state.openCase, 'claim')));
byId('escalate').addEventListener('click', () => act(() => caseAction(state.openCase, 'escalate', {})));
byId('handback').addEventListener('click', () => act(() => caseAction(state.openCase, 'handback')));
byId('assign').addEventListener('click', () => {
  const staffId = byId('assign-staff').value;
  if (staffId) void act(() => caseAction(state.openCase, 'assign', { staffId }));
});
byId('share').addEventListener('click', () => {
  const partnerId = byId('share-partner').value;
  if (partnerId) void act(() => caseAction(state.openCase, 'share', { partnerId }));
});

async function sendReply() {
  const box = byId('reply-text');
  const text = box.value.trim();
  if (text === '') return;
  if (await act(() => caseAction(state.openCase, 'messages', { text }))) box.value = '';
}

byId('reply-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void sendReply();
});
byId('reply-text').addEventListener('keydown', (event) => {
  // Enter sends; Shift+Enter is a new line; Enter while an input method composes picks a character.
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  void sendReply();
});

byId('note-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const box = byId('note-text');
  const text = box.value.trim();
  if (text !== '' && (await act(() => caseAction(state.openCase, 'notes', { text })))) box.value = '';
});

byId('close-open').addEventListener('click', () => {
  resetCloseForm();
  byId('close-form').hidden = false;
  byId('close-resolution').focus();
});
byId('close-cancel').addEventListener('click', () => { byId('close-form').hidden = true; });
byId('close-add-party').addEventListener('click', () => addParty());
byId('close-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const { request, error } = readCloseForm();
  byId('close-error').textContent = error ?? '';
  if (request && (await act(() => caseAction(state.openCase, 'close', request)))) byId('close-form').hidden = true;
});

// --- staff pickers (assign and share) ---

async function refreshStaff() {
  try {
    state.staff = (await loadStaff()).staff;
  } catch {
    state.staff = []; // partners and some roles may not list staff: the pickers stay empty
  }
  drawPickers();
}

function drawPickers() {
  const option = (member) => el('option', { value: member.id, textContent: t('list.nameRole', { name: member.displayName, role: label('role', member.role) }) });
  const choose = el('option', { value: '', textContent: t('action.choose') });
  byId('assign-staff').replaceChildren(choose, ...state.staff.filter((m) => m.role !== 'partner').map(option));
  byId('share-partner').replaceChildren(choose.cloneNode(true), ...state.staff.filter((m) => m.role === 'partner').map(option));
}

// --- header: language and sound ---

function drawMute() {
  byId('mute').setAttribute('aria-pressed', String(isMuted()));
}

byId('mute').addEventListener('click', () => {
  setMuted(!isMuted());
  unlockAudio();
  drawMute();
});

/**
 * Relabels everything in the newly chosen locale: every view, signed in or not, since some
 * (the report and corrective-action pickers) are built before anyone signs in.
 */
async function switchLocale(locale) {
  await useLocale(locale);
  relabel();
}

function relabel() {
  byId('locale').value = currentLocale();
  setTitle(t('app.title'));
  if (state.session) showSignedIn(true);
  drawQueue();
  drawPickers();
  drawCase();
  relabelCloseForm();
  drawIncidents();
  drawDeparture();
  drawGuides();
  drawChoices();
  drawForm();
  drawActions();
  drawPaging();
}

byId('locale').addEventListener('change', (event) => void switchLocale(event.target.value));

// A page reloaded while signed in has had no gesture yet: the first one unlocks sound.
for (const gesture of ['pointerdown', 'keydown']) window.addEventListener(gesture, unlockAudio, { once: true });

setInterval(() => tickQueue(), 1000);
drawMute();

relabel();
const session = await currentSession().catch(() => null);
if (session) await enterDesk(session);
else showSignedIn(false);
