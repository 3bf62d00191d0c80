/** Shows a value with control characters escaped, for error messages. */
export function printable(value: string, max = 80): string {
  const shown = JSON.stringify(value).slice(1, -1);
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}
