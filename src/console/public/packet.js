// The handoff packet: what the traveller already told the bot, so staff never ask again.
import { el, safeLink } from './dom.js';
import { has, label, list, t } from './i18n.js';

/** Formats an amount in `currency`; a plain number if the currency code is unknown. */
export function money(amount, currency, locale) {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

const none = () => t('packet.none');
const fact = (title, value) => [el('dt', { textContent: title }), el('dd', {}, [value])];
const labels = (group, ids) => (ids.length === 0 ? none() : list(ids.map((id) => label(group, id))));
/** What the traveller wants: one of the bot's choices, labelled, or their own words. */
const wanted = (wants) => (wants === null ? none() : has(`wants.${wants}`) ? label('wants', wants) : wants);

/**
 * The packet's contents. `onApprove(remedyId, amount?)` approves a remedy; `canApprove` enables it.
 */
export function renderPacket(packet, { locale, canApprove, onApprove }) {
  const cash = (amount) => money(amount, packet.currency, locale);
  const telling = packet.telling.length === 0
    ? el('p', { className: 'muted', textContent: none() })
    : el('ul', { className: 'telling' }, packet.telling.map((text) => el('li', { textContent: text })));
  const facts = el('dl', { className: 'facts' }, [
    ...fact(t('packet.restatement'), packet.restatementConfirmed ? t('packet.confirmed') : t('packet.notConfirmed')),
    ...fact(t('packet.category'), label('category', packet.category)),
    ...fact(t('packet.also'), labels('category', packet.also)),
    ...fact(t('packet.problems'), labels('problem', packet.problems)),
    ...fact(t('packet.severity'), el('span', { className: `badge sev-${packet.severity}`, textContent: label('severity', packet.severity) })),
    ...fact(t('packet.flags'), labels('flag', packet.flags)),
    ...fact(t('packet.tour'), packet.tour ?? none()),
    ...fact(t('packet.when'), packet.when ?? none()),
    ...fact(t('packet.people'), packet.people === null ? none() : String(packet.people)),
    ...fact(t('packet.wants'), wanted(packet.wants)),
    ...fact(t('packet.amounts'), packet.amounts.length === 0 ? none() : list(packet.amounts.map((a) => money(a.amount, a.currency, locale)))),
    ...fact(t('packet.offerTotal'), packet.offerTotal === null ? none() : cash(packet.offerTotal)),
    ...fact(t('packet.refused'), String(packet.refused)),
    ...fact(t('packet.locale'), packet.locale === null ? none() : label('language', packet.locale)),
  ]);
  return [
    el('h4', { textContent: t('packet.telling') }), telling,
    facts,
    el('h4', { textContent: t('packet.remedies') }), remedies(packet.remedies, cash, canApprove, onApprove),
    el('h4', { textContent: t('packet.attachments') }), attachments(packet.attachments),
  ];
}

function remedies(offered, cash, canApprove, onApprove) {
  if (offered.length === 0) return el('p', { className: 'muted', textContent: none() });
  return el('ul', { className: 'remedies' }, offered.map((remedy) => el('li', { className: 'remedy' }, [
    el('strong', { textContent: label('kind', remedy.kind) }),
    el('span', { textContent: t('remedy.clause', { clause: label('clause', remedy.clause) }) }),
    el('span', { textContent: `${t('remedy.amount')}${t('list.colon')}${remedy.amount === null ? none() : cash(remedy.amount)}` }),
    remedy.floor === null ? null : el('span', { textContent: t('remedy.floor', { amount: cash(remedy.floor) }) }),
    el('span', { textContent: remedy.needsApproval ? t('remedy.needsApproval', { role: label('role', remedy.approver ?? '') }) : t('remedy.noApproval') }),
    remedy.needsApproval ? approval(remedy, cash, canApprove, onApprove) : null,
  ])));
}

/** An Approve button with an optional changed amount, never below the remedy's floor. */
function approval(remedy, cash, canApprove, onApprove) {
  const id = `approve-amount-${remedy.id}`;
  const input = el('input', { id, type: 'number', min: String(remedy.floor ?? 0), step: 'any', inputMode: 'decimal', disabled: !canApprove });
  const error = el('span', { className: 'error', attrs: { role: 'alert' } });
  const button = el('button', { type: 'submit', textContent: t('remedy.approve'), disabled: !canApprove });
  const form = el('form', { className: 'approve', noValidate: true }, [el('label', { htmlFor: id, textContent: t('remedy.changedAmount') }), input, button, error]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const amount = input.value.trim() === '' ? undefined : Number(input.value);
    if (amount !== undefined && (!Number.isFinite(amount) || amount < (remedy.floor ?? 0))) {
      error.textContent = t('remedy.belowFloor', { amount: cash(remedy.floor ?? 0) });
      return;
    }
    error.textContent = '';
    onApprove(remedy.id, amount);
  });
  return form;
}

function attachments(items) {
  if (items.length === 0) return el('p', { className: 'muted', textContent: none() });
  return el('ul', { className: 'attachments' }, items.map((a) => el('li', {}, [el('span', { className: 'muted', textContent: `${label('attachment', a.kind)}${t('list.colon')}` }), safeLink(a.ref)])));
}
