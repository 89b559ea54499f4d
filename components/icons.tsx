/**
 * The few icons the views use, as inline SVG (emoji fonts are missing on many Linux machines).
 * Decorative: the buttons holding them carry the accessible names.
 */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 1.6,
  'aria-hidden': true,
} as const;

export function LinkIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1" stroke-linecap="round" />
    </svg>
  );
}

export function QuoteIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M3 9.5c0-2.5 1-4 3-5M3 9.5h3v3H3zM9 9.5c0-2.5 1-4 3-5M9 9.5h3v3H9z" stroke-linejoin="round" />
    </svg>
  );
}

export function PageIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M8 2.5v8M4.5 7.5L8 11l3.5-3.5M3 13.5h10" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

export function CopyIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5A1.5 1.5 0 009 1.5H4A1.5 1.5 0 002.5 3v5A1.5 1.5 0 004 9.5h.5" />
    </svg>
  );
}

export function PlayIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M5 3.5l7 4.5-7 4.5z" fill="currentColor" stroke-linejoin="round" />
    </svg>
  );
}
