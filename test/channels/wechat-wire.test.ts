import { describe, expect, it } from 'vitest';
import { MessageCrypto, MessageCryptoError } from '../../adapters/wechat/official-account/message-crypto.ts';
import { readPush } from '../../adapters/wechat/official-account/push.ts';
import { signatureMatches, wechatSignature } from '../../adapters/wechat/official-account/signature.ts';
import { XmlError, parseWechatXml } from '../../adapters/wechat/official-account/xml.ts';
import { wechatXml } from '../support/fake-wechat.ts';

// WeChat's own sample for its message encryption (WXBizMsgCrypt), as its SDKs in every language test it.
const sample = {
  token: 'spamtest', timestamp: '1409735669', nonce: '1320562132', appId: 'wx2c2769f8efd9abc2',
  aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  encrypt: 'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
};

describe('WeChat signatures', () => {
  it('match WeChat’s published examples', () => {
    expect(wechatSignature('789', '456', '123')).toBe('f7c3bc1d808e04732adf679965ccc34ca7ae3441');
    expect(wechatSignature(sample.token, sample.timestamp, sample.nonce, sample.encrypt)).toBe(sample.msgSignature);
  });

  it('compare only well-formed signatures, in either case', () => {
    const expected = wechatSignature('789', '456', '123');
    expect(signatureMatches(expected.toUpperCase(), expected)).toBe(true);
    expect(signatureMatches(undefined, expected)).toBe(false);
    expect(signatureMatches(expected.slice(0, 39), expected)).toBe(false);
    expect(signatureMatches(`${expected.slice(0, 39)}0`, expected)).toBe(expected.endsWith('0'));
  });
});

describe('WeChat message encryption', () => {
  const crypto = new MessageCrypto(sample.aesKey, sample.appId);

  it('decrypts WeChat’s sample message', () => {
    const push = readPush(parseWechatXml(crypto.decrypt(sample.encrypt)));
    expect(push).toEqual({
      accountId: 'gh_10f6c3c3ac5a', openId: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs', createdAt: new Date(1409735668_000),
      kind: 'text', msgId: '6054768590064713728', text: 'abcdteT',
    });
  });

  it('round-trips, padding to 32-byte blocks with fresh randomness each time', () => {
    for (const message of ['', 'a', '一二三', 'x'.repeat(100)]) {
      const encrypted = crypto.encrypt(message);
      expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
      expect(crypto.decrypt(encrypted)).toBe(message);
    }
    expect(crypto.encrypt('same')).not.toBe(crypto.encrypt('same'));
  });

  it('refuses a message for another account, a truncated one and garbage', () => {
    expect(() => new MessageCrypto(sample.aesKey, 'wxanotheraccount00').decrypt(sample.encrypt)).toThrow(MessageCryptoError);
    expect(() => crypto.decrypt(sample.encrypt.slice(0, 64))).toThrow(MessageCryptoError);
    expect(() => crypto.decrypt('not base64 at all')).toThrow(MessageCryptoError);
    expect(() => crypto.decrypt(Buffer.alloc(64, 7).toString('base64'))).toThrow(MessageCryptoError);
  });
});

describe('the WeChat XML reader', () => {
  it('reads CDATA, plain text, entities and character references, and skips nested elements', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>\n<xml>\n <A><![CDATA[<b>&amp;</b>]]></A>\n <B>1 &lt; 2 &amp;&#x4E2D;&#25991;</B>\n <C/>\n <SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum>x</PicMd5Sum></item></PicList></SendPicsInfo>\n</xml>\n`;
    expect(Object.fromEntries(parseWechatXml(xml))).toEqual({ A: '<b>&amp;</b>', B: '1 < 2 &中文', C: '' });
  });

  it.each([
    ['a DOCTYPE with an external entity', '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><A>&x;</A></xml>'],
    ['an entity declared inside', '<xml><!ENTITY x "y"><A>a</A></xml>'],
    ['an undeclared entity', '<xml><A>&x;</A></xml>'],
    ['a comment', '<xml><A>a<!-- c --></A></xml>'],
    ['a processing instruction', '<xml><A><?php ?></A></xml>'],
    ['attributes', '<xml><A type="x">a</A></xml>'],
    ['a field twice', '<xml><A>a</A><A>b</A></xml>'],
    ['another root', '<root><A>a</A></root>'],
    ['a mismatched tag', '<xml><A>a</B></xml>'],
    ['an unclosed element', '<xml><A>a'],
    ['unclosed CDATA', '<xml><A><![CDATA[a</A></xml>'],
    ['content after the root', '<xml><A>a</A></xml><xml/>'],
    ['deep nesting', `<xml><A>${'<B>'.repeat(10)}${'</B>'.repeat(10)}</A></xml>`],
    ['a bad character reference', '<xml><A>&#0;&#xD800;</A></xml>'],
    ['not XML', '{"MsgType":"text"}'],
    ['nothing', ''],
  ])('refuses %s', (_, xml) => {
    expect(() => parseWechatXml(xml)).toThrow(XmlError);
  });

  it('reads the largest body quickly, whatever it holds', () => {
    for (const body of ['&amp;'.repeat(13_000), 'a'.repeat(65_000), '<![CDATA[x]]>'.repeat(5_000)]) {
      const started = performance.now();
      parseWechatXml(`<xml><A>${body}</A></xml>`);
      expect(performance.now() - started).toBeLessThan(200);
    }
  });
});

describe('reading a push', () => {
  const header = { ToUserName: 'gh_agency', FromUserName: 'oTraveller_1', CreateTime: 1_700_000_000 };
  const read = (fields: Record<string, string | number>) => readPush(parseWechatXml(wechatXml({ ...header, ...fields })));

  it('reads each kind of message and event', () => {
    expect(read({ MsgType: 'image', PicUrl: 'http://x', MediaId: 'm1', MsgId: '1' })).toMatchObject({ kind: 'image', mediaId: 'm1', msgId: '1' });
    expect(read({ MsgType: 'shortvideo', MediaId: 'm2', ThumbMediaId: 't', MsgId: '2' })).toMatchObject({ kind: 'video', mediaId: 'm2' });
    expect(read({ MsgType: 'location', Location_X: '23.1', Location_Y: '-113.3', Scale: 15, Label: '广州', MsgId: '3' }))
      .toMatchObject({ kind: 'location', latitude: 23.1, longitude: -113.3, label: '广州' });
    expect(read({ MsgType: 'link', Title: '订单', Description: '', Url: 'https://example.com/o/1', MsgId: '4' })).toMatchObject({ kind: 'link', text: '订单\nhttps://example.com/o/1' });
    expect(read({ MsgType: 'text', Content: '【收到不支持的消息类型，暂无法显示】', MsgId: '5' })).toMatchObject({ kind: 'sticker', msgId: '5' });
    expect(read({ MsgType: 'event', Event: 'subscribe', EventKey: '' })).toMatchObject({ kind: 'event', event: 'subscribe' });
    expect(read({ MsgType: 'miniprogrampage', Title: 'x', MsgId: '6' })).toMatchObject({ kind: 'other' });
  });

  it.each([
    ['no MsgId', { MsgType: 'text', Content: 'hi' }],
    ['a MsgId that is not a number', { MsgType: 'text', Content: 'hi', MsgId: '1; DROP' }],
    ['a latitude off the earth', { MsgType: 'location', Location_X: '123.1', Location_Y: '13.3', MsgId: '1' }],
    ['a media id with odd characters', { MsgType: 'image', MediaId: '../../etc/passwd', MsgId: '1' }],
    ['an openid with odd characters', { MsgType: 'text', Content: 'hi', MsgId: '1', FromUserName: 'o<script>' }],
    ['a time that is not one', { MsgType: 'text', Content: 'hi', MsgId: '1', CreateTime: 'yesterday' }],
  ])('refuses %s', (_, fields) => {
    expect(read(fields)).toBeNull();
  });
});
