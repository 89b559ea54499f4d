/**
 * Every message between the extension's parts, each typed with its reply, in one table:
 * {@link MESSAGES}. A message names who may send it and carries a guard for its request and one
 * for its reply; {@link messenger}'s `send` and `on` are the only way to send or answer one, and
 * they check the sender, the request and the reply on arrival. A part never trusts a message
 * because of where it says it came from, and nothing is cast.
 *
 * - popup → content script (`tabs.sendMessage`): ask for the episode on the page, or seek the
 *   page's player;
 * - content script → background (`runtime.sendMessage`): open the archive search in a tab, from
 *   the panel's "Search all episodes";
 * - background → archive search page: show this query (a search tab already open answers, so one
 *   tab serves every click); archive search page → background: the query it was opened for. The
 *   query travels in messages, never in the tab's URL, so it stays out of the history.
 *
 * ## Adding a message
 *
 * One entry in {@link MESSAGES}: its type (`sender:verb`), `from` (who may send it, see
 * {@link SenderKind}), and the two guards, whose type predicates are the request's and the
 * reply's types. Then `send('type', request)` where it starts and `on({ type: handler })` where it
 * is answered; both are typed from the entry. A guard checks everything that arrives, bounded
 * (lengths, counts, http(s) URLs), and never throws. `tests/unit/messages.test.ts` fuzzes every
 * entry's guards and checks every sender kind.
 */

import { SITE_ORIGIN } from '../site/urls';
import type { SourceNote } from './choose-source';
import { isPopupEpisode, isRecord, type PopupEpisode } from './popup-state';

/** Queries longer than this are cut: nobody types more, and it bounds what a message carries. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Who may send a message. Every kind is this extension's own (`sender.id`), and:
 * - `site-content-script`: a content script in a changelog.com tab (`sender.tab`, a changelog.com URL);
 * - `extension-page`: one of the extension's own pages (the popup, in its window or a tab);
 * - `background`: not in any tab (`sender.tab === undefined`) and not a web page: so neither a
 *   content script nor a page of ours opened in a tab can pass for the background.
 */
export type SenderKind = 'site-content-script' | 'extension-page' | 'background';

/** What the browser says about a message's sender (the part of `runtime.MessageSender` we read). */
export interface MessageSender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: unknown;
}

type Guard<T> = (value: unknown) => value is T;

interface MessageSpec<Request, Reply> {
  from: SenderKind;
  /** Checks the whole message as it arrives (its `type` included). */
  request: Guard<Request>;
  reply: Guard<Reply>;
}

const spec = <Request, Reply>(entry: MessageSpec<Request, Reply>) => entry;

const isSeconds = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isQuery = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_QUERY_LENGTH;
const only = (value: unknown, ...keys: string[]): value is Record<string, unknown> =>
  isRecord(value) && Object.keys(value).every((key) => key === 'type' || keys.includes(key));

const SOURCE_KINDS = new Set(['bundle', 'page', 'none']);

/** The content script's answer to `popup:get-episode`: the popup's part of what its panel shows. */
export interface EpisodeReply {
  episode: PopupEpisode;
  /** Where the panel's transcript came from. */
  source: SourceNote;
  /** Whether the page has the site's player (seek buttons make sense). */
  canSeek: boolean;
  /** Where the show notes came from (the page's, or the bundle's when the page has none). */
  notesFrom: 'page' | 'bundle';
}

/** The reply of a request that either worked or did not. */
const isOkReply = (value: unknown): value is { ok: boolean } => isRecord(value) && typeof value.ok === 'boolean';

const isEpisodeReply = (value: unknown): value is EpisodeReply =>
  isRecord(value) &&
  isPopupEpisode(value.episode) &&
  isRecord(value.source) &&
  SOURCE_KINDS.has(value.source.kind as string) &&
  typeof value.canSeek === 'boolean' &&
  (value.notesFrom === 'page' || value.notesFrom === 'bundle');

/** Every message the extension sends, by type. See "Adding a message" above. */
export const MESSAGES = {
  /** The popup asks the content script of its tab for the episode the page shows. */
  'popup:get-episode': spec({
    from: 'extension-page',
    request: (value): value is { type: 'popup:get-episode' } => only(value),
    reply: isEpisodeReply,
  }),
  /** The popup asks the content script to seek the site's player; `ok` is false without a player. */
  'popup:seek': spec({
    from: 'extension-page',
    request: (value): value is { type: 'popup:seek'; seconds: number } => isRecord(value) && isSeconds(value.seconds),
    reply: isOkReply,
  }),
  /** The panel asks the background to open the archive search for a query the listener typed. */
  'content:open-archive-search': spec({
    from: 'site-content-script',
    request: (value): value is { type: 'content:open-archive-search'; query: string } =>
      isRecord(value) && isQuery(value.query) && value.query.trim() !== '',
    reply: isOkReply,
  }),
  /** The background asks an open archive search page (opened from the panel) to show a query. */
  'background:show-archive-search': spec({
    from: 'background',
    request: (value): value is { type: 'background:show-archive-search'; query: string } => isRecord(value) && isQuery(value.query),
    reply: (value): value is { shown: boolean } => isRecord(value) && typeof value.shown === 'boolean',
  }),
  /** An archive search page opened from the panel asks the background for its query ('' for none). */
  'popup:take-archive-query': spec({
    from: 'extension-page',
    request: (value): value is { type: 'popup:take-archive-query' } => only(value),
    reply: (value): value is { query: string } => isRecord(value) && isQuery(value.query),
  }),
} satisfies Record<string, MessageSpec<{ type: string }, unknown>>;

export type MessageType = keyof typeof MESSAGES;
type Guarded<G> = G extends (value: unknown) => value is infer T ? T : never;
/** The message `type` as it travels (with its `type`). */
export type Request<T extends MessageType> = Guarded<(typeof MESSAGES)[T]['request']>;
/** The request's own fields, what `send` takes. */
export type RequestBody<T extends MessageType> = Omit<Request<T>, 'type'>;
export type Reply<T extends MessageType> = Guarded<(typeof MESSAGES)[T]['reply']>;

/** What the extension's own pages and id are, to tell senders apart. */
export interface ExtensionIdentity {
  id: string;
  /** The extension's root URL (`runtime.getURL('/')`). */
  root: string;
  /** The origin of the only site whose content scripts may send (`https://changelog.com`). */
  site: string;
}

/** Whether `sender` is of `kind`: the one sender check every message goes through. */
export function isSenderOf(kind: SenderKind, sender: MessageSender, self: ExtensionIdentity): boolean {
  if (sender.id !== self.id) return false;
  const url = sender.url ?? '';
  switch (kind) {
    case 'site-content-script':
      return sender.tab !== undefined && url.startsWith(`${self.site}/`);
    case 'extension-page':
      return url.startsWith(self.root);
    case 'background':
      return sender.tab === undefined && (sender.url === undefined || url.startsWith(self.root));
  }
}

/** Whether `value` is a message of `type` as its entry defines it (for tests and `on`). */
export function isRequest<T extends MessageType>(type: T, value: unknown): value is Request<T> {
  return isRecord(value) && value.type === type && MESSAGES[type].request(value);
}

/** Whether `value` is a well-formed reply to `type`. */
export function isReply<T extends MessageType>(type: T, value: unknown): value is Reply<T> {
  return (MESSAGES[type].reply as (value: unknown) => boolean)(value);
}

type MaybePromise<T> = T | Promise<T>;
/** An answer to a message; `undefined` leaves it to another listener (or none). */
export type Handler<T extends MessageType> = (request: Request<T>, sender: MessageSender) => MaybePromise<Reply<T>> | undefined;
export type Handlers = { [T in MessageType]?: Handler<T> };

type Listener = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;

/** The extension APIs messages go through: `browser` fits it (lib/ itself touches no extension API). */
export interface MessagingApi {
  runtime: {
    id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
  };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
}

/** The reply was not what the message's entry says, or none came in time. */
export class MessageError extends Error {
  override name = 'MessageError';
}

export interface SendOptions {
  /** To that tab's content script (`tabs.sendMessage`); without it, to the extension (`runtime.sendMessage`). */
  tab?: number | undefined;
  /** Give up after this long. */
  timeoutMs?: number | undefined;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number | undefined, what: string): Promise<T> {
  if (timeoutMs === undefined) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MessageError(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `send` and `on` over the browser's messaging (`messenger(browser)`). */
export function messenger(api: MessagingApi) {
  const self = (): ExtensionIdentity => ({ id: api.runtime.id, root: api.runtime.getURL('/'), site: SITE_ORIGIN });

  /** Sends `type` and resolves with its checked reply; rejects when there is no listener, no reply in time or a malformed one. */
  async function send<T extends MessageType>(type: T, body: RequestBody<T>, options: SendOptions = {}): Promise<Reply<T>> {
    const message = { ...body, type };
    const sending = options.tab === undefined ? api.runtime.sendMessage(message) : api.tabs.sendMessage(options.tab, message);
    const reply = await withTimeout(sending, options.timeoutMs, type);
    if (!isReply(type, reply)) throw new MessageError(`${type}: the reply is not what it should be`);
    return reply;
  }

  /**
   * Answers the messages `handlers` names, from the senders their entries allow, once their
   * request checks out; every other message is left alone. Returns the function that stops.
   */
  function on(handlers: Handlers): () => void {
    const listener: Listener = (message, sender) => {
      if (!isRecord(message) || typeof message.type !== 'string' || !Object.hasOwn(MESSAGES, message.type)) return undefined;
      const type = message.type as MessageType;
      const handler = Object.hasOwn(handlers, type) ? (handlers[type] as Handler<MessageType> | undefined) : undefined;
      if (!handler || !isSenderOf(MESSAGES[type].from, sender, self()) || !isRequest(type, message)) return undefined;
      const reply = handler(message as Request<MessageType>, sender);
      return reply === undefined ? undefined : Promise.resolve(reply);
    };
    api.runtime.onMessage.addListener(listener);
    return () => {
      try {
        api.runtime.onMessage.removeListener(listener);
      } catch {
        // "Extension context invalidated": the listener left with the old extension.
      }
    };
  }

  return { send, on };
}
