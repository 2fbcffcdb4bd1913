/** Download a data URL as a file (the graph's PNG export). */
export function exportPng(dataUrl: string, filename: string): void {
  if (!dataUrl) return;
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
