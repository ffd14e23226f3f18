import type { StaffRole } from '../staff/roles.ts';

/**
 * The stable machine code of every refusal the console API answers, beside its English `error`:
 * the console shows each in the staff member's language (locales/console: `apiError.<code>`),
 * never the English. Codes are only ever added; a client that does not know one falls back on
 * the HTTP status.
 */
export const errorCodes = [
  // signing in, the session, who may do what
  'invalid_credentials', 'rate_limited', 'sign_in_busy', 'session_required', 'csrf_invalid', 'foreign_origin', 'forbidden_role',
  // the request itself
  'validation_failed', 'invalid_json', 'body_unreadable', 'body_too_large', 'unsupported_media_type', 'not_utf8', 'nul_characters',
  'not_found', 'unknown_action', 'method_not_allowed', 'invalid_period', 'invalid_quarter',
  // cases on the desk
  'case_not_found', 'ticket_not_found', 'claim_not_allowed', 'already_claimed', 'claim_unavailable', 'ticket_for_approval',
  'wechat_window_closed', 'no_offer', 'approve_before_closing', 'bot_has_conversation', 'escalate_not_allowed',
  'escalation_grounds_required', 'ticket_changed', 'invalid_assignee', 'share_not_allowed', 'invalid_partner', 'claim_first',
  'conversation_expired', 'remedy_not_found', 'remedy_needs_no_approval', 'amount_required', 'amount_below_floor', 'beyond_authority',
  // incidents, guides, corrective actions
  'incident_not_found', 'settlement_for_groups_only', 'guide_not_found', 'invalid_owner', 'action_not_found',
  // a desk refusal without a code of its own
  'refused',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The JSON body of a refusal: today's English `error`, its `code`, and what the console needs to say it (`fields`, `roles`…). */
export type Problem = { error: string; code: ErrorCode } & Record<string, unknown>;

export const problem = (code: ErrorCode, error: string, details: Record<string, unknown> = {}): Problem => ({ error, code, ...details });

const agencyStaff: StaffRole[] = ['agent', 'supervisor', 'executive', 'admin'];
const managers: StaffRole[] = ['supervisor', 'executive', 'admin'];
const talkers: StaffRole[] = ['agent', 'supervisor', 'executive'];
const roles = (list: StaffRole[]) => () => ({ roles: list });

/**
 * The desk's refusals by their wording, for those thrown without a code: each its code, and the
 * details the console words it with. A DeskError matching none is `refused` (test/console checks
 * that every refusal thrown in src has a code of its own).
 */
const known: [RegExp, ErrorCode, ((m: RegExpExecArray) => Record<string, unknown>)?][] = [
  [/^no case /, 'case_not_found'],
  [/^no ticket .* that you can see$/, 'ticket_not_found'],
  [/^this (\w+)-level ticket is not yours to claim$/, 'claim_not_allowed', (m) => ({ level: m[1] })],
  [/^the bot has this conversation already$/, 'bot_has_conversation'],
  [/ has this conversation already$/, 'already_claimed'],
  [/^this ticket can no longer be claimed$/, 'claim_unavailable'],
  [/^this ticket is for approving a remedy/, 'ticket_for_approval'],
  [/^WeChat allows no more messages/, 'wechat_window_closed'],
  [/^partners cannot write notes$/, 'forbidden_role', roles(agencyStaff)],
  [/^no remedy has been offered/, 'no_offer'],
  [/^approve the remedy .*before closing/, 'approve_before_closing'],
  [/^you cannot escalate/, 'escalate_not_allowed'],
  [/^an executive is involved only/, 'escalation_grounds_required'],
  [/changed hands meanwhile/, 'ticket_changed'],
  [/^only supervisors, executives and admins /, 'forbidden_role', roles(managers)],
  [/^assign to an agent, a supervisor or an executive$/, 'invalid_assignee'],
  [/^only the owner of the ticket or a supervisor shares it$/, 'share_not_allowed'],
  [/^share with a partner account$/, 'invalid_partner'],
  [/^only agents, supervisors and executives /, 'forbidden_role', roles(talkers)],
  [/^claim this conversation first/, 'claim_first'],
  [/^the conversation has expired/, 'conversation_expired'],
  [/^the offer has no remedy /, 'remedy_not_found'],
  [/ needs no approval, or is approved already$/, 'remedy_needs_no_approval'],
  [/^the amount of this remedy waits for checked facts/, 'amount_required'],
  [/^the amount may not be below (?:([\d.]+) ([A-Z]{3})\b)?/, 'amount_below_floor', (m) => (m[1] === undefined ? {} : { floor: Number(m[1]), currency: m[2] })],
  [/ is beyond (?:an? )?(\w+)'s authority: it needs (?:an? )?(\w+)$/, 'beyond_authority', (m) => ({ role: m[1], approver: m[2] })],
  [/^no incident /, 'incident_not_found'],
  [/^rosters are kept by /, 'forbidden_role', roles(managers)],
  [/^a settlement is for group complaints/, 'settlement_for_groups_only'],
  [/^incidents are for agency staff$/, 'forbidden_role', roles(agencyStaff)],
  [/^no guide /, 'guide_not_found'],
  [/^guides are managed by /, 'forbidden_role', roles(managers)],
  [/^the quarter is written like /, 'invalid_quarter'],
  [/^the owner must be a member of the agency staff$/, 'invalid_owner'],
  [/^no corrective action /, 'action_not_found'],
  [/^reports are for staff with the role /, 'forbidden_role', roles(managers)],
];

/** The code (and its details) of a desk refusal by its wording; `refused` for one not known. */
export function codeOf(message: string): { code: ErrorCode; details: Record<string, unknown> } {
  for (const [pattern, code, details] of known) {
    const match = pattern.exec(message);
    if (match) return { code, details: details?.(match) ?? {} };
  }
  return { code: 'refused', details: {} };
}

/** A desk request refused, with the HTTP status it maps to, a stable code and a message for the console. */
export class DeskError extends Error {
  override name = 'DeskError';
  readonly status: 400 | 403 | 404 | 409;
  readonly code: ErrorCode;
  /** More for the console, e.g. who holds a ticket someone else claimed, or the roles that may do it. */
  readonly details: Record<string, unknown>;

  /** Without a `code`, it is read from the message (see `codeOf`). */
  constructor(status: DeskError['status'], message: string, details: Record<string, unknown> = {}, code?: ErrorCode) {
    super(message);
    const read = code === undefined ? codeOf(message) : { code, details: {} };
    this.status = status;
    this.code = read.code;
    this.details = { ...read.details, ...details };
  }
}
