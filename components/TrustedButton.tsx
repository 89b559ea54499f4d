/**
 * A button that acts only on the listener's own input. The panel's shadow root is open (the
 * automation contract), so a page's scripts can reach its buttons and call `click()`; such events
 * are not trusted, and buttons that open tabs, write the clipboard or change stored settings
 * ignore them. Keyboard activation (Enter, Space) is trusted input too.
 */
import { createContext, type JSX } from 'preact';
import { useContext } from 'preact/hooks';

/** Whether an event is the listener's own: the browser's `isTrusted`; component tests, which synthesize events, provide their own. */
export const InputTrust = createContext<(event: Event) => boolean>((event) => event.isTrusted);

export type TrustedButtonProps = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'type'> & { onClick: () => void };

export function TrustedButton({ onClick, ...props }: TrustedButtonProps) {
  const trusted = useContext(InputTrust);
  return (
    <button
      type="button"
      {...props}
      onClick={(event) => {
        if (trusted(event)) onClick();
      }}
    />
  );
}
