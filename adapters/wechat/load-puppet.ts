import * as PUPPET from 'wechaty-puppet';
import { ConfigError } from '../../src/config.ts';

/** An npm package name; nothing else (no paths, no URLs) is imported. */
const packageName = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/;

/**
 * The wechaty puppet a package provides (its default export), e.g. `wechaty-puppet-service`
 * for WeCom or a token-based account, with `token` when one is configured.
 */
export async function loadPuppet(name: string, token: string | undefined): Promise<PUPPET.impls.PuppetInterface> {
  if (!packageName.test(name)) throw new ConfigError(`WECHAT_PUPPET: "${name}" is not a puppet package name (or official-account)`);
  let loaded: { default?: unknown };
  try {
    loaded = (await import(name)) as { default?: unknown };
  } catch {
    throw new ConfigError(`WECHAT_PUPPET: the puppet package ${name} cannot be loaded; install it with npm install ${name}`);
  }
  const Puppet = loaded.default;
  if (typeof Puppet !== 'function') throw new ConfigError(`WECHAT_PUPPET: ${name} does not export a puppet class by default`);
  const puppet: unknown = new (Puppet as new (options: PUPPET.PuppetOptions) => unknown)(token === undefined ? {} : { token });
  if (!PUPPET.Puppet.valid(puppet)) throw new ConfigError(`WECHAT_PUPPET: ${name} is not a wechaty puppet`);
  return puppet;
}
