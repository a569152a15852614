/** What main.ts hands each page, and what a page hands back. */

export interface PageContext {
  /** The page's container inside <main>; the page owns its children. */
  root: HTMLElement;
  /** The query of the hash route, e.g. `db=chatdb` in `#/entities?db=chatdb`. */
  params: URLSearchParams;
  /** Changes the route (and so the page) to `hash`, e.g. `#/entities?db=chatdb`. */
  navigate(hash: string): void;
  /** Replaces the route's query without re-rendering (keeps the address bar in step). */
  setParams(params: Record<string, string | undefined>): void;
}

/** A page's clean-up (timers, listeners), run when the user leaves it. */
export type Dispose = () => void;

export interface Page {
  /** The route, e.g. `entities` for `#/entities`. */
  route: string;
  /** Its name in the navigation and the <h1>. */
  title: string;
  /** A one-line description under the heading. */
  summary: string;
  render(context: PageContext): Dispose | void;
}
