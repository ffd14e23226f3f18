import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditLog } from '../../src/ports/audit-log.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 8, minute));

/** What every audit log must do, whatever it stores in. `make` gives an empty log. */
export function auditLogContract(name: string, make: () => Promise<AuditLog>): void {
  describe(`AuditLog: ${name}`, () => {
    let audit: AuditLog;
    beforeEach(async () => {
      audit = await make();
    });

    it('lists entries newest first, by actor or target, up to a limit', async () => {
      await audit.record({ actor: 'cli', action: 'staff.add', target: 's1', details: { username: 'mei', role: 'admin' }, at: at(0) });
      await audit.record({ actor: 's1', action: 'staff.login', target: 's1', details: {}, at: at(1) });
      await audit.record({ actor: 's1', action: 'case.note', target: 'TC-7K3M9Q', details: { note: '房间很脏', n: [1, null, true] }, at: at(2) });
      expect((await audit.entries()).map((e) => e.action)).toEqual(['case.note', 'staff.login', 'staff.add']);
      expect(await audit.entries({ actor: 'cli' })).toEqual([{ actor: 'cli', action: 'staff.add', target: 's1', details: { username: 'mei', role: 'admin' }, at: at(0) }]);
      expect((await audit.entries({ target: 's1' })).map((e) => e.action)).toEqual(['staff.login', 'staff.add']);
      expect((await audit.entries({ actor: 's1', limit: 1 }))[0]).toMatchObject({ details: { note: '房间很脏', n: [1, null, true] } });
      expect(await audit.entries({ actor: 'nobody' })).toEqual([]);
    });

    it('keeps a null target', async () => {
      await audit.record({ actor: 'cli', action: 'ops.note', target: null, details: {}, at: at(3) });
      expect((await audit.entries({ actor: 'cli' }))[0]?.target).toBeNull();
    });

    it('refuses details that are not plain JSON, or that name a secret', async () => {
      const record = (details: unknown) => audit.record({ actor: 'cli', action: 'x', target: null, details: details as Record<string, never>, at: at(4) });
      await expect(record({ when: new Date() })).rejects.toThrow('details.when is not plain JSON');
      await expect(record({ n: Number.NaN })).rejects.toThrow('not a finite number');
      await expect(record({ gone: undefined })).rejects.toThrow('details.gone is not plain JSON');
      await expect(record({ password: 'Correct-horse-12' })).rejects.toThrow('secrets are never audited');
      await expect(record({ nested: [{ sessionToken: 'abc' }] })).rejects.toThrow('details.nested[0].sessionToken looks like a secret');
      await expect(record({ passwordHash: 'scrypt$…' })).rejects.toThrow('looks like a secret');
      expect(await audit.entries({ actor: 'cli' })).toEqual([]);
    });
  });
}
