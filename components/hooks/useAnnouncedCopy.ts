/** Copies from the panel, and says what happened to screen readers (a live region reads it). */
import { useState } from 'preact/hooks';

export function useAnnouncedCopy(copyText: (text: string) => Promise<boolean>) {
  const [announcement, setAnnouncement] = useState('');
  return {
    announcement,
    async copy(text: string, what: string) {
      const ok = await copyText(text);
      setAnnouncement(ok ? `${what} copied` : `Could not copy the ${what.toLowerCase()}`);
    },
  };
}
