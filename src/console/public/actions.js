// Corrective actions (整改), supervisors and up: open one against a category, departure, guide
// or responsible party, with an owner and a due date; see which are overdue, mark them done,
// and whether complaints of that kind fell since.
/* global document */
import { finishAction, loadActions, loadStaff, openAction } from './api.js';
import { el } from './dom.js';
import { label, t } from './i18n.js';

const byId = (id) => document.getElementById(id);

const kinds = ['category', 'tour', 'guide', 'party'];
/** The ids offered for the kinds with a fixed list. */
const choices = {
  category: ['accommodation', 'transport', 'itinerary', 'shopping', 'guide', 'meals', 'charges', 'booking', 'safety', 'privacy', 'other'],
  party: ['agency_staff', 'guide', 'supplier', 'ground_operator', 'none'],
};

const state = { actions: [], staff: [], request: 0 };
let hooks = { fail: () => {} };

export function setupActions(given) {
  hooks = given;
  byId('ca-kind').addEventListener('change', drawValue);
  byId('ca-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  drawForm();
}

export async function refreshActions() {
  const request = ++state.request;
  try {
    const [{ actions }, staff] = await Promise.all([loadActions(), loadStaff().catch(() => ({ staff: [] }))]);
    if (request !== state.request) return;
    Object.assign(state, { actions, staff: staff.staff.filter((m) => m.role !== 'partner') });
    byId('actions-error').textContent = '';
    drawForm();
    drawActions();
  } catch (e) {
    hooks.fail(e, 'actions-error');
  }
}

export function resetActions() {
  Object.assign(state, { actions: [], staff: [] });
  drawActions();
}

async function submit() {
  const error = byId('ca-form-error');
  error.textContent = '';
  const kind = byId('ca-kind').value;
  const action = {
    target: { kind, value: byId('ca-value').value.trim() },
    title: byId('ca-title').value.trim(),
    ownerId: byId('ca-owner').value,
    dueDate: byId('ca-due').value,
  };
  try {
    await openAction(action);
    byId('ca-title').value = '';
    await refreshActions();
  } catch (e) {
    hooks.fail(e, 'ca-form-error');
  }
}

async function finish(id) {
  try {
    await finishAction(id);
    await refreshActions();
  } catch (e) {
    hooks.fail(e, 'actions-error');
  }
}

const targetLabel = (target) => (target.kind === 'category' || target.kind === 'party' ? label(target.kind, target.value) : target.value);

/** The kind picker and the owner picker, relabelled; what was chosen is kept. */
export function drawForm() {
  const kind = byId('ca-kind');
  const chosenKind = kind.value || 'category';
  kind.replaceChildren(...kinds.map((k) => el('option', { value: k, textContent: t(`actions.kind.${k}`) })));
  kind.value = chosenKind;
  const owner = byId('ca-owner');
  const chosenOwner = owner.value;
  owner.replaceChildren(...state.staff.map((m) => el('option', { value: m.id, textContent: t('list.nameRole', { name: m.displayName, role: label('role', m.role) }) })));
  if (chosenOwner) owner.value = chosenOwner;
  drawValue();
}

/** A list for categories and parties, free text for tour codes and guide ids. */
function drawValue() {
  const kind = byId('ca-kind').value;
  const old = byId('ca-value');
  const list = choices[kind];
  const next = list
    ? el('select', { id: 'ca-value' }, list.map((id) => el('option', { value: id, textContent: label(kind, id) })))
    : el('input', { id: 'ca-value', maxLength: 60, required: true, autocomplete: 'off' });
  if (list && old.tagName === 'SELECT' && list.includes(old.value)) next.value = old.value;
  old.replaceWith(next);
}

export function drawActions() {
  byId('actions-empty').hidden = state.actions.length > 0;
  byId('actions').replaceChildren(...state.actions.map((a) => el('li', { className: 'card action-row', dataset: { id: a.id } }, [
    el('div', { className: 'row-top' }, [
      el('strong', { textContent: a.title }),
      el('span', { className: 'muted', textContent: `${t(`actions.kind.${a.target.kind}`)}${t('list.colon')}${targetLabel(a.target)}` }),
      a.overdue ? el('span', { className: 'badge sev-critical', textContent: t('actions.overdue') }) : null,
      el('span', { className: 'muted', textContent: t(`actions.status.${a.status}`) }),
    ]),
    el('div', { className: 'row-meta' }, [
      el('span', { textContent: `${t('actions.owner')}${t('list.colon')}${state.staff.find((m) => m.id === a.ownerId)?.displayName ?? a.ownerId}` }),
      el('span', { textContent: `${t('actions.due')}${t('list.colon')}${a.dueDate}` }),
      el('span', { textContent: t('actions.effect', a.effect) }),
    ]),
    a.status === 'open' ? el('button', { type: 'button', className: 'quiet', textContent: t('actions.done'), onclick: () => void finish(a.id) }) : null,
  ])));
}
