// The nearest known name to a misspelling, for "did you mean" hints (incident fields, scenarios, data kinds).

const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');

/** The known name closest to a misspelling: same letters ignoring case and - _, else at most two edits away. */
export function nearest(key: string, known: readonly string[]): string | undefined {
  const k = norm(key);
  const same = known.find((c) => norm(c) === k);
  if (same !== undefined) return same;
  if (k.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of known) {
    const d = editDistance(k, norm(c));
    const limit = Math.min(2, Math.max(1, Math.floor(norm(c).length / 3)));
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
