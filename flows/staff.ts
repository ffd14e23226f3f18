import { withComplaint } from '../src/conversation/state.ts';
import type { Money } from '../src/money.ts';
import type { ConversationState } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { TurnResult } from './types.ts';
import { satisfactionChoices } from './complaint/confirm.ts';
import { restateReply } from './complaint/restate.ts';

/**
 * What the traveller hears while staff have their conversation. Staff words are
 * their own; everything around them comes from locales/ like the bot's.
 */
export interface StaffMember {
  displayName: string;
  /** How the traveller is told who joined: legal's handlers are complaint officers to them, not lawyers. */
  introducedAs: 'colleague' | 'complaint_officer';
}

/** A person joins: the bot falls silent and the traveller is told who is with them now. */
export const staffJoined = (state: ConversationState, staff: StaffMember): TurnResult => ({
  state: { ...state, mode: 'human' },
  replies: [{ step: 'staff', lines: [phrase(`staff.joined.${staff.introducedAs}`, { name: staff.displayName })], keepChoices: true }],
});

/** A staff member's reply, sent as they wrote it, under their name. */
export const staffSaid = (state: ConversationState, staff: StaffMember, text: string): TurnResult => ({
  state,
  replies: [{ step: 'staff', lines: [phrase('staff.says', { name: staff.displayName, text })], keepChoices: true }],
});

/**
 * Staff closed the case: they leave, and the bot resumes at step 5 to ask whether the
 * traveller is satisfied. The offer stays on the case record, where staff settled it.
 */
export const staffResolved = (state: ConversationState, staff: StaffMember): TurnResult => ({
  state: withComplaint({ ...state, mode: 'bot' }, { step: 'confirm', handoff: null, offer: null }),
  replies: [
    { step: 'staff', lines: [phrase('staff.left', { name: staff.displayName })] },
    { step: 'confirm', lines: [phrase('confirm.ask')], choices: satisfactionChoices },
  ],
});

/** Staff hand the conversation back: the bot says back what it knows and carries on from there. */
export const staffHandedBack = (state: ConversationState, staff: StaffMember, currency: string): TurnResult => ({
  state: withComplaint({ ...state, mode: 'bot' }, { step: 'restate', handoff: null, facts: { ...state.complaint.facts, awaiting: null } }),
  replies: [
    { step: 'staff', lines: [phrase('staff.handed_back', { name: staff.displayName })] },
    restateReply(state.complaint.facts, currency),
  ],
});

/** An amount that waited for a person is approved: the traveller hears it at once. */
export const staffApproved = (state: ConversationState, staff: StaffMember, approved: { caseId: string; total: Money }): TurnResult => ({
  state,
  replies: [{ step: 'notice', lines: [phrase('staff.approved', { name: staff.displayName, ...approved })], keepChoices: true }],
});
