/**
 * A link out of the extension, checked where it is drawn: an http(s) URL becomes an `<a>` that
 * opens in a new tab without an opener or referrer; anything else stays text, whatever the
 * parsers and message checks before it let through.
 */
import type { ComponentChildren, JSX } from 'preact';
import { isHttpUrl } from '@/lib/model/links';

export type ExternalLinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href' | 'target' | 'rel'> & {
  url: string | undefined;
  children: ComponentChildren;
  /** Marks a paid link (`rel=sponsored`). */
  sponsored?: boolean;
};

export function ExternalLink({ url, children, sponsored, ...props }: ExternalLinkProps) {
  if (!url || !isHttpUrl(url)) return <span class={props.class as string | undefined}>{children}</span>;
  return (
    <a {...props} href={url} target="_blank" rel={sponsored ? 'noopener noreferrer sponsored' : 'noopener noreferrer'}>
      {children}
    </a>
  );
}
