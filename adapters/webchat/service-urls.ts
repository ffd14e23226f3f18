import { BotFrameworkAuthentication } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import type { AuthenticateRequestResult, ClaimsIdentity, ConnectorClient, ConnectorFactory, UserTokenClient } from 'botframework-connector';

/** Azure Bot Service's channel hosts (public, US government and China clouds, Teams). */
const azureHosts = [/(^|\.)botframework\.com$/, /(^|\.)botframework\.azure\.us$/, /(^|\.)botframework\.azure\.cn$/, /^smba\.trafficmanager\.net$/];

/**
 * The service URLs the bot may send to: Azure Bot Service's (https only) and our own
 * public origin. Nothing else, whatever `serviceUrl` an activity carries.
 */
export function serviceUrlAllowList(publicUrl: string | undefined): (serviceUrl: string | undefined) => boolean {
  const own = publicUrl ? new URL(publicUrl).origin : undefined;
  return (serviceUrl) => {
    if (!URL.canParse(serviceUrl ?? '')) return false;
    const url = new URL(serviceUrl as string);
    if (own && url.origin === own) return true;
    return url.protocol === 'https:' && url.port === '' && azureHosts.some((h) => h.test(url.hostname));
  };
}

export class ServiceUrlRefusedError extends Error {
  override name = 'ServiceUrlRefusedError';
}

/** A connector factory that makes no client for a service URL off the allow-list. */
class AllowListConnectorFactory implements ConnectorFactory {
  readonly #inner: ConnectorFactory;
  readonly #allowed: (serviceUrl: string) => boolean;

  constructor(inner: ConnectorFactory, allowed: (serviceUrl: string) => boolean) {
    this.#inner = inner;
    this.#allowed = allowed;
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    if (!this.#allowed(serviceUrl)) return Promise.reject(new ServiceUrlRefusedError('service URL not on the allow-list'));
    return this.#inner.create(serviceUrl, audience);
  }
}

/**
 * Bot Framework authentication (JWT checks stay the inner one's) whose every connector —
 * the only way the CloudAdapter sends — refuses service URLs off the allow-list. Without
 * it, an adapter with auth off POSTs replies to whatever `serviceUrl` it is sent (SSRF).
 */
export class AllowListAuthentication extends BotFrameworkAuthentication {
  readonly #inner: BotFrameworkAuthentication;
  readonly #allowed: (serviceUrl: string) => boolean;

  constructor(inner: BotFrameworkAuthentication, allowed: (serviceUrl: string) => boolean) {
    super();
    this.#inner = inner;
    this.#allowed = allowed;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.#guard(await this.#inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.#guard(await this.#inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new AllowListConnectorFactory(this.#inner.createConnectorFactory(claimsIdentity), this.#allowed);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.#inner.createUserTokenClient(claimsIdentity);
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.#inner.authenticateChannelRequest(authHeader);
  }

  #guard(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: new AllowListConnectorFactory(result.connectorFactory, this.#allowed) } : result;
  }
}
