import * as PUPPET from 'wechaty-puppet';
import type { Push } from './push.ts';
import { Receipts } from './receipts.ts';
import type { ServiceMessenger } from './service-messenger.ts';

/** A message push: what this puppet turns into a wechaty message. */
export type MessagePush = Extract<Push, { msgId: string }>;

export interface OfficialAccountPuppetOptions {
  /** The account's own contact id in wechaty: its AppID. */
  selfId: string;
  messenger: ServiceMessenger;
}

/** Messages kept for wechaty to read back; it reads each right after the push. */
const keptMessages = 1_000;
/** How long `deliver` waits for a message to be handled: past WeChat's retries, well short of forever. */
const receiptTimeoutMs = 30_000;

const types: Record<MessagePush['kind'], PUPPET.types.Message> = {
  text: PUPPET.types.Message.Text,
  link: PUPPET.types.Message.Url,
  sticker: PUPPET.types.Message.Emoticon,
  image: PUPPET.types.Message.Image,
  voice: PUPPET.types.Message.Audio,
  video: PUPPET.types.Message.Video,
  location: PUPPET.types.Message.Location,
};

/**
 * tripcare's own wechaty puppet for an agency's Official Account (公众号). It does
 * not reach WeChat for messages: the `/wechat` webhook verifies, decrypts and
 * checks each push, then `deliver`s it here; replies go out through the
 * customer-service message API within the traveller's window and quota. What an
 * Official Account conversation does not need throws a "not supported" error.
 */
export class OfficialAccountPuppet extends PUPPET.Puppet {
  readonly #selfId: string;
  readonly #messenger: ServiceMessenger;
  readonly #receipts: Receipts;
  readonly #pushes = new Map<string, MessagePush>();

  constructor(options: OfficialAccountPuppetOptions) {
    super();
    this.#selfId = options.selfId;
    this.#messenger = options.messenger;
    this.#receipts = new Receipts(receiptTimeoutMs);
  }

  override async onStart(): Promise<void> {
    // No QR code to scan: the account is signed in by its AppSecret. After start, as wechaty expects.
    setImmediate(() => this.login(this.#selfId));
  }

  override async onStop(): Promise<void> {}

  /** Hands a verified push to wechaty; resolves once it is handled (see `handled`), rejects if that failed. */
  deliver(push: MessagePush): Promise<void> {
    this.#pushes.delete(push.msgId);
    this.#pushes.set(push.msgId, push);
    if (this.#pushes.size > keptMessages) this.#pushes.delete(this.#pushes.keys().next().value as string);
    const receipt = this.#receipts.expect(push.msgId);
    this.emit('message', { messageId: push.msgId });
    return receipt;
  }

  /** The adapter received the message into the engine (or failed to, with `error`). */
  handled(messageId: string, error?: unknown): void {
    this.#receipts.settle(messageId, error);
  }

  /** The media id WeChat gave an image, voice or video message. */
  mediaIdOf(messageId: string): string | undefined {
    const push = this.#pushes.get(messageId);
    return push && 'mediaId' in push ? push.mediaId : undefined;
  }

  override ding(data?: string): void {
    this.emit('dong', { data: data ?? '' });
  }

  override async messageRawPayload(messageId: string): Promise<MessagePush> {
    const push = this.#pushes.get(messageId);
    if (!push) throw new Error('message not kept');
    return push;
  }

  override async messageRawPayloadParser(push: MessagePush): Promise<PUPPET.payloads.Message> {
    return {
      id: push.msgId,
      talkerId: push.openId,
      listenerId: this.#selfId,
      timestamp: push.createdAt.getTime(),
      type: types[push.kind],
      text: 'text' in push ? push.text : '',
    };
  }

  override async messageLocation(messageId: string): Promise<PUPPET.payloads.Location> {
    const push = await this.messageRawPayload(messageId);
    if (push.kind !== 'location') throw new Error('not a location message');
    return { latitude: push.latitude, longitude: push.longitude, name: push.label, address: push.label, accuracy: 0 };
  }

  override async contactRawPayload(contactId: string): Promise<PUPPET.payloads.Contact> {
    // Travellers are known by openid alone: no profile is fetched (nor needed).
    const official = contactId === this.#selfId;
    return {
      id: contactId, name: '', avatar: '', phone: [], gender: PUPPET.types.ContactGender.Unknown,
      type: official ? PUPPET.types.Contact.Official : PUPPET.types.Contact.Individual, friend: !official,
    };
  }

  override async contactRawPayloadParser(payload: PUPPET.payloads.Contact): Promise<PUPPET.payloads.Contact> {
    return payload;
  }

  override async messageSendText(openId: string, text: string): Promise<void> {
    await this.#messenger.sendText(openId, text);
  }
}

/** Everything else a puppet may do, which an Official Account complaint desk does not. */
const unsupported = [
  'contactAlias', 'contactAvatar', 'contactCorporationRemark', 'contactDescription', 'contactList', 'contactPhone',
  'contactSelfName', 'contactSelfQRCode', 'contactSelfSignature', 'conversationReadMark',
  'friendshipAccept', 'friendshipAdd', 'friendshipRawPayload', 'friendshipRawPayloadParser', 'friendshipSearchHandle', 'friendshipSearchPhone',
  'messageContact', 'messageFile', 'messageForward', 'messageImage', 'messageMiniProgram', 'messageRecall', 'messageUrl',
  'messageSendContact', 'messageSendFile', 'messageSendLocation', 'messageSendMiniProgram', 'messageSendPost', 'messageSendUrl',
  'postPublish', 'postRawPayload', 'postRawPayloadParser', 'postSearch',
  'roomAdd', 'roomAnnounce', 'roomAvatar', 'roomCreate', 'roomDel', 'roomInvitationAccept', 'roomInvitationRawPayload',
  'roomInvitationRawPayloadParser', 'roomList', 'roomMemberList', 'roomMemberRawPayload', 'roomMemberRawPayloadParser',
  'roomQRCode', 'roomQuit', 'roomRawPayload', 'roomRawPayloadParser', 'roomTopic',
  'tagContactAdd', 'tagContactDelete', 'tagContactList', 'tagContactRemove', 'tap', 'tapSearch',
] as const;

export class PuppetNotSupportedError extends Error {
  override name = 'PuppetNotSupportedError';
}

for (const method of unsupported) {
  Object.defineProperty(OfficialAccountPuppet.prototype, method, {
    value: () => Promise.reject(new PuppetNotSupportedError(`${method} is not supported by tripcare's Official Account puppet`)),
  });
}
