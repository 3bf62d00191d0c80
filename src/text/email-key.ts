/** The grouping key of an email cell: the bare address, lower-cased. */
export function emailKey(cell: string): string {
  const v = cell.trim();
  const lt = v.lastIndexOf('<');
  const gt = v.lastIndexOf('>');
  return (lt >= 0 && gt > lt ? v.slice(lt + 1, gt) : v).trim().toLowerCase();
}
