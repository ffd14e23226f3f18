import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, restore } from '../../src/privacy/redact.ts';
import type { PersonalDataKind } from '../../src/privacy/redact.ts';

const positives: [string, string, PersonalDataKind, string][] = [
  ['mainland mobile', '电话13812345678谢谢', 'phone', '13812345678'],
  ['mobile with +86 and dashes', 'call +86 138-1234-5678 now', 'phone', '+86 138-1234-5678'],
  ['mobile with 0086 and spaces', '請打 0086 138 1234 5678', 'phone', '0086 138 1234 5678'],
  ['mobile after a room number', '房间 1205 13812345678', 'phone', '13812345678'],
  ['Beijing landline', '座机010-12345678', 'phone', '010-12345678'],
  ['Shanghai landline in brackets', 'office (021) 1234 5678.', 'phone', '(021) 1234 5678'],
  ['Hong Kong +852', 'WhatsApp +852 9123 4567', 'phone', '+852 9123 4567'],
  ['Taiwan +886', '電話 +886 912 345 678', 'phone', '+886 912 345 678'],
  ['Taiwan mobile', '手機0912-345-678', 'phone', '0912-345-678'],
  ['US number', 'reach me at +1 (415) 555-0100', 'phone', '+1 (415) 555-0100'],
  ['Cantonese HK mobile after 電話', '我個電話係 9123 4567', 'phone', '9123 4567'],
  ['HK mobile after phone', 'my phone: 61234567', 'phone', '61234567'],
  ['HK mobile after call me', 'Call me on 5123-4567 please', 'phone', '5123-4567'],
  ['email', '邮箱 wang.wei+trip@example.com.cn。', 'email', 'wang.wei+trip@example.com.cn'],
  ['resident ID', '身份证号110101199003074514', 'id_number', '110101199003074514'],
  ['resident ID ending in X', '身份證 11010519491231002X', 'id_number', '11010519491231002X'],
  ['Hong Kong ID', '香港身份證 A123456(7)', 'id_number', 'A123456(7)'],
  ['Taiwan ID', '身分證字號 A123456789', 'id_number', 'A123456789'],
  ['Chinese passport E', 'passport E12345678', 'passport', 'E12345678'],
  ['Chinese passport EA', '护照EA1234567', 'passport', 'EA1234567'],
  ['passport after cue', 'Passport No. K1234567', 'passport', 'K1234567'],
  ['passport after 護照號碼', '護照號碼：H12345678', 'passport', 'H12345678'],
  ['bank card with spaces', '卡号 4111 1111 1111 1111', 'bank_card', '4111 1111 1111 1111'],
  ['19-digit card', '退款到6222020200112345679', 'bank_card', '6222020200112345679'],
  ['我叫', '我叫王伟，想投诉', 'name', '王伟'],
  ['我叫 three chars, then verb', '我叫王小明想投诉', 'name', '王小明'],
  ['我是 with surname', '你好，我是张伟。', 'name', '张伟'],
  ['我係 (Cantonese)', '我係陳大文', 'name', '陳大文'],
  ['本人', '本人李娜已经等了三天', 'name', '李娜'],
  ['姓名', '姓名：刘德华', 'name', '刘德华'],
  ['联系人 compound surname', '联系人欧阳娜娜', 'name', '欧阳娜娜'],
  ['聯絡人 traditional', '聯絡人：黃志明', 'name', '黃志明'],
  ['我姓', '我姓王，', 'name', '王'],
  ['title after surname', '我是王先生', 'name', '王'],
  ['my name is', 'Hi, my name is John Smith and I booked', 'name', 'John Smith'],
  ['name:', 'Name: Mary-Jane Watson', 'name', 'Mary-Jane Watson'],
  ['this is X from', 'This is Chan Tai Man from Kowloon', 'name', 'Chan Tai Man'],
];

const negatives: [string, string][] = [
  ['tour code', '团号SH2026-1103出发'],
  ['case number', 'case TC-7K3M9Q'],
  ['order number with letters', '订单号ORD13812345678'],
  ['yuan amount', '退我¥3000，还有3,000元'],
  ['dollar amount', 'I paid $900 and $13812345678'],
  ['dash date', '2026-11-03出发'],
  ['compact date', '行程20261103'],
  ['8 digits without cue', '房间号 91234567'],
  ['bad Luhn card', '4111 1111 1111 1112'],
  ['bad ID checksum', '110101199003074515'],
  ['bad Taiwan checksum', 'A123456780'],
  ['我是 role', '我是游客，我是团员，我是导游'],
  ['我是 verb', '我是来投诉的'],
  ['本人 verb', '本人已经等了很久'],
  ['我叫 verb', '我叫了出租车'],
  ['lowercase after my name is', 'my name is not important'],
  ['this is without from', 'This is Terrible'],
  ['empty', ''],
];

describe('redact detects', () => {
  it.each(positives)('%s', (_label, text, kind, value) => {
    const { text: redacted, found } = redact(text);
    expect(found).toContainEqual(expect.objectContaining({ kind, value }));
    expect(redacted).not.toContain(value);
    expect(restore(redacted, found)).toBe(text);
  });
});

describe('redact leaves alone', () => {
  it.each(negatives)('%s', (_label, text) => {
    expect(redact(text)).toEqual({ text, found: [] });
  });
});

describe('placeholders', () => {
  it('numbers per kind and reuses the placeholder for a repeated value', () => {
    const { text, found } = redact('我叫王伟，电话13812345678，再说一次13812345678，备用13912345678，王伟');
    expect(text).toBe('我叫[NAME_1]，电话[PHONE_1]，再说一次[PHONE_1]，备用[PHONE_2]，[NAME_1]');
    expect(found.map((r) => r.placeholder)).toEqual(['[NAME_1]', '[PHONE_1]', '[PHONE_2]']);
  });

  it('redacts a name repeated without its cue, Latin names as whole words only', () => {
    expect(redact('Name: Tom. Tomorrow Tom flies.').text).toBe('Name: [NAME_1]. Tomorrow [NAME_1] flies.');
  });

  it('does not spread a lone surname over ordinary words', () => {
    expect(redact('我姓李，行李丢了').text).toBe('我姓[NAME_1]，行李丢了');
  });

  it('escapes placeholder-looking text so restore cannot confuse it with a real placeholder', () => {
    const input = '[PHONE_1] is not my number, 13812345678 is; see [\\NAME_2]';
    const { text, found } = redact(input);
    expect(text).toBe('[\\PHONE_1] is not my number, [PHONE_1] is; see [\\\\NAME_2]');
    expect(restore(text, found)).toBe(input);
  });

  it('leaves placeholders it does not know', () => {
    expect(restore('[PHONE_9] and [EMAIL_1]', [])).toBe('[PHONE_9] and [EMAIL_1]');
  });

  it('restores values containing $ patterns literally', () => {
    const { text, found } = redact("my name is O'Neil, mail a$b@x.io");
    expect(restore(text, found)).toBe("my name is O'Neil, mail a$b@x.io");
  });
});

describe('robustness', () => {
  it.each([
    ['digits', '1'.repeat(20_000)],
    ['digits and spaces', '1 '.repeat(10_000)],
    ['email-ish', 'a.'.repeat(10_000)],
    ['at signs', 'a@b-'.repeat(5_000)],
    ['plus numbers', '+1 '.repeat(7_000)],
    ['cues', '我叫'.repeat(10_000)],
    ['phone cues', 'phone '.repeat(3_400)],
    ['capitals', 'My name is Aa '.repeat(1_500)],
    ['mixed', '电话13812345678 我叫王伟 '.repeat(1_000)],
  ])('handles 20,000 characters of %s quickly', (_label, text) => {
    const started = performance.now();
    const { text: redacted, found } = redact(text);
    expect(performance.now() - started).toBeLessThan(500);
    expect(restore(redacted, found)).toBe(text);
  });

  it('copes with emoji, lone surrogates and control characters', () => {
    const text = '😀\uD800\u0000我叫王伟\u202E13812345678\uDFFF';
    const { text: redacted, found } = redact(text);
    expect(found.map((r) => r.value)).toEqual(['王伟', '13812345678']);
    expect(restore(redacted, found)).toBe(text);
  });
});

const fragments = [
  ...positives.map(([, text]) => text), ...negatives.map(([, text]) => text),
  '[PHONE_1]', '[\\NAME_1]', '[EMAIL_', ']', '王伟', 'Tom', '13812345678', '\\', '[',
];
const hostileText = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string(), fc.string({ unit: 'binary' })), { maxLength: 12 })
  .map((parts) => parts.join(''));

/** Where a found value may still appear: Latin names inside longer words, lone surnames anywhere. */
function leaks(output: string, value: string): boolean {
  if ([...value].length < 2) return false;
  if (!/^[A-Za-z]/.test(value)) return output.includes(value);
  return new RegExp(`(?<![A-Za-z])${value.replace(/[^\w ]/g, '\\$&')}(?![A-Za-z])`).test(output);
}

describe('properties', () => {
  it('never throws and restore undoes redact', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const { text: redacted, found } = redact(text);
      expect(restore(redacted, found)).toBe(text);
    }), { numRuns: 500 });
  });

  it('leaves no found value in the output', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const { text: redacted, found } = redact(text);
      for (const { value } of found) expect(leaks(redacted, value)).toBe(false);
    }), { numRuns: 500 });
  });

  it('gives each value one placeholder and each placeholder one value', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const { found } = redact(text);
      expect(new Set(found.map((r) => r.value)).size).toBe(found.length);
      expect(new Set(found.map((r) => r.placeholder)).size).toBe(found.length);
    }), { numRuns: 300 });
  });
});
