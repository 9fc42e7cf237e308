import { HttpErrorResponse } from '@angular/common/http';

/** The file name in a `Content-Disposition` header (`attachment; filename="x.csv"`), else `fallback`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  if (!match) return fallback;
  try {
    // Only the base name: a header is not allowed to choose a folder.
    return decodeURIComponent(match[1]).split(/[\\/]/).pop() || fallback;
  } catch {
    return fallback;
  }
}

/** Hands a fetched file to the browser as a download. */
export function saveFile(document: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url));
}

/** The problem code of a failed file request, whose error body arrives as a Blob of JSON. */
export async function blobProblemCode(error: unknown): Promise<string | undefined> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return undefined;
  try {
    const body = JSON.parse(await textOf(error.error)) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}

function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
