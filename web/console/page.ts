/** What a page gets: its element, route parameters and query; it returns how to leave. */
export interface PageContext {
  main: HTMLElement;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Registers what to undo when the page is left (live subscriptions, charts). */
  onLeave(cleanup: () => void): void;
}

export type Page = (ctx: PageContext) => Promise<void>;

/** Calls `fn` at most once per `ms` (live updates in bursts reload a page once). */
export function debounce(fn: () => void, ms: number): { (): void; cancel(this: void): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const call = (): void => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return call;
}
