/**
 * Every database with the schema its writes are validated against; bind a
 * schema or remove the binding (admin). Databases come from the server 50 at a
 * time (GET /api/databases with limit and after), filtered by name prefix there.
 */

import type { DatabaseInfo } from "../../../clients/typescript/src/index.js";
import { field, h, replace, uid } from "../dom.js";
import type { Page } from "../page.js";
import { client } from "../session.js";
import { busy, guard, notice, permissionNote, section, showError } from "../ui.js";

const PAGE_SIZE = 50;

export const databasesPage: Page = {
  route: "databases",
  title: "Databases",
  summary: "Databases that hold at least one entity, and the schema each one's writes are validated against.",
  render({ root, navigate }) {
    const errors = h("div", { attrs: { "aria-live": "polite" } });
    const filter = h("input", { attrs: { type: "search", placeholder: "e.g. chat", spellcheck: "false" } });
    const body = h("tbody", {});
    const summary = h("p", { class: "muted", attrs: { "aria-live": "polite", "data-testid": "database-summary" } });
    const more = h("button", { attrs: { type: "button" } }, "Show more");
    more.hidden = true;
    const status = h("div", { attrs: { "aria-live": "polite" } });
    const reasonId = uid("reason");
    replace(
      root,
      permissionNote("admin", reasonId, "Binding and unbinding"),
      errors,
      status,
      section(
        "All databases",
        h("div", { class: "toolbar" }, field("Filter by name prefix", filter)),
        h(
          "table",
          { class: "data", attrs: { "data-testid": "databases" } },
          h("caption", { class: "visually-hidden" }, "Databases"),
          h("thead", {}, h("tr", {}, ...["Database", "Schema", "Bind a schema", "Entities"].map((text) => h("th", { attrs: { scope: "col" } }, text)))),
          body,
        ),
        summary,
        more,
      ),
    );

    let schemas: string[] = [];
    let shown = 0;
    let last: string | undefined;
    let generation = 0; // a newer filter wins over answers still in flight

    async function load(): Promise<void> {
      try {
        schemas = await client().listSchemas();
        await restart();
      } catch (error) {
        showError(errors, error, "Could not list databases");
      }
    }

    async function restart(): Promise<void> {
      generation += 1;
      replace(body);
      shown = 0;
      last = undefined;
      await showMore();
    }

    async function showMore(): Promise<void> {
      const mine = generation;
      const api = client();
      const prefix = filter.value.trim();
      const names = await api.listDatabases({ prefix: prefix === "" ? undefined : prefix, limit: PAGE_SIZE, after: last });
      const infos = await Promise.all(names.map((name) => api.getDatabase(name).catch((): DatabaseInfo => ({ name, schema_id: null, bound: false }))));
      if (mine !== generation) return;
      for (const info of infos) body.appendChild(row(info));
      shown += names.length;
      last = names.length > 0 ? names[names.length - 1] : last;
      const full = names.length === PAGE_SIZE;
      summary.textContent = shown === 0 ? (prefix === "" ? "No database holds an entity yet: create one on the Entities page." : "No database name starts with the filter.") : `Showing ${shown}${full ? "; more follow" : ", all of them"}.`;
      more.hidden = !full;
    }

    function row(info: DatabaseInfo): HTMLTableRowElement {
      const tr = h("tr", { attrs: { "data-database": info.name } });
      fill(tr, info);
      return tr;
    }

    function fill(tr: HTMLTableRowElement, info: DatabaseInfo): void {
      const schemaCell = info.schema_id === null ? h("span", { class: "muted" }, "none (writes are not validated)") : h("span", {}, h("code", {}, info.schema_id), info.bound ? " (bound)" : " (same name as the database)");
      const select = h("select", { attrs: { "aria-label": `Schema for ${info.name}` } }, h("option", { props: { value: "" } }, "Choose a schema…"), ...schemas.map((id) => h("option", { props: { value: id, selected: id === info.schema_id } }, id)));
      const bind = h("button", { attrs: { type: "button" } }, "Bind");
      const unbind = h("button", { class: "quiet", attrs: { type: "button" } }, "Unbind");
      bind.addEventListener("click", () =>
        busy(bind, errors, async () => {
          if (select.value === "") {
            replace(status, notice("warning", "Choose a schema to bind first."));
            return;
          }
          const updated = await client().putDatabase(info.name, { schema_id: select.value });
          fill(tr, updated);
          replace(status, notice("success", `${info.name} is bound to ${select.value}: every later write is validated against it.`));
        }),
      );
      unbind.addEventListener("click", () =>
        busy(unbind, errors, async () => {
          const updated = await client().putDatabase(info.name, { schema_id: null });
          fill(tr, updated);
          replace(status, notice("success", `${info.name} has no binding now.`));
        }),
      );
      unbind.disabled = !info.bound;
      const open = h("a", { attrs: { href: `#/entities?db=${encodeURIComponent(info.name)}` }, on: { click: (event: Event) => { event.preventDefault(); navigate(`#/entities?db=${encodeURIComponent(info.name)}`); } } }, "Browse entities");
      replace(
        tr,
        h("th", { attrs: { scope: "row" } }, info.name),
        h("td", { attrs: { "data-testid": "schema" } }, schemaCell),
        h("td", {}, h("div", { class: "inline" }, guard(select, "admin", reasonId), guard(bind, "admin", reasonId), info.bound ? guard(unbind, "admin", reasonId) : null)),
        h("td", {}, open),
      );
    }

    filter.addEventListener("input", () => void restart().catch((error) => showError(errors, error, "Could not list databases")));
    more.addEventListener("click", () => void busy(more, errors, showMore));
    void load();
  },
};
