// The queue: one row per case, in the server's order (severity, then waiting time).
// Waiting times and reply deadlines tick live without redrawing the rows.
import { el } from './dom.js';
import { label, localName, t } from './i18n.js';
import { duration } from './time.js';

/** The live times on screen: each span with the moment it counts from or to. */
let clocks = [];

/**
 * Draws `items` into `list`. `isNew(caseId)` marks the rows of new escalations; `selected` is
 * the open case; `onOpen(caseId)` is called when a row is chosen.
 */
export function renderQueue(list, { items, teams, isNew, selected, onOpen }) {
  const teamNames = new Map(teams.map((team) => [team.id, localName(team.name)]));
  clocks = [];
  list.replaceChildren(...items.map((item) => row(item, teamNames, isNew(item.caseId), item.caseId === selected, onOpen)));
  tickQueue();
}

function row(item, teamNames, isNew, isSelected, onOpen) {
  const waited = el('span', { className: 'waited' });
  const due = el('span', { className: 'due' });
  clocks.push({ kind: 'waited', node: waited, at: Date.parse(item.openedAt) });
  if (item.respondBy !== null) clocks.push({ kind: 'due', node: due, at: Date.parse(item.respondBy) });
  else due.textContent = t('queue.noDue');
  const owner = item.owner === null ? el('span', { className: 'unowned', textContent: t('queue.waiting') }) : el('span', { textContent: item.owner.displayName });
  const button = el('button', {
    type: 'button',
    className: ['queue-row', isNew ? 'is-new' : '', isSelected ? 'is-selected' : ''].join(' ').trim(),
    dataset: { testid: 'queue-item', caseId: item.caseId },
    attrs: isSelected ? { 'aria-current': 'true' } : {},
  }, [
    el('span', { className: 'row-top' }, [
      el('span', { className: `badge sev-${item.severity}`, textContent: label('severity', item.severity) }),
      el('strong', { textContent: label('category', item.category) }),
      isNew ? el('span', { className: 'badge new', textContent: t('queue.newMark') }) : null,
      waited,
    ]),
    el('span', { className: 'row-meta' }, [
      el('span', { textContent: teamNames.get(item.team) ?? item.team }),
      el('span', { textContent: label('channel', item.channel) }),
      el('span', { textContent: label('level', item.level) }),
      el('span', { textContent: label('reason', item.reason) }),
    ]),
    el('span', { className: 'row-bottom' }, [owner, due]),
  ]);
  button.addEventListener('click', () => onOpen(item.caseId));
  return el('li', {}, [button]);
}

/** Rewrites the live times; called every second. */
export function tickQueue(now = Date.now()) {
  for (const { kind, node, at } of clocks) {
    if (kind === 'waited') {
      node.textContent = duration(now - at);
      continue;
    }
    const overdue = now > at;
    node.textContent = overdue ? t('queue.overdue', { time: duration(now - at) }) : t('queue.due', { time: duration(at - now) });
    node.classList.toggle('overdue', overdue);
  }
}
