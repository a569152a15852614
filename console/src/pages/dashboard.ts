/**
 * Health, counts, cache hit rate and workers at a glance; refreshes itself every
 * few seconds while shown (entity counts, which page through every key, less often).
 */

import type { StatsResponse, WorkerList } from "../../../clients/typescript/src/index.js";
import { h, replace, formatTime } from "../dom.js";
import type { Page } from "../page.js";
import { can, client, lacking } from "../session.js";
import { showError } from "../ui.js";

const REFRESH_MS = 5000;
const COUNT_EVERY = 6; // refreshes between entity counts (30 s)
const COUNT_PAGE = 1000;
const COUNT_MAX_PAGES = 10; // per database: beyond 10 000 keys the tile says "10000+"

interface Tile {
  element: HTMLElement;
  value: HTMLElement;
  detail: HTMLElement;
}

function tile(label: string, testId: string): Tile {
  const value = h("p", { class: "tile-value", attrs: { "data-testid": testId } }, "…");
  const detail = h("p", { class: "tile-detail" });
  return { element: h("section", { class: "tile", attrs: { "aria-label": label } }, h("h2", {}, label), value, detail), value, detail };
}

function set(t: Tile, value: string, detail = "", tone = ""): void {
  t.value.textContent = value;
  t.value.className = `tile-value ${tone}`;
  t.detail.textContent = detail;
}

export const dashboardPage: Page = {
  route: "dashboard",
  title: "Dashboard",
  summary: "Health, data, cache and workers of this server; refreshes every 5 seconds.",
  render({ root }) {
    const health = tile("Health", "health");
    const databases = tile("Databases", "database-count");
    const entities = tile("Entities", "entity-count");
    const cache = tile("Cache hit rate", "hit-rate");
    const workers = tile("Workers", "workers");
    const server = tile("Server", "server");
    const errors = h("div", { attrs: { "aria-live": "polite" } });
    const updated = h("p", { class: "muted", attrs: { "data-testid": "updated" } });
    replace(root, errors, h("div", { class: "tiles" }, health.element, databases.element, entities.element, cache.element, workers.element, server.element), updated);

    let round = 0;
    let stopped = false;
    let names: string[] = [];

    async function refresh(): Promise<void> {
      const api = client();
      const problems: unknown[] = [];
      await Promise.all([
        api.getHealth().then(
          (answer) => set(health, answer.status === "ok" ? "Healthy" : answer.status, "GET /health", answer.status === "ok" ? "good" : "bad"),
          (error) => { set(health, "Unreachable", error instanceof Error ? error.message : "", "bad"); problems.push(error); },
        ),
        can("read")
          ? api.listDatabases().then((list) => { names = list; set(databases, String(list.length), list.slice(0, 4).join(", ") + (list.length > 4 ? ", …" : "")); }, (error) => problems.push(error))
          : Promise.resolve(set(databases, "—", lacking("read") ?? "")),
        can("admin")
          ? api.getStats().then((stats) => { showCache(stats); showServer(stats); }, (error) => problems.push(error))
          : Promise.resolve((set(cache, "—", lacking("admin") ?? ""), set(server, window.location.host, `Version and storage: ${lacking("admin") ?? ""}`, "small"))),
        can("admin") ? api.listWorkers().then((list) => showWorkers(list), (error) => problems.push(error)) : Promise.resolve(set(workers, "—", lacking("admin") ?? "")),
      ]);
      if (can("read") && round % COUNT_EVERY === 0) {
        await countEntities().catch((error) => problems.push(error));
      } else if (!can("read")) {
        set(entities, "—", lacking("read") ?? "");
      }
      round += 1;
      if (problems.length > 0) showError(errors, problems[0], "Refresh failed");
      else replace(errors);
      updated.textContent = `Updated ${formatTime(new Date().toISOString())}`;
    }

    function showCache(stats: StatsResponse): void {
      const c = stats.cache;
      const lookups = c.hits + c.misses;
      const rate = lookups === 0 ? "—" : `${((100 * c.hits) / lookups).toFixed(1)} %`;
      set(cache, rate, `${c.hits} hits, ${c.misses} misses; ${c.entries} entries, ${formatBytes(c.bytes)} held; ${c.evictions} evictions, ${c.expirations} expirations`);
    }

    function showServer(stats: StatsResponse): void {
      const about = stats.server;
      const storage = about.storage_backend === "s3" ? "S3 bucket" : "shared directory";
      set(server, `${about.role} ${about.version}`, `${window.location.host}; storage: ${storage} (${about.storage_backend}); serving since ${formatTime(about.started_at)}`, "small");
    }

    function showWorkers(list: WorkerList): void {
      const byStatus = new Map<string, number>();
      for (const worker of list) byStatus.set(worker.status, (byStatus.get(worker.status) ?? 0) + 1);
      const parts = [...byStatus.entries()].map(([status, count]) => `${count} ${status}`);
      const available = byStatus.get("Available") ?? 0;
      set(workers, `${available} / ${list.length}`, parts.length > 0 ? `available / registered: ${parts.join(", ")}` : "no worker registered", available > 0 ? "good" : "bad");
    }

    async function countEntities(): Promise<void> {
      const api = client();
      let total = 0;
      let capped = false;
      for (const name of names) {
        let after: string | undefined;
        for (let page = 0; page < COUNT_MAX_PAGES; page++) {
          const list = await api.listEntities(name, { limit: COUNT_PAGE, after });
          total += list.entities.length;
          after = list.next_cursor;
          if (after === undefined) break;
          if (page === COUNT_MAX_PAGES - 1) capped = true;
        }
        if (stopped) return;
      }
      set(entities, `${total}${capped ? "+" : ""}`, `in ${names.length} database${names.length === 1 ? "" : "s"}, counted from the key listings`);
    }

    let timer = 0;
    const loop = async (): Promise<void> => {
      await refresh();
      if (!stopped) timer = window.setTimeout(loop, REFRESH_MS);
    };
    void loop();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  },
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
