import { describe, expect, it } from 'vitest';
import { packetOf } from '../../src/desk/packet.ts';
import type { CaseRecord } from '../../src/ports/case-register.ts';
import { policy } from '../support/harness.ts';

const at = new Date('2026-11-21T02:00:00Z');
const record: CaseRecord = {
  id: 'TC-7K3M9Q', conversationKey: 'webchat:c1', channel: 'webchat', category: 'guide', also: [], problems: [],
  severity: 'medium', flags: [], status: 'open', steps: ['apologise'], outcome: null, createdAt: at, updatedAt: at,
  facts: {
    telling: ['我叫王伟，黄山导游骂人', '王伟现在还在酒店，张伟先生也被骂了', '我的港澳通行证C12345678被领队收走了'],
    tour: 'GZ-2611-A', when: '2026-11-03', people: 2, wants: { words: '王伟要导游道歉' }, amounts: [],
  },
};
const offered = { offer: null, refused: 0, locale: 'zh-CN' as const };

describe('the packet a partner sees', () => {
  it('masks names and documents in every message, a name told once with a cue in the others too', () => {
    const packet = packetOf(record, offered, policy, true);
    expect(packet.telling).toEqual(['我叫[NAME_1]，黄山导游骂人', '[NAME_1]现在还在酒店，[NAME_2]先生也被骂了', '我的港澳通行证[PASSPORT_1]被领队收走了']);
    expect(packet).toMatchObject({ tour: 'GZ-2611-A', when: '2026-11-03', wants: '[NAME_1]要导游道歉' });
    // Staff see the words as told.
    expect(packetOf(record, offered, policy, false)).toMatchObject({ telling: record.facts['telling'], wants: '王伟要导游道歉' });
  });
});
