/**
 * The panel's Download menu: the transcript as shown (or all of it) in each format. A disclosure
 * (`<details>`): opening it does nothing outside the panel; each format's button saves a file and so
 * acts on the listener's own input only (TrustedButton).
 */
import { useRef } from 'preact/hooks';
import { TRANSCRIPT_FORMATS } from '@/lib/model/transcript-formats/index';
import type { useTranscriptDownload } from './hooks/useTranscriptDownload';
import { TrustedButton } from './TrustedButton';

export interface DownloadMenuProps {
  download: ReturnType<typeof useTranscriptDownload>;
}

export function DownloadMenu({ download }: DownloadMenuProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const close = () => {
    if (!details.current) return;
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };
  const { filtered, scope, count, shown, total } = download;
  return (
    <details
      class="download"
      ref={details}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && details.current?.open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <summary class="chip" data-testid="download-menu" title="Save the transcript as a file">
        Download
      </summary>
      <div class="download-menu">
        {filtered ? (
          <fieldset class="download-scope">
            <legend>Which items</legend>
            <label>
              <input type="radio" name="download-scope" checked={scope === 'shown'} onChange={() => download.setScope('shown')} /> The{' '}
              {shown} shown
            </label>
            <label>
              <input type="radio" name="download-scope" checked={scope === 'all'} onChange={() => download.setScope('all')} /> All {total}
            </label>
          </fieldset>
        ) : (
          <p class="download-note">All {total} items</p>
        )}
        <ul aria-label="Formats">
          {TRANSCRIPT_FORMATS.map((format) => (
            <li key={format.id}>
              <TrustedButton
                class="download-format"
                data-testid="download"
                data-format={format.id}
                disabled={count === 0}
                onClick={() => {
                  download.download(format);
                  close();
                }}
              >
                <span class="download-label">{format.label}</span>{' '}
                <span class="download-hint">
                  .{format.id} · {format.hint}
                </span>
              </TrustedButton>
            </li>
          ))}
        </ul>
        <p class="download-note">Times marked ~ are estimates.</p>
      </div>
      <span class="visually-hidden" aria-live="polite">
        {download.announcement}
      </span>
    </details>
  );
}
