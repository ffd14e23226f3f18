import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { z } from 'zod';
import type { App } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { sendJson } from '../../src/http/server.ts';
import type { Handler } from '../../src/http/server.ts';
import { errorFields } from '../../src/log.ts';
import type { Logger } from '../../src/log.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { Acceptance } from '../../src/ports/inbox.ts';
import { inboundMessage, localeOf } from './activities.ts';
import type { ActivityStore, AzureReference, DirectLineActivity } from './activity-store.ts';
import { readJson } from './http-io.ts';
import { AllowListAuthentication, serviceUrlAllowList } from './service-urls.ts';

export interface WebchatBotSetup {
  app: App;
  config: Config;
  store: ActivityStore;
  clock: Clock;
  log: Logger;
}

/** The service URL of turns from our own Direct Line: never sent to (`.invalid` never resolves). */
const directLineServiceUrl = (config: Config) => config.PUBLIC_URL ?? 'https://directline.tripcare.invalid';

/** What `/api/messages` must carry before anything else is looked at. */
const azureActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  serviceUrl: z.string().max(2048),
  channelId: z.string().min(1).max(64),
  conversation: z.looseObject({ id: z.string().min(1).max(512) }),
  from: z.looseObject({ id: z.string().min(1).max(512) }),
  recipient: z.looseObject({ id: z.string().min(1).max(512) }),
});

const maxAzureBody = 256 * 1024;

/**
 * The bot, on botbuilder's CloudAdapter: turns message activities into the engine's
 * inbound messages. Our Direct Line hands it activities in process; with
 * MICROSOFT_APP_ID/PASSWORD it also takes Azure Bot Service's at `/api/messages`,
 * JWT verified. Every connector the adapter makes refuses service URLs off the allow-list.
 */
export class WebchatBot {
  readonly adapter: CloudAdapter;
  readonly isAllowed: (serviceUrl: string | undefined) => boolean;
  readonly #auth: AllowListAuthentication;
  readonly #setup: WebchatBotSetup;
  readonly #appId: string;

  constructor(setup: WebchatBotSetup) {
    const { config } = setup;
    this.#setup = setup;
    this.#appId = config.MICROSOFT_APP_ID ?? '';
    this.isAllowed = serviceUrlAllowList(directLineServiceUrl(config));
    const inner = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MICROSOFT_APP_ID,
      MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
      MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
      MicrosoftAppType: config.MICROSOFT_APP_TENANT_ID ? 'SingleTenant' : 'MultiTenant',
    });
    this.#auth = new AllowListAuthentication(inner, this.isAllowed);
    this.adapter = new CloudAdapter(this.#auth);
  }

  /** Whether Azure Bot Service traffic is taken: only with app credentials, so JWTs are checked. */
  get acceptsAzure(): boolean {
    return this.#appId !== '';
  }

  /** Journals a traveller's activity from our Direct Line before it is echoed: the echo then promises an answer. */
  journal(activity: DirectLineActivity): Promise<Acceptance> {
    return this.#setup.app.engine.journal(inboundMessage(activity as unknown as Activity, this.#setup.clock.now()));
  }

  /** A traveller's activity from our Direct Line (its token already checked), through the adapter to the engine. */
  async fromDirectLine(activity: DirectLineActivity): Promise<void> {
    const identity = new ClaimsIdentity([
      { type: AuthenticationConstants.AudienceClaim, value: this.#appId },
      { type: AuthenticationConstants.AppIdClaim, value: this.#appId },
    ], true);
    const ours: AuthenticateRequestResult = { audience: AuthenticationConstants.ToChannelFromBotOAuthScope, claimsIdentity: identity, connectorFactory: this.#auth.createConnectorFactory(identity) };
    const turn = {
      ...activity,
      serviceUrl: directLineServiceUrl(this.#setup.config),
      recipient: { id: 'tripcare', role: 'bot' },
    } as unknown as Activity;
    await this.adapter.processActivityDirect(ours, turn, (context) => this.#toEngine(context));
  }

  /** `POST /api/messages`: Azure Bot Service traffic, refused unless its JWT checks out and its service URL is allowed. */
  readonly azureMessages: Handler = async (req, res) => {
    const read = await readJson(req, maxAzureBody);
    if (!read.ok) return sendJson(res, read.status, { error: 'bad request' });
    const parsed = azureActivitySchema.safeParse(read.value);
    if (!parsed.success) return sendJson(res, 400, { error: 'bad request' });
    const activity = parsed.data as unknown as Activity;
    let auth: AuthenticateRequestResult;
    try {
      auth = await this.#auth.authenticateRequest(activity, req.headers.authorization ?? '');
    } catch (e) {
      this.#setup.log.warn('webchat.azure_unauthorized', errorFields(e));
      return sendJson(res, 401, { error: 'unauthorized' });
    }
    if (!this.isAllowed(activity.serviceUrl)) {
      this.#setup.log.warn('webchat.service_url_refused', { channelId: activity.channelId });
      return sendJson(res, 403, { error: 'service URL not allowed' });
    }
    // Azure's conversations under their own names, so none can take the place of one of ours.
    const conversationId = `azure:${activity.channelId}:${activity.conversation.id}`;
    await this.adapter.processActivityDirect(auth, activity, async (context) => {
      await this.#setup.store.open(conversationId, { kind: 'azure', reference: referenceOf(context.activity), ...localeField(context.activity) });
      await this.#toEngine(context, conversationId);
    });
    res.writeHead(200).end();
  };

  /** Sends a reply to an Azure conversation, through the adapter (and so the allow-list). */
  async sendToAzure(reference: AzureReference, activity: Partial<Activity>): Promise<void> {
    await this.adapter.continueConversationAsync(this.#appId, reference, async (context) => {
      await context.sendActivity(activity);
    });
  }

  async #toEngine(context: TurnContext, conversationId = context.activity.conversation.id): Promise<void> {
    if (context.activity.type !== 'message') return;
    await this.#setup.app.engine.receive({ ...inboundMessage(context.activity, this.#setup.clock.now()), conversationId });
  }
}

const referenceOf = (activity: Activity): AzureReference => ({
  ...TurnContext.getConversationReference(activity),
  serviceUrl: activity.serviceUrl,
  channelId: activity.channelId,
});

const localeField = (activity: Activity) => {
  const locale = localeOf(activity.locale);
  return locale ? { locale } : {};
};
