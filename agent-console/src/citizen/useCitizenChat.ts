import { useCallback, useEffect, useState } from 'react';
import type { ChatLine } from '@hotline/backend/api-types';
import { mergeById } from '../shared/merge.ts';
import { createSocket, isUnauthenticated } from '../shared/socket.ts';
import { citizenApi } from './api.ts';

export type ChatConnection = 'idle' | 'connecting' | 'connected' | 'offline';

/**
 * The visitor's own chat: history over HTTP, replies pushed over socket.io. The socket is only
 * opened once the visitor has a session cookie (after a submission or a first message, or when
 * there is history), because the server refuses anonymous sockets.
 *
 * `sessionStarts` changes whenever the page itself created or used the session (a submission).
 */
export function useCitizenChat(sessionStarts: number) {
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [hasSession, setHasSession] = useState(false);
  const [connection, setConnection] = useState<ChatConnection>('idle');
  const [loadError, setLoadError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      const history = await citizenApi.chat();
      setLines((current) => mergeById(current, history.lines));
      if (history.lines.length > 0) setHasSession(true);
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    }
  }, []);

  useEffect(() => {
    void refresh();
    if (sessionStarts > 0) setHasSession(true);
  }, [sessionStarts, refresh]);

  useEffect(() => {
    if (!hasSession) return;
    const socket = createSocket();
    setConnection('connecting');
    // Every (re)connect refetches, so a reply pushed while the socket was down is not lost.
    socket.on('connect', () => {
      setConnection('connected');
      void refresh();
    });
    socket.on('disconnect', () => setConnection('offline'));
    socket.on('connect_error', (error) => setConnection(isUnauthenticated(error) ? 'idle' : 'offline'));
    socket.on('chat:message', (line) => setLines((current) => mergeById(current, [line])));
    socket.connect();
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [hasSession, refresh]);

  /** Resolves when the server has the line; `clientMessageId` makes a retry of the same line safe. */
  const send = useCallback(async (text: string, clientMessageId: string) => {
    const { line } = await citizenApi.sendChat(text, clientMessageId);
    setLines((current) => mergeById(current, [line]));
    setHasSession(true);
  }, []);

  return { lines, connection, loadError, send, refresh };
}
