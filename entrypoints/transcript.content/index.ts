import { defineContentScript } from 'wxt/utils/define-content-script';
import { episodeRefFromUrl } from '@/lib/changelog/detect';

export default defineContentScript({
  matches: ['https://changelog.com/*'],
  main() {
    const ref = episodeRefFromUrl(location.href);
    if (!ref) return;
    document.documentElement.dataset.changelogTranscripts = 'episode';
  },
});
