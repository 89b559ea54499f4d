/**
 * The background: opens the archive search in a tab when the panel asks (content scripts cannot
 * open extension pages themselves). It answers only this extension's content scripts on
 * changelog.com, and only the message shape in lib/app/messages.ts.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isContentToBackground } from '@/lib/app/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string; url?: string; tab?: { id?: number } }) => {
    const fromOurContentScript =
      sender.id === browser.runtime.id && sender.tab !== undefined && (sender.url ?? '').startsWith('https://changelog.com/');
    if (!fromOurContentScript || !isContentToBackground(message)) return undefined;
    const url = `${browser.runtime.getURL('/popup.html')}?q=${encodeURIComponent(message.query.trim())}`;
    return browser.tabs.create({ url }).then(() => ({ ok: true }));
  });
});
