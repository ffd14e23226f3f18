import { describe, expect, it } from 'vitest';
import { csvCell, csvOf } from '../../src/reports/csv.ts';
import { escapeHtml, html } from '../../src/reports/html.ts';
import { pageLocale } from '../../src/reports/page-words.ts';
import { bucketOf, bucketsOf, quarterBefore, quarterDates } from '../../src/reports/period.ts';

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks as RFC 4180 has it', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvOf([['a', 1], ['b,c', null]])).toBe('a,1\r\n"b,c",\r\n');
  });

  it('defuse text a spreadsheet would run as a formula, but keep numbers', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}SUM(A1)`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('-5 yuan')).toBe("'-5 yuan");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('the html template', () => {
  it('escapes every value, in text and in attributes', () => {
    const hostile = `"><script>alert('x')</script>&amp;`;
    expect(html`<p title="${hostile}">${hostile}</p>`.text).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;</p>',
    );
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('nests templates as markup, joins arrays, and leaves out null, undefined and false', () => {
    const rows = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${rows}${null}${undefined}${false}${0}</ul>`.text).toBe('<ul><li>&lt;a&gt;</li><li>b</li>0</ul>');
    // A string that looks like markup is still text: only templates are markup.
    expect(html`${'<b>x</b>'}`.text).toBe('&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('periods', () => {
  it('groups local dates by day, ISO week, month and quarter', () => {
    expect(bucketOf('2026-11-21', 'day')).toBe('2026-11-21');
    expect(bucketOf('2026-11-21', 'week')).toBe('2026-W47');
    expect(bucketOf('2027-01-01', 'week')).toBe('2026-W53'); // a Friday: its Thursday is in 2026
    expect(bucketOf('2024-12-30', 'week')).toBe('2025-W01');
    expect(bucketOf('2026-11-21', 'month')).toBe('2026-11');
    expect(bucketOf('2026-09-30', 'quarter')).toBe('2026-Q3');
    expect(bucketsOf({ from: '2026-06-15', to: '2026-08-02', by: 'month' })).toEqual(['2026-06', '2026-07', '2026-08']);
  });

  it('reads quarters, and finds the one before', () => {
    expect(quarterDates('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterDates('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(quarterDates('2026-Q5')).toBeUndefined();
    expect(quarterBefore('2026-11-21')).toBe('2026-Q3');
    expect(quarterBefore('2026-02-01')).toBe('2025-Q4');
  });
});

describe('the page language', () => {
  it('takes ?lang=, then the best Accept-Language, then Simplified Chinese', () => {
    expect(pageLocale('en', 'zh-CN')).toBe('en');
    expect(pageLocale('xx', 'zh-TW,zh;q=0.9')).toBe('zh-TW');
    expect(pageLocale(null, 'zh-Hant-HK')).toBe('zh-TW');
    expect(pageLocale(null, 'de, en-GB;q=0.4, zh;q=0.6')).toBe('zh-CN');
    expect(pageLocale(null, 'en;q=0, de')).toBe('zh-CN');
    expect(pageLocale(null, undefined)).toBe('zh-CN');
  });
});
