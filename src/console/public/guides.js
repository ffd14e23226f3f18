// Tour guides (supervisors and up): register one with the departures they lead, add departures,
// and issue the one-time code a guide sends the bot to bind their WeChat or Telegram account.
// The code is shown once, here, and never fetched again.
/* global document, navigator, window */
import { addGuide, addGuideDepartures, ApiError, issueGuideCode, loadGuides } from './api.js';
import { el } from './dom.js';
import { errorText } from './errors.js';
import { currentLocale, t } from './i18n.js';
import { moment } from './time.js';

const byId = (id) => document.getElementById(id);
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

const state = {
  guides: [],
  /** The code just issued: { guideId, name, code, expiresAt }, until the staff member hides it. */
  issued: null,
  /** The open "add departures" form: { guideId, node }, kept across redraws so typed rows survive. */
  adding: null,
  request: 0,
};

/** What the rest of the console does: report a failure, open a departure. */
let hooks = { fail: () => {}, openDeparture: () => {} };

/** Roles that may manage guides; the server refuses the others (403). */
export const mayManageGuides = (role) => role === 'supervisor' || role === 'executive' || role === 'admin';

export function setupGuides(given) {
  hooks = given;
  byId('guide-add-row').addEventListener('click', () => addRow(byId('guide-departures')));
  byId('guide-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void register(event.submitter ?? null);
  });
  byId('guide-code-copy').addEventListener('click', () => void copyCode());
  byId('guide-code-done').addEventListener('click', () => {
    state.issued = null;
    drawCode();
  });
  resetForm();
}

export async function refreshGuides() {
  const request = ++state.request;
  try {
    const { guides } = await loadGuides();
    if (request !== state.request) return;
    state.guides = guides;
    byId('guides-error').textContent = '';
    drawGuides();
  } catch (e) {
    hooks.fail(e, 'guides-error');
  }
}

/** Forgets everything, the issued code first (signing out). */
export function resetGuides() {
  Object.assign(state, { guides: [], issued: null, adding: null });
  resetForm();
  drawGuides();
}

export function drawGuides() {
  byId('guides-empty').hidden = state.guides.length > 0;
  byId('guides').replaceChildren(...state.guides.map(guideCard));
  drawCode();
}

function guideCard(guide) {
  const issue = el('button', { type: 'button', textContent: t('guides.issueCode'), dataset: { testid: 'guide-issue', guideId: guide.id } });
  issue.addEventListener('click', () => void issueCode(guide, issue));
  const add = el('button', { type: 'button', className: 'quiet', textContent: t('guides.addDepartures'), dataset: { testid: 'guide-add-departures', guideId: guide.id } });
  add.addEventListener('click', () => {
    state.adding = state.adding?.guideId === guide.id ? null : { guideId: guide.id, node: departuresForm(guide) };
    drawGuides();
  });
  const departures = guide.departures.length === 0
    ? el('p', { className: 'muted', textContent: t('guides.noDepartures') })
    : el('ul', { className: 'guide-departures' }, guide.departures.map((departure) => {
      const link = el('button', { type: 'button', className: 'quiet', textContent: `${departure.tourCode} · ${departure.date}` });
      link.addEventListener('click', () => hooks.openDeparture(departure));
      return el('li', {}, [link]);
    }));
  return el('li', { className: 'card guide', dataset: { testid: 'guide-item', guideId: guide.id } }, [
    el('div', { className: 'pane-head' }, [
      el('strong', { textContent: guide.name }),
      el('span', { className: 'muted', textContent: guide.phone }),
    ]),
    el('p', { className: 'muted', textContent: t('guides.since', { time: moment(guide.createdAt, currentLocale()) }) }),
    departures,
    el('div', { className: 'actions' }, [issue, add]),
    state.adding?.guideId === guide.id ? state.adding.node : null,
  ]);
}

/** Issues a new one-time code (the guide's earlier unused ones stop working) and shows it. */
async function issueCode(guide, button) {
  button.disabled = true;
  byId('guides-error').textContent = '';
  try {
    const { code, expiresAt } = await issueGuideCode(guide.id);
    state.issued = { guideId: guide.id, name: guide.name, code, expiresAt };
    drawCode();
    byId('guide-code-panel').scrollIntoView({ block: 'start' });
    byId('guide-code-copy').focus();
  } catch (e) {
    fail(e, 'guides-error');
  } finally {
    button.disabled = false;
  }
}

function drawCode() {
  const panel = byId('guide-code-panel');
  const issued = state.issued;
  panel.hidden = issued === null;
  if (issued === null) {
    byId('guide-code').textContent = '';
    return;
  }
  byId('guide-code-title').textContent = t('guides.codeTitle', { name: issued.name });
  byId('guide-code').textContent = issued.code;
  byId('guide-code-help').textContent = t('guides.codeHelp', { time: moment(issued.expiresAt, currentLocale()) });
  byId('guide-code-copied').textContent = '';
}

/** Copies the code; where the clipboard is refused, selects it for the staff member to copy. */
async function copyCode() {
  const node = byId('guide-code');
  try {
    await navigator.clipboard.writeText(node.textContent);
    byId('guide-code-copied').textContent = t('guides.copied');
  } catch {
    window.getSelection()?.selectAllChildren(node);
  }
}

/** A 403 or a refused request says why, in the staff member's language; a 401 or no network goes the usual way. */
function fail(e, where) {
  if (e instanceof ApiError && e.status !== 401) byId(where).textContent = errorText(e);
  else hooks.fail(e, where);
}

// --- departure rows: a tour code and a date each ---

function addRow(rows) {
  const code = el('input', { type: 'text', className: 'tour-code', autocomplete: 'off', maxLength: 40, dataset: { testid: 'departure-code' } });
  const date = el('input', { type: 'date', dataset: { testid: 'departure-date' } });
  const remove = el('button', { type: 'button', className: 'quiet', textContent: t('guides.removeRow'), dataset: { i18n: 'guides.removeRow' } });
  // data-i18n: switching the language relabels these rows with the rest of the page.
  const row = el('div', { className: 'departure-row' }, [
    el('label', { className: 'inline' }, [el('span', { textContent: t('guides.tourCode'), dataset: { i18n: 'guides.tourCode' } }), code]),
    el('label', { className: 'inline' }, [el('span', { textContent: t('guides.date'), dataset: { i18n: 'guides.date' } }), date]),
    remove,
  ]);
  remove.addEventListener('click', () => row.remove());
  rows.append(row);
  return row;
}

/** The departures typed (empty rows skipped, each once), or `{ error }`. */
function readRows(rows) {
  const departures = [];
  for (const row of rows.querySelectorAll('.departure-row')) {
    const [code, date] = row.querySelectorAll('input');
    const tourCode = code.value.trim();
    if (tourCode === '' && date.value === '') continue;
    if (tourCode === '' || !datePattern.test(date.value)) return { error: t('guides.departureInvalid') };
    if (!departures.some((d) => d.tourCode === tourCode && d.date === date.value)) departures.push({ tourCode, date: date.value });
  }
  return { departures };
}

function resetForm() {
  byId('guide-name').value = '';
  byId('guide-phone').value = '';
  byId('guide-departures').replaceChildren();
  addRow(byId('guide-departures'));
  byId('guide-form-error').textContent = '';
}

async function register(button) {
  const name = byId('guide-name').value.trim();
  const phone = byId('guide-phone').value.trim();
  const error = byId('guide-form-error');
  error.textContent = '';
  if (name === '' || phone === '') {
    error.textContent = t('guides.nameRequired');
    return;
  }
  const { departures, error: invalid } = readRows(byId('guide-departures'));
  if (invalid) {
    error.textContent = invalid;
    return;
  }
  if (button) button.disabled = true;
  try {
    await addGuide({ name, phone, departures });
    resetForm();
    await refreshGuides();
  } catch (e) {
    fail(e, 'guide-form-error');
  } finally {
    if (button) button.disabled = false;
  }
}

/** The inline form adding departures to one guide. */
function departuresForm(guide) {
  const rows = el('div', { className: 'departure-rows' });
  addRow(rows);
  const more = el('button', { type: 'button', className: 'quiet', textContent: t('guides.addRow'), dataset: { i18n: 'guides.addRow' } });
  more.addEventListener('click', () => addRow(rows));
  const error = el('p', { className: 'error', attrs: { role: 'alert' } });
  const save = el('button', { type: 'submit', textContent: t('guides.saveDepartures'), dataset: { i18n: 'guides.saveDepartures', testid: 'guide-save-departures' } });
  const cancel = el('button', { type: 'button', className: 'quiet', textContent: t('guides.cancel'), dataset: { i18n: 'guides.cancel' } });
  cancel.addEventListener('click', () => {
    state.adding = null;
    drawGuides();
  });
  const form = el('form', { className: 'departures-form', noValidate: true }, [rows, more, error, el('div', { className: 'actions' }, [save, cancel])]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { departures, error: invalid } = readRows(rows);
    error.textContent = invalid ?? '';
    if (invalid) return;
    if (departures.length === 0) {
      error.textContent = t('guides.departureInvalid');
      return;
    }
    save.disabled = true;
    try {
      await addGuideDepartures(guide.id, departures);
      state.adding = null;
      await refreshGuides();
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401) error.textContent = errorText(e);
      else hooks.fail(e, 'guides-error');
    } finally {
      save.disabled = false;
    }
  });
  return form;
}
