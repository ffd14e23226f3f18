// What staff read when something fails: a refusal by its code (`apiError.<code>`), worded with
// the details the server sent (fields, roles, amounts) in the staff member's language; a code
// this console does not know yet, or one without the details its wording needs, by its HTTP
// status. Never the server's English.
import { ApiError } from './api.js';
import { currentLocale, has, label, list, t } from './i18n.js';
import { money } from './packet.js';

/** The label of a field the server named (`responsible.share`): its own, else its last part's; null for one the console cannot name. */
function fieldLabel(path) {
  if (typeof path !== 'string' || path === '') return null;
  for (const key of [`field.${path}`, `field.${path.split('.').at(-1)}`]) if (has(key)) return t(key);
  return null;
}

const isLabelled = (group, id) => typeof id === 'string' && has(`${group}.${id}`);

/** The placeholders of the codes whose wording needs them; null when the body lacks what they need. */
const wording = {
  validation_failed: ({ fields }) => {
    if (!Array.isArray(fields) || fields.length === 0) return null;
    const named = [...new Set(fields.map(fieldLabel).filter((name) => name !== null))];
    if (named.length < fields.length) named.push(t('field.unknown'));
    return { fields: list([...new Set(named)]) };
  },
  forbidden_role: ({ roles }) => (Array.isArray(roles) && roles.length > 0 && roles.every((r) => isLabelled('role', r))
    ? { roles: list(roles.map((r) => label('role', r))) }
    : null),
  claim_not_allowed: ({ level }) => (isLabelled('level', level) ? { level: label('level', level) } : null),
  already_claimed: ({ owner }) => (typeof owner?.displayName === 'string' ? { name: owner.displayName } : null),
  amount_below_floor: ({ floor, currency }) => (Number.isFinite(floor) && typeof currency === 'string' ? { amount: money(floor, currency, currentLocale()) } : null),
  beyond_authority: ({ approver }) => (isLabelled('role', approver) ? { approver: label('role', approver) } : null),
  invalid_period: ({ maxDays }) => (Number.isInteger(maxDays) ? { maxDays } : null),
};

/** What a refusal with no usable code means, by its status. */
function byStatus(status) {
  if (status === 401) return t('apiError.session_required');
  if (status === 403) return t('error.forbidden');
  if (status === 404) return t('apiError.not_found');
  if (status === 409) return t('error.conflict');
  if (status === 400 || status === 413 || status === 415) return t('error.invalidInput');
  if (status === 429) return t('apiError.rate_limited');
  if (status >= 500) return t('error.server');
  return t('error.unknown');
}

/** The sentence to show for `error`: a refusal in the staff member's language, or the network's failure. */
export function errorText(error) {
  if (!(error instanceof ApiError)) return t('error.network');
  const code = error.code;
  if (code === null || !has(`apiError.${code}`)) return byStatus(error.status);
  const params = Object.hasOwn(wording, code) ? wording[code](error.body ?? {}) : {};
  return params === null ? byStatus(error.status) : t(`apiError.${code}`, params);
}
