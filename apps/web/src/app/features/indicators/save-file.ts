import type { DownloadedFile } from './indicators-api.service';

/** How long the browser gets to start saving before the file's temporary address is released. */
const RELEASE_AFTER_MS = 10_000;

/** Hands a fetched file to the browser's download, under its name. */
export function saveFile(document: Document, file: DownloadedFile): void {
  const view = document.defaultView;
  if (!view) return;
  const url = view.URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), RELEASE_AFTER_MS);
}
