// The open case: owner, what the staff member may do now, the packet, WeChat's window,
// the transcript and the private notes. Fills the page's fixed skeleton, so a refresh
// never loses a half-written reply.
/* global document */
import { el } from './dom.js';
import { label, t } from './i18n.js';
import { renderPacket } from './packet.js';
import { moment } from './time.js';

const byId = (id) => document.getElementById(id);
const hourMs = 3_600_000;

/** Draws `view`. `onApprove(remedyId, amount?)` approves a remedy; `showNotes` is false for partners. */
export function renderConversation(view, { locale, showNotes, onApprove }) {
  const { ticket, can } = view;
  byId('case-title').textContent = t('conversation.case', { id: ticket.caseId, category: label('category', ticket.category) });
  byId('owner').textContent = ticket.owner === null ? t('queue.waiting') : ticket.owner.displayName;
  byId('case-state').textContent = [label('status', ticket.status), label('level', ticket.level), label('reason', ticket.reason), label('channel', ticket.channel)].join(' · ');
  for (const action of ['claim', 'escalate', 'handback', 'assign', 'share']) byId(action).disabled = !can[action];
  byId('assign-staff').disabled = !can.assign;
  byId('share-partner').disabled = !can.share;
  byId('close-open').disabled = !can.close;
  if (!can.close) byId('close-form').hidden = true;
  byId('reply-form').hidden = !can.reply;
  byId('packet-body').replaceChildren(...renderPacket(view.packet, { locale, canApprove: can.approve, onApprove }));
  renderWindow(view.window);
  renderTranscript(view.transcript, locale);
  byId('notes').hidden = !showNotes;
  renderNotes(view.notes, locale);
}

/** WeChat lets staff write only within 48 hours of the traveller's last message, and only a few times. */
function renderWindow(window) {
  const node = byId('window-state');
  node.hidden = window === null;
  if (window === null) return;
  node.classList.toggle('closed', !window.open);
  if (!window.open) {
    node.textContent = t('window.closed');
    return;
  }
  const hours = window.closesAt === null ? null : Math.max(0, Math.floor((Date.parse(window.closesAt) - Date.now()) / hourMs));
  const parts = [hours === null ? t('window.open') : t('window.closesIn', { hours })];
  if (window.remaining !== null) parts.push(t('window.remaining', { remaining: window.remaining }));
  node.textContent = parts.join(' · ');
}

function renderTranscript(lines, locale) {
  const list = byId('transcript');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  if (lines.length === 0) {
    list.replaceChildren(el('li', { className: 'muted', textContent: t('transcript.empty') }));
    return;
  }
  list.replaceChildren(...lines.map((line) => el('li', { className: `line from-${line.from}`, dataset: { lineId: line.id } }, [
    el('span', { className: 'line-meta', textContent: `${label('from', line.from)} · ${moment(line.at, locale)}` }),
    el('p', { className: 'line-text', textContent: line.text }),
  ])));
  // Keep the newest line in sight unless the staff member scrolled up to read.
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function renderNotes(notes, locale) {
  const list = byId('notes-list');
  if (notes.length === 0) {
    list.replaceChildren(el('li', { className: 'muted', textContent: t('notes.empty') }));
    return;
  }
  list.replaceChildren(...notes.map((note) => el('li', { className: 'note' }, [
    el('span', { className: 'line-meta', textContent: t('notes.by', { name: note.author.displayName, time: moment(note.at, locale) }) }),
    el('p', { className: 'line-text', textContent: note.text }),
  ])));
}
