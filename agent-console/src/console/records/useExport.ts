import { useCallback, useRef, useState } from 'react';
import { ApiRequestError } from '../../shared/api.ts';
import { recordsPath } from './records-query.ts';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportState =
  | { state: 'idle' }
  | { state: 'running'; format: ExportFormat; bytes: number; rows: number | null; total: number | null }
  | { state: 'done'; format: ExportFormat; total: number | null }
  | { state: 'failed'; error: unknown };

const NEWLINE = 10;

function fileNameOf(response: Response, format: ExportFormat): string {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `records.${format}`;
}

function saveFile(parts: BlobPart[], type: string, fileName: string) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads the search as a file while showing how far it got — rows for CSV (one per line),
 * bytes for Excel — and lets the user stop it: cancelling aborts the request, and the server
 * stops reading pages.
 */
export function useRecordExport() {
  const [progress, setProgress] = useState<ExportState>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(async (format: ExportFormat, query: string) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    try {
      const response = await fetch(recordsPath(query, null, `.${format}`), { credentials: 'same-origin', signal: controller.signal });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
        throw new ApiRequestError(response.status, body?.error?.code ?? `http_${response.status}`, body?.error?.message ?? response.statusText);
      }
      const total = Number(response.headers.get('x-record-count') ?? NaN);
      const known = Number.isFinite(total) ? total : null;
      const parts: BlobPart[] = [];
      let bytes = 0;
      let lines = 0;
      const reader = response.body.getReader();
      setProgress({ state: 'running', format, bytes, rows: format === 'csv' ? 0 : null, total: known });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.length;
        if (format === 'csv') for (const byte of value) if (byte === NEWLINE) lines++;
        // The header line is not a row.
        setProgress({ state: 'running', format, bytes, rows: format === 'csv' ? Math.max(0, lines - 1) : null, total: known });
      }
      saveFile(parts, response.headers.get('content-type') ?? '', fileNameOf(response, format));
      setProgress({ state: 'done', format, total: known });
    } catch (error) {
      setProgress(controller.signal.aborted ? { state: 'idle' } : { state: 'failed', error });
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { progress, start, cancel };
}
