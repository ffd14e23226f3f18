import { z } from 'zod';

/** What WeChat pushed, checked: a message of a kind we read, an event, or something else we acknowledge. */
export type Push = PushHeader & (
  | { kind: 'text' | 'link'; msgId: string; text: string }
  | { kind: 'sticker'; msgId: string }
  | { kind: 'image' | 'voice' | 'video'; msgId: string; mediaId: string }
  | { kind: 'location'; msgId: string; latitude: number; longitude: number; label: string }
  | { kind: 'event'; event: string }
  | { kind: 'other' }
);

export interface PushHeader {
  /** The Official Account's own id (ToUserName, `gh_…`). */
  accountId: string;
  /** The traveller's openid (FromUserName). */
  openId: string;
  createdAt: Date;
}

/** What WeChat puts in place of a sticker (custom emoji) it does not pass on to Official Accounts. */
const stickerStandIn = '【收到不支持的消息类型，暂无法显示】';

const msgId = z.string().regex(/^\d{1,24}$/);
const mediaId = z.string().regex(/^[\w-]{1,256}$/);
const coordinate = (limit: number) => z.string().trim().regex(/^-?\d{1,3}(\.\d{1,12})?$/).transform(Number).pipe(z.number().min(-limit).max(limit));

const header = z.object({
  ToUserName: z.string().min(1).max(64),
  FromUserName: z.string().regex(/^[\w-]{1,64}$/),
  CreateTime: z.string().regex(/^\d{1,12}$/).transform((s) => new Date(Number(s) * 1000)),
  MsgType: z.string().min(1).max(32),
});

const bodies = z.discriminatedUnion('MsgType', [
  z.object({ MsgType: z.literal('text'), MsgId: msgId, Content: z.string().max(20_000) })
    .transform((b) => (b.Content.trim() === stickerStandIn ? { kind: 'sticker' as const, msgId: b.MsgId } : { kind: 'text' as const, msgId: b.MsgId, text: b.Content })),
  z.object({ MsgType: z.literal('link'), MsgId: msgId, Title: z.string().max(1_000).default(''), Url: z.string().max(2_000) })
    .transform((b) => ({ kind: 'link' as const, msgId: b.MsgId, text: [b.Title, b.Url].filter(Boolean).join('\n') })),
  z.object({ MsgType: z.enum(['image', 'voice', 'video', 'shortvideo']), MsgId: msgId, MediaId: mediaId })
    .transform((b) => ({ kind: b.MsgType === 'shortvideo' ? 'video' as const : b.MsgType, msgId: b.MsgId, mediaId: b.MediaId })),
  z.object({ MsgType: z.literal('location'), MsgId: msgId, Location_X: coordinate(90), Location_Y: coordinate(180), Label: z.string().max(1_000).default('') })
    .transform((b) => ({ kind: 'location' as const, msgId: b.MsgId, latitude: b.Location_X, longitude: b.Location_Y, label: b.Label })),
  z.object({ MsgType: z.literal('event'), Event: z.string().min(1).max(64) })
    .transform((b) => ({ kind: 'event' as const, event: b.Event })),
]);

const known = new Set(['text', 'link', 'image', 'voice', 'video', 'shortvideo', 'location', 'event']);

/** The push in WeChat's XML fields, or null when a field we need is missing or malformed. */
export function readPush(fields: Map<string, string>): Push | null {
  const record = Object.fromEntries(fields);
  const head = header.safeParse(record);
  if (!head.success) return null;
  const { ToUserName: accountId, FromUserName: openId, CreateTime: createdAt, MsgType } = head.data;
  if (!known.has(MsgType)) return { accountId, openId, createdAt, kind: 'other' };
  const body = bodies.safeParse(record);
  return body.success ? { accountId, openId, createdAt, ...body.data } : null;
}
