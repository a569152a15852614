/**
 * The Processing Worker registry (GET /admin/workers), refreshed every 3 seconds
 * while shown. The all-in-one server lists its embedded worker.
 */

import type { WorkerInfo } from "../../../clients/typescript/src/index.js";
import { formatTime, h, relativeTime, replace } from "../dom.js";
import type { Page } from "../page.js";
import { client, lacking } from "../session.js";
import { notice, showError, table } from "../ui.js";

const REFRESH_MS = 3000;

export const workersPage: Page = {
  route: "workers",
  title: "Workers",
  summary: "Processing Workers registered with this server, their status and last heartbeat; updates every 3 seconds.",
  render({ root }) {
    const reason = lacking("admin");
    if (reason !== undefined) {
      replace(root, h("p", { class: "notice warning reason", attrs: { "data-testid": "permission-note" } }, `The worker registry is unavailable. ${reason}`));
      return;
    }
    const errors = h("div", { attrs: { "aria-live": "polite" } });
    const holder = h("div", { attrs: { "data-testid": "workers" } });
    const updated = h("p", { class: "muted" });
    replace(root, errors, h("section", { class: "card", attrs: { "aria-label": "Worker registry" } }, holder, updated));

    let stopped = false;
    let timer = 0;
    const refresh = async (): Promise<void> => {
      try {
        const workers = await client().listWorkers();
        if (stopped) return;
        replace(holder, workers.length === 0 ? notice("info", "No worker is registered.") : table("Workers", ["Worker", "Status", "Last seen", "Address", "Key id", "Active requests", "Tags"], workers.map(row), "data"));
        replace(errors);
        updated.textContent = `Updated ${formatTime(new Date().toISOString())}`;
      } catch (error) {
        showError(errors, error, "Could not list workers");
      }
      if (!stopped) timer = window.setTimeout(refresh, REFRESH_MS);
    };
    void refresh();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  },
};

function row(worker: WorkerInfo): (Node | string)[] {
  const tags = Object.entries(worker.tags).filter(([name]) => name !== "grpc_addr");
  return [
    h("span", { attrs: { "data-testid": "worker-id" } }, worker.worker_id),
    h("span", { class: `status ${worker.status.toLowerCase()}` }, worker.status),
    h("span", { attrs: { title: formatTime(worker.last_seen) } }, relativeTime(worker.last_seen)),
    worker.tags.grpc_addr ? h("code", {}, worker.tags.grpc_addr) : h("span", { class: "muted" }, "in process"),
    h("code", {}, worker.key_id),
    String(worker.active_requests ?? 0),
    tags.length === 0 ? "" : tags.map(([name, value]) => `${name}=${value}`).join(", "),
  ];
}
