import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import type { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startWechat } from '../../adapters/wechat/index.ts';
import type { RunningWechat } from '../../adapters/wechat/index.ts';
import type { ChannelSetup } from '../../adapters/channel.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import type { Attachment } from '../../src/conversation/messages.ts';
import { HttpServer } from '../../src/http/server.ts';
import { catalogues } from '../../src/i18n/render.ts';
import { createLogger } from '../../src/log.ts';
import { Harness } from '../support/harness.ts';

const words = catalogues['zh-CN'];
const log = createLogger(process.env.WECHAT_TEST_LOG === '1' ? 'debug' : 'silent');

const setupFor = (h: Harness, env: Record<string, string>): ChannelSetup => ({
  app: h.app, http: new HttpServer(log), config: loadConfig({ BURST_WINDOW_MS: '0', ...env }), log, clock: h.clock, role: 'start',
});

/** The embedded app with the WeChat channel on wechaty-puppet-mock: a traveller contact and the bot. */
class MockChat {
  readonly h = new Harness();
  running!: RunningWechat;
  mocker!: mock.Mocker;
  traveller!: mock.ContactMock;
  bot!: mock.ContactMock;
  /** What the traveller received, in order. */
  readonly received: string[] = [];
  readonly #waiters: (() => void)[] = [];

  async start() {
    const running = await startWechat(setupFor(this.h, { WECHAT_PUPPET: 'wechaty-puppet-mock' }));
    if (!running) throw new Error('the channel is off');
    this.running = running;
    const puppet = running.puppet as PuppetMock;
    this.mocker = puppet.mocker;
    this.traveller = this.mocker.createContact({ name: 'Traveller' });
    this.bot = this.mocker.createContact({ name: 'Agency' });
    // The mock echoes what the bot sends as a message from the bot: that is what the traveller sees.
    puppet.on('message', async ({ messageId }) => {
      const payload = await puppet.messagePayload(messageId);
      if (payload.talkerId !== this.bot.id) return;
      this.received.push(payload.text ?? '');
      for (const w of this.#waiters.splice(0)) w();
    });
    this.mocker.scan('https://login.example', 1);
    this.mocker.login(this.bot);
    await running.loggedIn;
  }

  /** Resolves with what the bot says next, once it has said `count` messages. */
  async replies(act: () => void, count = 1): Promise<string[]> {
    const before = this.received.length;
    act();
    while (this.received.length < before + count) await new Promise<void>((r) => this.#waiters.push(r));
    return this.received.slice(before);
  }

  say(text: string, count = 1): Promise<string[]> {
    return this.replies(() => this.traveller.say(text).to(this.bot), count);
  }

  /** The traveller sends a message of `type` with no text (a photo, voice note…), as the mock would carry it. */
  send(type: types.Message): Promise<string[]> {
    return this.replies(() => {
      const message = this.mocker.MessageMock.create({ id: `media-${type}-${this.received.length}`, talkerId: this.traveller.id, listenerId: this.bot.id, timestamp: Date.now(), type });
      this.mocker.puppet.emit('message', { messageId: message.id });
    });
  }

  async attachments(): Promise<Attachment[]> {
    return (await this.h.app.parts.store.read(`wechat:${this.traveller.id}`))?.complaint.facts.attachments ?? [];
  }
}

describe('WeChat on wechaty-puppet-mock', () => {
  let chat: MockChat;
  beforeEach(async () => {
    chat = new MockChat();
    await chat.start();
  });
  afterEach(async () => {
    await chat.running.close();
    await chat.h.app.close();
  });

  it('takes a complaint, shows choices as numbered lines and reads a typed number as the choice', async () => {
    expect(await chat.say('酒店房间太脏了，而且一直没有热水！')).toEqual([`${words['ask.tour']}\n1. ${words['choice.dont_know']}`]);
    expect(await chat.say('GZ-2611-A')).toEqual([`${words['ask.when']}\n1. ${words['choice.dont_know']}`]);
    expect((await chat.say('昨天'))[0]).toMatch(new RegExp(`^${words['ask.people']}\n1\\. `));
    expect(await chat.say('2')).toEqual([
      [words['ask.wants'], `1. ${words['wants.compensation']}`, `2. ${words['wants.fix']}`, `3. ${words['wants.apology']}`].join('\n'),
    ]);
    const restated = await chat.say('1');
    expect(restated[0]).toContain(words['wants.compensation']); // the restatement names what they chose
    expect(restated[0]).toMatch(new RegExp(`\n1\\. ${words['choice.correct_yes']}\n2\\. ${words['choice.correct_no']}$`));
    const [apology, question] = await chat.say('1', 2);
    expect(apology).toMatch(/^非常抱歉/);
    expect(question).toMatch(new RegExp(`\n1\\. ${words['choice.dont_know']}$`));
    const state = await chat.h.app.parts.store.read(`wechat:${chat.traveller.id}`);
    expect(state?.complaint.step).toBe('propose');
    expect(state?.complaint.facts.wants?.value).toEqual({ kind: 'compensation' });
  });

  it('keeps photos, voice, video, files, stickers and locations as attachments, and acknowledges each', async () => {
    await chat.say('酒店房间太脏了');
    expect(await chat.send(types.Message.Image)).toEqual([expect.stringMatching(new RegExp(`^${words['notice.kept']}`))]);
    expect(await chat.send(types.Message.Audio)).toEqual([expect.stringMatching(new RegExp(`^${words['notice.voice']}`))]);
    expect(await chat.send(types.Message.Emoticon)).toEqual([expect.stringMatching(new RegExp(`^${words['notice.sticker']}`))]);
    await chat.send(types.Message.Video);
    await chat.send(types.Message.Attachment);
    await chat.send(types.Message.Location);
    const kept = await chat.attachments();
    expect(kept.map((a) => a.kind)).toEqual(['image', 'voice', 'sticker', 'video', 'file', 'location']);
    expect(kept[0]?.ref).toMatch(/^media-/); // other puppets: the message id, which the puppet fetches the file by
    expect(kept[5]?.ref).toBe('39.995121,116.334154'); // the mock's fixed location: lat,lon
  });

  it('sends to any conversation at any time (a staff reply), and ignores its own echoed messages', async () => {
    await chat.say('导游态度很差');
    const [staff] = await chat.replies(() => void chat.h.app.router.send({
      channel: 'wechat', conversationId: chat.traveller.id, text: '您好，我是客服小李。', choices: [], step: 'handoff', turn: 9, id: '9.0',
    }));
    expect(staff).toBe('您好，我是客服小李。');
    expect(await chat.h.app.parts.store.read(`wechat:${chat.bot.id}`)).toBeUndefined(); // the echo started no conversation
  });
});

describe('startWechat', () => {
  it('is off without WECHAT_PUPPET', async () => {
    expect(await startWechat(setupFor(new Harness(), {}))).toBeNull();
  });

  it('names the variable when the puppet package cannot be loaded', async () => {
    await expect(startWechat(setupFor(new Harness(), { WECHAT_PUPPET: 'wechaty-puppet-nonexistent' }))).rejects.toThrow(ConfigError);
    await expect(startWechat(setupFor(new Harness(), { WECHAT_PUPPET: './some/file.js' }))).rejects.toThrow(/WECHAT_PUPPET/);
  });
});
