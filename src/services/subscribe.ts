import Taro from '@tarojs/taro'
import type { MessageKind } from '@contract'

/**
 * Subscription messages (SPEC §2.22): WeChat delivers a message only to a user who agreed
 * to it, one message per agreement, asked with `requestSubscribeMessage` during a tap.
 * The template ids come from the server (whoami → `templates`), remembered here when home
 * loads, so a page can ask inside its tap handler without waiting for the network (WeChat
 * refuses the request once the tap's turn has passed). On H5 there is nothing to ask: a no-op.
 */

let templates: Partial<Record<MessageKind, string>> = {}

/** Remembers the configured template ids (from whoami). */
export function rememberTemplates(ids: Record<string, string> | undefined): void {
  templates = { ...(ids ?? {}) }
}

/** The template ids of these kinds that are configured, in order, without repeats (WeChat takes at most 3). */
export function templateIdsFor(kinds: MessageKind[]): string[] {
  const ids = kinds.map((k) => templates[k]).filter((id): id is string => !!id)
  return [...new Set(ids)].slice(0, 3)
}

/**
 * Asks the user to receive these messages. Call it synchronously from a tap handler (do not
 * await anything before it). Never throws and never blocks the page's own action: a refusal
 * only means the message stays in the in-app inbox.
 */
export function askToSubscribe(kinds: MessageKind[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve()
  const tmplIds = templateIdsFor(kinds)
  if (!tmplIds.length) return Promise.resolve()
  return Taro.requestSubscribeMessage({ tmplIds } as unknown as Taro.requestSubscribeMessage.Option).then(
    () => undefined,
    () => undefined,
  )
}
