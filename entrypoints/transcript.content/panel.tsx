import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { EpisodeRef } from '@/lib/changelog/urls';

export async function mountPanel(ctx: ContentScriptContext, ref: EpisodeRef) {
  const transcript = document.querySelector('.transcript');
  if (!transcript) return;
  const ui = await createShadowRootUi(ctx, {
    name: 'changelog-transcript',
    position: 'inline',
    anchor: transcript,
    append: 'before',
    isolateEvents: true,
    onMount(container) {
      render(
        <p data-testid="hello">
          Hello {ref.podcast}/{ref.slug}
        </p>,
        container,
      );
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
}
