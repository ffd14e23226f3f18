// Closing a case: how it was resolved and who was responsible, in percentage shares
// that add up to 100. Checked here for a quick answer; the server checks again.
/* global document */
import { el } from './dom.js';
import { label, t } from './i18n.js';

export const resolutions = ['remedy_given', 'explained', 'apology_only', 'referred', 'unfounded', 'withdrawn'];
export const parties = ['agency_staff', 'guide', 'supplier', 'ground_operator', 'none'];

const byId = (id) => document.getElementById(id);

/** Empties the form to one party holding 100%. */
export function resetCloseForm() {
  byId('close-resolution').replaceChildren(...resolutions.map((r) => el('option', { value: r, textContent: label('resolution', r) })));
  byId('close-parties').replaceChildren();
  addParty('none', 100);
  byId('close-error').textContent = '';
}

/** Relabels the options in the current locale, keeping what was chosen. */
export function relabelCloseForm() {
  for (const option of document.querySelectorAll('#close-resolution option')) option.textContent = label('resolution', option.value);
  for (const option of document.querySelectorAll('#close-parties option')) option.textContent = label('party', option.value);
  for (const [index, row] of [...byId('close-parties').children].entries()) labelRow(row, index);
}

export function addParty(party = 'none', share = 0) {
  const rows = byId('close-parties');
  const index = rows.children.length;
  const select = el('select', { id: `close-party-${index}`, dataset: { testid: `close-party-${index}` } },
    parties.map((p) => el('option', { value: p, textContent: label('party', p), selected: p === party })));
  const input = el('input', { id: `close-share-${index}`, type: 'number', min: '0', max: '100', step: '1', value: String(share), inputMode: 'numeric', dataset: { testid: `close-share-${index}` } });
  const remove = el('button', { type: 'button', className: 'quiet', textContent: t('close.removeParty') });
  const row = el('div', { className: 'party-row' }, [el('label', { htmlFor: select.id }), select, el('label', { htmlFor: input.id }), input, remove]);
  remove.addEventListener('click', () => {
    if (rows.children.length > 1) renumber(row);
  });
  rows.append(row);
  labelRow(row, index);
}

function labelRow(row, index) {
  const [partyLabel, , shareLabel, , remove] = row.children;
  partyLabel.textContent = t('close.party', { n: index + 1 });
  shareLabel.textContent = t('close.share');
  remove.textContent = t('close.removeParty');
}

/** Removes a row and renumbers the rest, so the ids stay close-party-0, -1… */
function renumber(removed) {
  removed.remove();
  for (const [index, row] of [...byId('close-parties').children].entries()) {
    const [partyLabel, select, shareLabel, input] = row.children;
    select.id = select.dataset.testid = partyLabel.htmlFor = `close-party-${index}`;
    input.id = input.dataset.testid = shareLabel.htmlFor = `close-share-${index}`;
    labelRow(row, index);
  }
}

/** The close request, or `{ error }` saying what to fix. */
export function readCloseForm() {
  const responsible = [...byId('close-parties').children].map((row) => {
    const [, select, , input] = row.children;
    return { party: select.value, share: input.value.trim() === '' ? NaN : Number(input.value) };
  });
  if (responsible.some((r) => !Number.isInteger(r.share) || r.share < 0 || r.share > 100)) return { error: t('close.shareInvalid') };
  if (new Set(responsible.map((r) => r.party)).size !== responsible.length) return { error: t('close.duplicateParty') };
  const sum = responsible.reduce((total, r) => total + r.share, 0);
  if (sum !== 100) return { error: t('close.sumInvalid', { sum }) };
  return { request: { resolution: byId('close-resolution').value, responsible } };
}
