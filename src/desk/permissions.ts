import type { DeskLevel, Ticket } from '../ports/escalation-desk.ts';
import { deskLevels } from '../ports/escalation-desk.ts';
import type { Approver } from '../policy/authority.ts';
import type { Staff } from '../staff/staff-auth.ts';

/**
 * Who may do what on the desk. Agents work their teams' queues at the agent level;
 * supervisors and executives see everything and work their level and below; admins
 * see and assign but do not talk to travellers or approve money; partners see only
 * what was shared with them.
 */
const ladder = (level: DeskLevel) => deskLevels.indexOf(level);

/** The level a staff member works at; null for admins and partners, who own no tickets. */
export function levelOf(staff: Staff): DeskLevel | null {
  return staff.role === 'agent' || staff.role === 'supervisor' || staff.role === 'executive' ? staff.role : null;
}

const isSenior = (staff: Staff) => staff.role === 'supervisor' || staff.role === 'executive';
const inTeams = (staff: Staff, ticket: Ticket) => staff.teams.length === 0 || staff.teams.includes(ticket.team);

export function canSee(staff: Staff, ticket: Ticket): boolean {
  if (staff.role === 'partner') return ticket.sharedWith.includes(staff.id);
  if (staff.role === 'agent') return ticket.ownerId === staff.id || (ticket.level === 'agent' && inTeams(staff, ticket));
  return true;
}

/** May take the ticket: their level reaches it and (for agents) it is in their teams. */
export function canClaim(staff: Staff, ticket: Ticket): boolean {
  const level = levelOf(staff);
  if (level === null || ladder(level) < ladder(ticket.level)) return false;
  return staff.role !== 'agent' || inTeams(staff, ticket);
}

/** Replying, approving, closing and handing back are for the one who holds the ticket. */
export const holds = (staff: Staff, ticket: Ticket): boolean => ticket.status === 'claimed' && ticket.ownerId === staff.id;

export const canEscalate = (staff: Staff, ticket: Ticket): boolean =>
  ticket.level !== 'executive' && (holds(staff, ticket) || isSenior(staff)) && isOpen(ticket);

export const canAssign = (staff: Staff, ticket: Ticket): boolean =>
  (isSenior(staff) || staff.role === 'admin') && isOpen(ticket);

export const canShare = (staff: Staff, ticket: Ticket): boolean => holds(staff, ticket) || isSenior(staff);

export const canNote = (staff: Staff): boolean => staff.role !== 'partner';

export const isOpen = (ticket: Ticket): boolean => ticket.status === 'waiting' || ticket.status === 'claimed';

/** The level above `level`, or null at the top of the ladder. */
export function nextLevel(level: DeskLevel): DeskLevel | null {
  return deskLevels[ladder(level) + 1] ?? null;
}

/** The desk level that approves what the policy leaves to `approver`: the bot's and guides' limits are agents' work on the desk. */
export const levelToApprove = (approver: Approver | string): DeskLevel =>
  approver === 'supervisor' || approver === 'executive' ? approver : 'agent';
