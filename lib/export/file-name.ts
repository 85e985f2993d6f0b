/** `nianbao-lens-YYYYMMDD-HHmm.<ext>` (local time), with an optional suffix before the extension. */
export function exportFileName(ext: string, now = new Date(), suffix = ''): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
  return `nianbao-lens-${stamp}${suffix}.${ext}`;
}
