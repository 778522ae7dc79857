import { api, type ApiSchema } from './api.js';
import { readEvents } from './sse.js';

export type LiveEvent = ApiSchema<'LiveEvent'>;
type Handler = (event: LiveEvent) => void;

const handlers = new Set<Handler>();
let state: 'connecting' | 'live' | 'retrying' | 'stopped' = 'stopped';
let abort: AbortController | null = null;

/** Follows live events until the returned function is called (pages subscribe while shown). */
export function onLive(handler: Handler): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

function show(next: typeof state): void {
  state = next;
  const el = document.getElementById('live-status');
  if (!el) return;
  el.dataset.state = next;
  // words, not only a coloured dot
  el.textContent = {
    connecting: '◌ Connecting…',
    live: '● Live',
    retrying: '○ Reconnecting…',
    stopped: '○ Not live',
  }[next];
}

/**
 * Reads the server-sent events of /api/v1/live through the typed client's fetch, so
 * the API key goes in a header (EventSource cannot send one, and a key in the URL
 * would land in logs). Reconnects with backoff; each page reloads what it shows when
 * the stream comes back, since events missed meanwhile are not replayed.
 */
export function startLive(): void {
  if (abort) return;
  abort = new AbortController();
  const signal = abort.signal;
  void (async () => {
    let delay = 1000;
    while (!signal.aborted) {
      show('connecting');
      try {
        const { response } = await api.GET('/api/v1/live', { parseAs: 'stream', signal });
        if (!response.ok || !response.body) throw new Error(`live stream answered ${response.status}`);
        show('live');
        delay = 1000;
        dispatch({ kind: 'heartbeat', at: Date.now(), data: { reconnected: true } });
        await readEvents(response.body, dispatch);
      } catch {
        if (signal.aborted) break;
      }
      show('retrying');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 30_000);
    }
    show('stopped');
  })();
}

export function stopLive(): void {
  abort?.abort();
  abort = null;
}

export function liveState(): typeof state {
  return state;
}

function dispatch(event: LiveEvent): void {
  for (const h of handlers) h(event);
}
