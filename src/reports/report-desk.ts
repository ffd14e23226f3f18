import { localDate } from '../clock/local-date.ts';
import { DeskError } from '../desk/desk-error.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorrectiveAction, CorrectiveActions, NewCorrectiveAction } from '../ports/corrective-actions.ts';
import type { GuideRegistry } from '../ports/guide-registry.ts';
import type { StaffDirectory } from '../ports/staff-directory.ts';
import { isManager, managerRoles } from '../staff/roles.ts';
import type { Staff } from '../staff/staff-auth.ts';
import { effectWindow, viewAction } from './corrective-effect.ts';
import type { ActionView } from './corrective-effect.ts';
import { dimensions } from './dimensions.ts';
import { instantsAround, quarterBefore, quarterDates } from './period.ts';
import type { Period } from './period.ts';
import type { ReportSource, SurveyScores } from './report-source.ts';
import { buildReport } from './reports.ts';
import type { Report, ReportData, ReportName } from './reports.ts';


export interface ReportDeskParts {
  reports: ReportSource;
  surveys: SurveyScores;
  guides: GuideRegistry;
  actions: CorrectiveActions;
  staff: StaffDirectory;
  audit: AuditLog;
  clock: Clock;
  /** The agency's time zone: days, weeks and quarters are its own. */
  timeZone: string;
}

export type ActionRequest = Pick<NewCorrectiveAction, 'target' | 'title' | 'ownerId' | 'dueDate'>;

/** What the reports, the quarterly and commitments pages and the corrective actions ask of the stores. */
export class ReportDesk {
  readonly #p: ReportDeskParts;

  constructor(parts: ReportDeskParts) {
    this.#p = parts;
  }

  /** The agency-local date today. */
  today(): string {
    return localDate(this.#p.clock.now(), this.#p.timeZone);
  }

  async report(actor: Staff, name: ReportName, period: Period): Promise<Report> {
    allow(actor);
    return buildReport(name, period, await this.#data(period));
  }

  /** The reports of one quarter (`2026-Q3`), by month, for the printable page. */
  async quarter(actor: Staff, quarter: string, names: readonly ReportName[]): Promise<Report[]> {
    allow(actor);
    const dates = quarterDates(quarter);
    if (!dates) throw new DeskError(400, 'invalid_quarter', 'the quarter is written like 2026-Q3');
    const period: Period = { ...dates, by: 'month' };
    const data = await this.#data(period);
    return names.map((name) => buildReport(name, period, data));
  }

  /** Last quarter's satisfaction and on-time figures, for anyone: the public commitments page. */
  async lastQuarter(): Promise<{ quarter: string; satisfaction: Report; sla: Report }> {
    const quarter = quarterBefore(this.today());
    const dates = quarterDates(quarter);
    if (!dates) throw new Error(`not a quarter: ${quarter}`);
    const period: Period = { ...dates, by: 'quarter' };
    const data = await this.#data(period);
    return { quarter, satisfaction: buildReport('satisfaction', period, data), sla: buildReport('sla', period, data) };
  }

  async actions(actor: Staff): Promise<ActionView[]> {
    allow(actor);
    return this.#views(await this.#p.actions.list());
  }

  async #views(actions: CorrectiveAction[]): Promise<ActionView[]> {
    const now = this.#p.clock.now();
    if (actions.length === 0) return [];
    // One read covering every action's window, rather than one per action.
    const windows = actions.map((a) => effectWindow(a, now));
    const from = new Date(Math.min(...windows.map((w) => w.from.getTime())));
    const until = new Date(Math.max(...windows.map((w) => w.until.getTime())));
    const [cases, guides] = await Promise.all([this.#p.reports.casesOpened(from, until), this.#p.guides.list()]);
    const dims = dimensions(guides, this.#p.timeZone);
    return actions.map((a) => viewAction(a, cases, dims, now, this.today()));
  }

  async openAction(actor: Staff, request: ActionRequest): Promise<ActionView> {
    allow(actor);
    const owner = await this.#p.staff.get(request.ownerId);
    if (!owner || owner.role === 'partner') throw new DeskError(400, 'invalid_owner', 'the owner must be a member of the agency staff');
    const opened = await this.#p.actions.open({ ...request, openedBy: actor.id, openedAt: this.#p.clock.now() });
    await this.#audit(actor, 'action.open', opened.id, { kind: opened.target.kind, value: opened.target.value, owner: opened.ownerId, due: opened.dueDate });
    return this.#view(opened.id);
  }

  async markDone(actor: Staff, id: string): Promise<ActionView> {
    allow(actor);
    if (!(await this.#p.actions.markDone(id, this.#p.clock.now()))) throw new DeskError(404, 'action_not_found', `no corrective action ${id}`);
    await this.#audit(actor, 'action.done', id, {});
    return this.#view(id);
  }

  async #view(id: string): Promise<ActionView> {
    const action = await this.#p.actions.get(id);
    const [view] = action ? await this.#views([action]) : [];
    if (!view) throw new DeskError(404, 'action_not_found', `no corrective action ${id}`);
    return view;
  }

  /** What the reports of `period` are computed from. */
  async #data(period: Period): Promise<ReportData> {
    const { from, until } = instantsAround(period);
    const [cases, scores, feedback, guides] = await Promise.all([
      this.#p.reports.casesOpened(from, until), this.#p.surveys.scoresBetween(from, until), this.#p.surveys.feedbackBetween(from, until), this.#p.guides.list(),
    ]);
    return { cases, scores, feedback, guides, timeZone: this.#p.timeZone };
  }

  async #audit(actor: Staff, action: string, target: string, details: Record<string, string>): Promise<void> {
    await this.#p.audit.record({ actor: actor.id, action, target, details, at: this.#p.clock.now() });
  }
}

function allow(actor: Staff): void {
  if (!isManager(actor.role)) throw new DeskError(403, 'forbidden_role', `reports are for staff with the role ${managerRoles.join(' or ')}`, { roles: managerRoles });
}
