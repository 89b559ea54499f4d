/**
 * A benchmark row: one measured figure beside the peer it is judged against, both taken in the
 * same run on the same machine, so the ratio means something even on a busy shared machine.
 */
export interface BenchRow {
  /** What was measured, e.g. "parse the whole archive (Markdown → items)". */
  subject: string;
  value: number;
  unit: string;
  /** The peer measured in the same run, e.g. "regex split of the same files". */
  peer: string;
  peerValue: number;
  /** The target, as text, e.g. "≤ 60 s". */
  target?: string;
  /** Whether the target is met, when there is one. */
  meets?: boolean;
  /** How to read the ratio: value / peerValue. */
  note?: string;
}

export interface BenchGroup {
  title: string;
  /** One paragraph on how the figures were taken. */
  method: string;
  rows: BenchRow[];
}

function format(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

export function renderMarkdown(groups: BenchGroup[], header: string): string {
  const lines = [header, ''];
  for (const group of groups) {
    lines.push(`## ${group.title}`, '', group.method, '');
    lines.push('| measured | value | peer (same run) | peer value | ratio | target | met |');
    lines.push('| --- | ---: | --- | ---: | ---: | --- | :---: |');
    for (const row of group.rows) {
      const ratio = row.peerValue === 0 ? '–' : `${(row.value / row.peerValue).toFixed(2)}×`;
      const met = row.meets === undefined ? '' : row.meets ? '✅' : '❌';
      lines.push(
        `| ${row.subject} | ${format(row.value, row.unit)} | ${row.peer} | ${format(row.peerValue, row.unit)} | ${ratio} | ${row.target ?? ''} | ${met} |`,
      );
    }
    const notes = group.rows.filter((row) => row.note).map((row) => `- ${row.subject}: ${row.note}`);
    if (notes.length > 0) lines.push('', ...notes);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
