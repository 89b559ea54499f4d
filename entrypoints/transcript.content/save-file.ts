/**
 * Saves a file from the content script, with no `downloads` permission: the text as a Blob, an
 * object URL, and a click on an `<a download>` that is never put in the page (so no page listener
 * sees the click or can cancel it), the URL revoked once the browser has started the download.
 */
import type { TranscriptFile } from '@/lib/model/transcript-formats/index';

/** How long the object URL lives: the browser reads it when the download starts, well within this. */
export const REVOKE_AFTER_MS = 30_000;

export function saveFile(file: TranscriptFile): boolean {
  let url: string | undefined;
  try {
    url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.rel = 'noopener';
    link.click();
    const made = url;
    setTimeout(() => URL.revokeObjectURL(made), REVOKE_AFTER_MS);
    return true;
  } catch {
    if (url) URL.revokeObjectURL(url);
    return false;
  }
}
