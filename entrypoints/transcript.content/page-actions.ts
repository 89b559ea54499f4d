/**
 * What the panel does to the page around it: scroll the site's own transcript to an item and
 * flash it, and copy text to the clipboard from a click.
 */
import { itemAnchorId } from '@/lib/site/selectors';

/** Scrolls the page to `#transcript-N` and flashes the item (a color fade, no motion). */
export function showOnPage(index: number, reducedMotion: boolean): void {
  const anchor = document.getElementById(itemAnchorId(index));
  const item = anchor?.nextElementSibling instanceof HTMLElement ? anchor.nextElementSibling : anchor;
  if (!item) return;
  item.scrollIntoView({ block: 'center', behavior: reducedMotion ? 'auto' : 'smooth' });
  item.animate?.([{ backgroundColor: 'rgba(255, 214, 10, 0.55)' }, { backgroundColor: 'rgba(255, 214, 10, 0)' }], {
    duration: 1600,
    easing: 'ease-out',
  });
}

/**
 * Writes to the clipboard. The async Clipboard API works from a click in both browsers; the
 * copy command on a hidden textarea is the fallback where a page's policy blocks it.
 */
export async function copyText(text: string, fallbackRoot: ShadowRoot | Document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    const parent = fallbackRoot instanceof Document ? fallbackRoot.body : fallbackRoot;
    parent.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
