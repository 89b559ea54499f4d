/**
 * The message table (lib/app/messages.ts) and its one `send` and one `on`: each message is
 * answered only from the sender its entry names and only when its request checks out; a reply
 * that is not what the entry says is refused; the archive search page takes a query only from the
 * background, never from a tab.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ExtensionIdentity,
  isReply,
  isRequest,
  isSenderOf,
  MAX_QUERY_LENGTH,
  MESSAGES,
  type MessageSender,
  type MessageType,
  type MessagingApi,
  messenger,
  type SenderKind,
} from '@/lib/app/messages';
import { fuzzParams } from '../support/fuzz';

const ID = 'our-extension';
const ROOT = 'chrome-extension://our-extension/';
const SELF: ExtensionIdentity = { id: ID, root: ROOT, site: 'https://changelog.com' };

/** Every sender the browser could report, by what it is. */
const SENDERS: Record<string, MessageSender> = {
  contentScript: { id: ID, url: 'https://changelog.com/shipit/26', tab: { id: 4 } },
  contentScriptElsewhere: { id: ID, url: 'https://changelog.com.evil.example/shipit/26', tab: { id: 4 } },
  popup: { id: ID, url: `${ROOT}popup.html` },
  popupInTab: { id: ID, url: `${ROOT}popup.html?from=panel`, tab: { id: 7 } },
  serviceWorker: { id: ID, url: `${ROOT}background.js` },
  firefoxBackground: { id: ID, url: 'moz-extension://uuid/_generated_background_page.html' },
  noUrl: { id: ID },
  otherExtension: { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' },
  otherExtensionInTab: { id: 'someone-else', url: 'https://changelog.com/shipit/26', tab: { id: 4 } },
};

const ALLOWED: Record<SenderKind, string[]> = {
  'site-content-script': ['contentScript'],
  'extension-page': ['popup', 'popupInTab', 'serviceWorker'],
  background: ['popup', 'serviceWorker', 'noUrl'],
};

describe('the sender check', () => {
  for (const [kind, allowed] of Object.entries(ALLOWED) as [SenderKind, string[]][]) {
    it(`lets only ${allowed.join(', ')} send as ${kind}`, () => {
      const passing = Object.entries(SENDERS)
        .filter(([, sender]) => isSenderOf(kind, sender, SELF))
        .map(([name]) => name);
      expect(passing).toEqual(allowed);
    });
  }

  it('never lets a tab pass for the background (the archive search page takes queries from it only)', () => {
    expect(MESSAGES['background:show-archive-search'].from).toBe('background');
    for (const sender of Object.values(SENDERS).filter((s) => s.tab !== undefined))
      expect(isSenderOf('background', sender, SELF)).toBe(false);
  });
});

/** A fake browser: one onMessage bus, and what each send returns. */
function fakeApi(answer: (message: unknown) => unknown = () => undefined) {
  const listeners = new Set<(message: unknown, sender: MessageSender) => Promise<unknown> | undefined>();
  const sent: { message: unknown; tab?: number }[] = [];
  const api: MessagingApi = {
    runtime: {
      id: ID,
      getURL: (path) => `${ROOT}${path.replace(/^\//, '')}`,
      sendMessage: async (message) => {
        sent.push({ message });
        return answer(message);
      },
      onMessage: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
    },
    tabs: {
      sendMessage: async (tab, message) => {
        sent.push({ message, tab });
        return answer(message);
      },
    },
  };
  /** Delivers `message` as from `sender` to every listener, as the browser does: the first answer wins. */
  const deliver = (message: unknown, sender: MessageSender) => {
    for (const listener of listeners) {
      const reply = listener(message, sender);
      if (reply !== undefined) return reply;
    }
    return undefined;
  };
  return { api, sent, deliver, listeners };
}

describe('send', () => {
  it('sends the type with the body, to a tab or the extension, and resolves with the checked reply', async () => {
    const { api, sent } = fakeApi((message) => ((message as { type: string }).type === 'popup:seek' ? { ok: true } : { query: 'ebpf' }));
    const { send } = messenger(api);
    expect(await send('popup:seek', { seconds: 12 }, { tab: 3 })).toEqual({ ok: true });
    expect(await send('popup:take-archive-query', {})).toEqual({ query: 'ebpf' });
    expect(sent).toEqual([{ message: { seconds: 12, type: 'popup:seek' }, tab: 3 }, { message: { type: 'popup:take-archive-query' } }]);
  });

  it('refuses a reply that is not what the entry says, and one that comes too late', async () => {
    const { send } = messenger(fakeApi(() => ({ ok: 'yes' })).api);
    await expect(send('popup:seek', { seconds: 1 }, { tab: 1 })).rejects.toThrow(/not what it should be/);
    const { send: sendLong } = messenger(fakeApi(() => ({ query: 'x'.repeat(MAX_QUERY_LENGTH + 1) })).api);
    await expect(sendLong('popup:take-archive-query', {})).rejects.toThrow(/not what it should be/);
    const slow = fakeApi();
    slow.api.tabs.sendMessage = () => new Promise(() => {});
    await expect(messenger(slow.api).send('popup:seek', { seconds: 1 }, { tab: 1, timeoutMs: 20 })).rejects.toThrow(/no answer/);
  });
});

describe('on', () => {
  it('answers a well-formed request from the sender its entry names, and nothing else', async () => {
    const { api, deliver } = fakeApi();
    const seen: number[] = [];
    messenger(api).on({
      'popup:seek': ({ seconds }) => {
        seen.push(seconds);
        return { ok: true };
      },
    });
    expect(await deliver({ type: 'popup:seek', seconds: 5 }, SENDERS.popup as MessageSender)).toEqual({ ok: true });
    // The wrong sender, a malformed request, a type it does not answer, a type nobody declared.
    expect(deliver({ type: 'popup:seek', seconds: 5 }, SENDERS.contentScript as MessageSender)).toBeUndefined();
    expect(deliver({ type: 'popup:seek', seconds: 5 }, SENDERS.otherExtension as MessageSender)).toBeUndefined();
    expect(deliver({ type: 'popup:seek', seconds: -1 }, SENDERS.popup as MessageSender)).toBeUndefined();
    expect(deliver({ type: 'popup:get-episode' }, SENDERS.popup as MessageSender)).toBeUndefined();
    expect(deliver({ type: 'toString' }, SENDERS.popup as MessageSender)).toBeUndefined();
    expect(deliver({ type: '__proto__' }, SENDERS.popup as MessageSender)).toBeUndefined();
    expect(seen).toEqual([5]);
  });

  it("takes the archive page's query only from the background, never from a content script in a tab", async () => {
    const { api, deliver } = fakeApi();
    const shown: string[] = [];
    messenger(api).on({
      'background:show-archive-search': ({ query }) => {
        shown.push(query);
        return { shown: true };
      },
    });
    const message = { type: 'background:show-archive-search', query: 'ebpf' };
    expect(deliver(message, SENDERS.contentScript as MessageSender)).toBeUndefined();
    expect(deliver(message, SENDERS.popupInTab as MessageSender)).toBeUndefined();
    expect(await deliver(message, SENDERS.serviceWorker as MessageSender)).toEqual({ shown: true });
    expect(shown).toEqual(['ebpf']);
  });

  it('stops answering once stopped', () => {
    const { api, listeners } = fakeApi();
    const stop = messenger(api).on({ 'popup:seek': () => ({ ok: true }) });
    expect(listeners.size).toBe(1);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('leaves whatever arrives to others without throwing', () => {
    const { api, deliver } = fakeApi();
    const handlers = Object.fromEntries(Object.keys(MESSAGES).map((type) => [type, () => undefined]));
    messenger(api).on(handlers);
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom(...Object.values(SENDERS)), (value, sender) => {
        expect(deliver(value, sender)).toBeUndefined();
      }),
      fuzzParams,
    );
  });
});

describe('the table', () => {
  it('checks every request and reply without throwing, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom(...(Object.keys(MESSAGES) as MessageType[])), (value, type) => {
        expect(typeof isRequest(type, value)).toBe('boolean');
        expect(typeof isReply(type, value)).toBe('boolean');
        expect(isRequest(type, { ...(value as object), type: `${type}-not` })).toBe(false);
      }),
      fuzzParams,
    );
  });

  it('bounds every query at its length limit (long strings: fast-check draws short ones unless asked)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: MAX_QUERY_LENGTH - 5, maxLength: MAX_QUERY_LENGTH + 50 }), (query) => {
        const fits = query.length <= MAX_QUERY_LENGTH;
        expect(isRequest('content:open-archive-search', { type: 'content:open-archive-search', query })).toBe(fits && query.trim() !== '');
        expect(isRequest('background:show-archive-search', { type: 'background:show-archive-search', query })).toBe(fits);
        expect(isReply('popup:take-archive-query', { query })).toBe(fits);
      }),
      fuzzParams,
    );
    const longest = 'a'.repeat(MAX_QUERY_LENGTH);
    expect(isRequest('content:open-archive-search', { type: 'content:open-archive-search', query: longest })).toBe(true);
    expect(isRequest('content:open-archive-search', { type: 'content:open-archive-search', query: `${longest}a` })).toBe(false);
    expect(isRequest('content:open-archive-search', { type: 'content:open-archive-search', query: '   ' })).toBe(false);
  });
});
