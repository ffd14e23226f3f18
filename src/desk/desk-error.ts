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
  // once the code of a refusal without one of its own; no longer sent, kept as codes are only ever added
  'refused',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The JSON body of a refusal: today's English `error`, its `code`, and what the console needs to say it (`fields`, `roles`…). */
export type Problem = { error: string; code: ErrorCode } & Record<string, unknown>;

export const problem = (code: ErrorCode, error: string, details: Record<string, unknown> = {}): Problem => ({ error, code, ...details });

/**
 * A desk request refused, with the HTTP status it maps to, its stable code (given where it is
 * thrown, never read from the wording), the English message for API clients and the details the
 * console words it with.
 */
export class DeskError extends Error {
  override name = 'DeskError';
  readonly status: 400 | 403 | 404 | 409;
  readonly code: ErrorCode;
  /** More for the console, e.g. who holds a ticket someone else claimed, or the roles that may do it. */
  readonly details: Record<string, unknown>;

  constructor(status: DeskError['status'], code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}
