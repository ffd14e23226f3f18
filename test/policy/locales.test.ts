import { describe, expect, it } from 'vitest';
import { catalogues, render } from '../../src/i18n/render.ts';
import { clauseIds } from '../../src/policy/clause-ids.ts';
import { partIds } from '../../src/policy/parts.ts';
import { locales } from '../../src/taxonomy.ts';
import { policyWith } from './helpers.ts';

describe('the words of the policy', () => {
  it.each(locales)('%s explains every clause and labels every part', (locale) => {
    for (const id of clauseIds) expect(catalogues[locale], `clause.${id}`).toHaveProperty([`clause.${id}`]);
    for (const id of partIds) expect(catalogues[locale], `part.${id}`).toHaveProperty([`part.${id}`]);
  });

  it('explains a clause in plain words, in the traveller\'s language', () => {
    const policy = policyWith();
    expect(render('en', policy.explain('8'), 'UTC')).toBe('Service below what your contract promised: the difference back, plus the same again.');
    expect(render('zh-CN', policy.explain('8'), 'UTC')).toBe('服务低于合同约定的标准：退还差价，另付同额违约金。');
    expect(render('zh-TW', policy.explain('8'), 'UTC')).toBe('服務低於合約約定的標準：退還差價，另付同額違約金。');
  });
});
