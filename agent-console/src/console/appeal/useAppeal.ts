import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppealSummary, CallView, MessageView } from '@hotline/backend/api-types';
import { isAbort } from '../../shared/api.ts';
import { mergeById } from '../../shared/merge.ts';
import { staffApi } from '../api.ts';
import type { ConsoleAppeal, NoteEvent, NoteView } from '../contract.ts';

/**
 * The open appeal with its conversation. Messages only ever grow, so a refetch is merged with
 * what arrived live instead of replacing it.
 */
export function useAppeal(appealId: string | null) {
  const [detail, setDetail] = useState<ConsoleAppeal | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const currentId = useRef(appealId);
  currentId.current = appealId;

  /** Resolves with the fresh appeal, or undefined if it failed or another appeal was opened meanwhile. */
  const refetch = useCallback(async (signal?: AbortSignal): Promise<ConsoleAppeal | undefined> => {
    const id = currentId.current;
    if (!id) return undefined;
    setLoading(true);
    try {
      const fresh = await staffApi.getAppeal(id, signal);
      if (currentId.current !== id) return;
      setDetail((current) =>
        current?.id === fresh.id
          ? { ...fresh, messages: mergeById(current.messages, fresh.messages), notes: fresh.notes && mergeById(current.notes ?? [], fresh.notes) }
          : fresh,
      );
      setError(null);
      return fresh;
    } catch (e) {
      if (!isAbort(e) && currentId.current === id) setError(e);
      return undefined;
    } finally {
      if (currentId.current === id) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setDetail(null);
    setError(null);
    if (!appealId) return;
    const abort = new AbortController();
    void refetch(abort.signal);
    return () => abort.abort();
  }, [appealId, refetch]);

  /**
   * A summary from a socket event or a decision; the detail keeps its full text, contact and thread.
   * It may also be one of the open appeal's suggested duplicates (merged elsewhere, say).
   */
  const applySummary = useCallback((appeal: AppealSummary) => {
    setDetail((current) => {
      if (!current) return current;
      if (current.id === appeal.id) return { ...current, ...appeal, summary: current.summary };
      if (!current.duplicates.some((d) => d.appeal.id === appeal.id)) return current;
      return { ...current, duplicates: current.duplicates.map((d) => (d.appeal.id === appeal.id ? { ...d, appeal } : d)) };
    });
  }, []);

  const applyMessage = useCallback((message: MessageView) => {
    setDetail((current) => (current && current.id === message.appealId ? { ...current, messages: mergeById(current.messages, [message]) } : current));
  }, []);

  /** A call's new state: a caller joining the queue, being answered, hanging up. */
  const applyCall = useCallback((call: CallView) => {
    setDetail((current) =>
      current && current.id === call.appealId
        ? { ...current, calls: [...current.calls.filter((c) => c.callSid !== call.callSid), call].sort((a, b) => a.startedAt.localeCompare(b.startedAt)) }
        : current,
    );
  }, []);

  /** A private note: from the agent's own POST or from note:new, whichever comes first. */
  const applyNote = useCallback((appealId: string, note: NoteView | NoteEvent) => {
    const { appealId: _ignored, ...view } = note as NoteEvent;
    setDetail((current) => (current && current.id === appealId ? { ...current, notes: mergeById(current.notes ?? [], [view]) } : current));
  }, []);

  return { detail, loading, error, refetch, applySummary, applyMessage, applyCall, applyNote };
}
