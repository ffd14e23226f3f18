import type { CaseRegister } from '../../ports/case-register.ts';
import type { PromiseLedger } from '../../ports/promise-ledger.ts';
import { reportCaseOf } from '../../reports/report-case.ts';
import type { ReportCase, ReportSource } from '../../reports/report-source.ts';

/** Reports over the memory stores: the register's cases joined to the ledger in TypeScript. */
export class MemoryReportSource implements ReportSource {
  readonly #register: CaseRegister;
  readonly #ledger: PromiseLedger;

  constructor(parts: { register: CaseRegister; ledger: PromiseLedger }) {
    this.#register = parts.register;
    this.#ledger = parts.ledger;
  }

  async casesOpened(from: Date, until: Date): Promise<ReportCase[]> {
    const cases = await this.#register.casesOpened(from, until);
    const wanted = new Set(cases.map((c) => c.id));
    const byCase = Map.groupBy((await this.#ledger.entries()).filter((e) => wanted.has(e.caseId)), (e) => e.caseId);
    return cases.map((c) => reportCaseOf(c, byCase.get(c.id) ?? []));
  }
}
