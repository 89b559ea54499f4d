/** The speakers the listener picked: none means everyone. */
import { useState } from 'preact/hooks';

export function useSpeakerSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  return {
    selected,
    toggle(name: string) {
      const next = new Set(selected);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      setSelected(next);
    },
    clear() {
      setSelected(new Set());
    },
  };
}
