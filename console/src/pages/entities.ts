/**
 * Browse a database's entities by key prefix, 100 keys a page (cursor
 * pagination, so thousands of keys stay responsive), and view, create, edit and
 * delete documents. Saves carry If-Match with the version that was loaded: when
 * someone else saved first (412) the page shows what they changed and lets the
 * user reload or overwrite deliberately. Schema violations are listed at their
 * JSON pointer, each linked to its line in the editor.
 */

import { DeltaError } from "../../../clients/typescript/src/index.js";
import type { EntityListItem } from "../../../clients/typescript/src/index.js";
import { field, formatTime, h, relativeTime, replace, uid } from "../dom.js";
import { diffLines, lineOf, parseJSON, prettyWithLines } from "../jsontext.js";
import type { Page } from "../page.js";
import { can, client } from "../session.js";
import { button, busy, confirmButton, errorBox, guard, notice, permissionNote, showError } from "../ui.js";

const PAGE_SIZE = 100;

/** The entity shown in the document panel, as last read from the server. */
interface Loaded {
  key: string;
  body: unknown;
  /** The ETag, quoted, e.g. `"3"`. */
  etag: string;
}

const versionOf = (etag: string): string => etag.replace(/^W\//, "").replace(/"/g, "");

export const entitiesPage: Page = {
  route: "entities",
  title: "Entities",
  summary: "Browse a database's documents by key prefix; view, create, edit and delete them.",
  render({ root, params, setParams }) {
    const reasonId = uid("reason");
    const errors = h("div", { attrs: { "aria-live": "polite" } });
    const databaseInput = h("input", { attrs: { type: "text", list: "entity-databases", spellcheck: "false", autocomplete: "off", placeholder: "e.g. chatdb" } });
    const databaseList = h("datalist", { id: "entity-databases" });
    const openButton = h("button", { class: "primary", attrs: { type: "submit" } }, "Open");
    const prefixInput = h("input", { attrs: { type: "search", spellcheck: "false", autocomplete: "off", placeholder: "e.g. session_" } });
    const keys = h("ul", { class: "key-list", attrs: { "aria-label": "Entity keys", "data-testid": "keys" } });
    const listStatus = h("p", { class: "muted", attrs: { "aria-live": "polite", "data-testid": "list-status" } });
    const moreButton = h("button", { attrs: { type: "button" } }, "Load more");
    moreButton.hidden = true;
    const newButton = button("New entity", () => showCreate(), "primary");
    const schemaLine = h("p", { class: "muted", attrs: { "data-testid": "schema-line" } });
    const panel = h("section", { class: "card document", attrs: { "aria-label": "Document", "data-testid": "document-panel" } });

    replace(
      root,
      permissionNote("write", reasonId, "Creating, editing and deleting entities"),
      errors,
      h(
        "div",
        { class: "split" },
        h(
          "section",
          { class: "card browser", attrs: { "aria-label": "Browse keys" } },
          h(
            "form",
            { class: "inline-form", on: { submit: (event: Event) => { event.preventDefault(); openDatabase(databaseInput.value.trim()); } } },
            field("Database", databaseInput),
            databaseList,
            openButton,
          ),
          field("Key prefix", prefixInput),
          schemaLine,
          h("div", { class: "toolbar" }, guard(newButton, "write", reasonId)),
          keys,
          listStatus,
          moreButton,
        ),
        panel,
      ),
    );

    let database = "";
    let cursor: string | undefined;
    let listed = 0;
    let loaded: Loaded | undefined;
    let listGeneration = 0;
    let schemaID: string | null = null;

    client()
      .listDatabases()
      .then((names) => replace(databaseList, ...names.map((name) => h("option", { props: { value: name } }))))
      .catch((error) => showError(errors, error, "Could not list databases"));

    function openDatabase(name: string, key?: string): void {
      if (name === "") {
        replace(errors, notice("warning", "Enter a database name."));
        return;
      }
      replace(errors);
      database = name;
      databaseInput.value = name;
      setParams({ db: name, key });
      schemaLine.textContent = "";
      client()
        .getDatabase(name)
        .then((info) => {
          schemaID = info.schema_id;
          schemaLine.textContent = info.schema_id === null ? "Writes are not validated (no schema)." : `Writes are validated against ${info.schema_id}.`;
        })
        .catch((error) => showError(errors, error));
      void listKeys(true);
      if (key) void showEntity(key);
      else showEmpty();
    }

    async function listKeys(fresh: boolean): Promise<void> {
      if (database === "") return;
      const generation = fresh ? ++listGeneration : listGeneration;
      if (fresh) {
        cursor = undefined;
        listed = 0;
        replace(keys);
        listStatus.textContent = "Loading…";
      }
      moreButton.disabled = true;
      try {
        const page = await client().listEntities(database, { prefix: prefixInput.value || undefined, limit: PAGE_SIZE, after: cursor });
        if (generation !== listGeneration) return; // a newer listing replaced this one
        const fragment = document.createDocumentFragment();
        for (const item of page.entities) fragment.appendChild(keyItem(item));
        keys.appendChild(fragment);
        listed += page.entities.length;
        cursor = page.next_cursor;
        moreButton.hidden = cursor === undefined;
        listStatus.textContent =
          listed === 0 ? (prefixInput.value ? `No key in ${database} starts with “${prefixInput.value}”.` : `${database} holds no entity.`) : `${listed} key${listed === 1 ? "" : "s"} shown${cursor === undefined ? "" : "; more available"}.`;
      } catch (error) {
        listStatus.textContent = "";
        showError(errors, error, `Could not list ${database}`);
      } finally {
        moreButton.disabled = false;
      }
    }

    function keyItem(item: EntityListItem): HTMLLIElement {
      const select = h(
        "button",
        { class: "key", attrs: { type: "button", "data-key": item.key, "aria-current": loaded?.key === item.key ? "true" : undefined }, on: { click: () => void showEntity(item.key) } },
        h("span", { class: "key-name" }, item.key),
        h("span", { class: "key-meta", attrs: { title: formatTime(item.updated_at) } }, `v${item.version} · ${relativeTime(item.updated_at)}`),
      );
      return h("li", {}, select);
    }

    function markCurrent(key: string | undefined): void {
      for (const element of Array.from(keys.querySelectorAll<HTMLButtonElement>("button.key"))) {
        if (element.dataset.key === key) element.setAttribute("aria-current", "true");
        else element.removeAttribute("aria-current");
      }
    }

    function showEmpty(): void {
      loaded = undefined;
      markCurrent(undefined);
      replace(panel, h("h2", {}, "Document"), h("p", { class: "muted" }, database === "" ? "Open a database to browse its entities." : "Choose a key to see its document, or create a new entity."));
    }

    async function showEntity(key: string, message?: HTMLElement): Promise<void> {
      const panelErrors = h("div");
      replace(panel, h("h2", {}, key), h("p", { class: "muted" }, "Loading…"));
      try {
        const { body, etag } = await client().getEntity(database, key);
        loaded = { key, body, etag: etag ?? "" };
        setParams({ db: database, key });
        markCurrent(key);
        renderView(loaded, panelErrors, message);
      } catch (error) {
        replace(panel, h("h2", {}, key), panelErrors);
        showError(panelErrors, error, `Could not read ${key}`);
      }
    }

    function renderView(entity: Loaded, panelErrors: HTMLElement, message?: HTMLElement): void {
      const edit = button("Edit", () => renderEditor(entity), "primary");
      const remove = confirmButton("Delete", `Delete ${entity.key} now`, async (control) => {
        await busy(control, panelErrors, async () => {
          await client().deleteEntity(database, entity.key, { ifMatch: entity.etag });
          keys.querySelector(`button.key[data-key="${CSS.escape(entity.key)}"]`)?.parentElement?.remove();
          listed = Math.max(0, listed - 1);
          showEmpty();
          replace(panel.lastElementChild ?? panel, notice("success", `${entity.key} was deleted.`));
        });
      });
      const removeControl = can("write") ? remove : guard(button("Delete", () => undefined, "danger"), "write", reasonId);
      replace(
        panel,
        h("h2", { attrs: { "data-testid": "entity-key" } }, entity.key),
        h("p", { class: "muted", attrs: { "data-testid": "entity-version" } }, `Version ${versionOf(entity.etag)} (ETag ${entity.etag})`),
        message ?? null,
        panelErrors,
        h("div", { class: "toolbar" }, guard(edit, "write", reasonId), removeControl, button("Reload", () => void showEntity(entity.key))),
        h("pre", { class: "json", attrs: { tabindex: 0, "aria-label": `Document ${entity.key}`, "data-testid": "document" } }, JSON.stringify(entity.body, null, 2)),
      );
    }

    /** The editor for an existing entity (`entity`) or a new one (undefined). */
    function renderEditor(entity: Loaded | undefined, draft?: string): void {
      const creating = entity === undefined;
      const keyInput = h("input", { attrs: { type: "text", spellcheck: "false", autocomplete: "off", required: true } });
      const editor = h("textarea", { class: "code", attrs: { rows: 14, spellcheck: "false", "data-testid": "editor" } });
      editor.value = draft ?? (creating ? "{\n  \n}" : JSON.stringify(entity.body, null, 2));
      const panelErrors = h("div", { attrs: { "aria-live": "polite", "data-testid": "editor-errors" } });
      const save = button(creating ? "Create" : "Save", () => void saveDraft(), "primary");
      const validate = button("Check against schema", () => void check());
      validate.hidden = schemaID === null;
      const cancel = button("Cancel", () => (creating ? showEmpty() : renderView(entity, h("div"))));

      async function check(): Promise<void> {
        const parsed = parseJSON(editor.value);
        if (!parsed.ok) {
          replace(panelErrors, errorBox(new Error(parsed.message), "Not JSON"));
          return;
        }
        if (schemaID === null) return;
        await busy(validate, panelErrors, async () => {
          const verdict = await client().validateAgainstSchema(schemaID!, parsed.value);
          if (verdict.valid) replace(panelErrors, notice("success", `The document matches ${schemaID}.`));
          else showViolations(new DeltaError(400, "schema_violation", `The document does not match ${schemaID}`, verdict.errors), parsed.value);
        });
      }

      function showViolations(error: DeltaError, value: unknown): void {
        editor.value = JSON.stringify(value, null, 2); // line numbers below refer to this layout
        const { lines } = prettyWithLines(value);
        const box = errorBox(error);
        box.querySelector("ul.details")?.remove();
        const list = h("ul", { class: "details", attrs: { "data-testid": "violations" } });
        for (const detail of error.details) {
          const pointer = detail.pointer === "" ? "/" : detail.pointer;
          const line = lineOf(lines, detail.pointer);
          list.appendChild(
            h(
              "li",
              { attrs: { "data-pointer": detail.pointer } },
              h("code", {}, pointer),
              " ",
              detail.message,
              line === undefined ? null : h("span", {}, " ", button(`Go to line ${line}`, () => selectLine(editor, line), "quiet")),
            ),
          );
        }
        box.appendChild(list);
        replace(panelErrors, box);
        editor.setAttribute("aria-invalid", "true");
      }

      async function saveDraft(): Promise<void> {
        const key = creating ? keyInput.value.trim() : entity.key;
        const parsed = parseJSON(editor.value);
        if (!parsed.ok) {
          replace(panelErrors, errorBox(new Error(parsed.message), "Not JSON"));
          editor.setAttribute("aria-invalid", "true");
          return;
        }
        if (key === "") {
          replace(panelErrors, errorBox(new Error("Enter a key for the new entity.")));
          return;
        }
        save.disabled = true;
        replace(panelErrors);
        try {
          await client().putEntities(database, { [key]: parsed.value }, creating ? { ifNoneMatch: "*" } : { ifMatch: entity.etag });
          if (creating) void listKeys(true);
          else updateListItem(key);
          await showEntity(key, notice("success", creating ? `${key} was created.` : `${key} was saved.`));
        } catch (error) {
          save.disabled = false;
          if (error instanceof DeltaError && error.status === 412 && !creating) {
            await showConflict(entity, editor.value);
          } else if (error instanceof DeltaError && error.details.length > 0) {
            showViolations(error, parsed.value);
          } else if (error instanceof DeltaError && error.status === 412 && creating) {
            showError(panelErrors, new DeltaError(412, error.code, `${key} already exists; open it to edit it.`));
          } else {
            showError(panelErrors, error, "Not saved");
          }
        }
      }

      replace(
        panel,
        h("h2", {}, creating ? "New entity" : `Editing ${entity.key}`),
        creating ? null : h("p", { class: "muted" }, `Based on version ${versionOf(entity.etag)}; saving fails if someone else saved since.`),
        creating ? field("Key", keyInput, "e.g. session_001; not /, \\, . or ..") : null,
        field("Document (JSON)", editor),
        panelErrors,
        h("div", { class: "toolbar" }, save, validate, cancel),
      );
      (creating ? keyInput : editor).focus();
    }

    async function showConflict(base: Loaded, draft: string): Promise<void> {
      let current: Loaded | undefined;
      try {
        const answer = await client().getEntity(database, base.key);
        current = { key: base.key, body: answer.body, etag: answer.etag ?? "" };
      } catch (error) {
        if (!(error instanceof DeltaError && error.status === 404)) {
          showError(panel, error);
          return;
        }
      }
      const panelErrors = h("div", { attrs: { "aria-live": "polite" } });
      const keepEditing = button("Back to my edits", () => renderEditor(base, draft));
      if (current === undefined) {
        const recreate = button("Create it again with my edits", () =>
          void busy(recreate, panelErrors, async () => {
            const parsed = JSON.parse(draft) as unknown;
            await client().putEntities(database, { [base.key]: parsed }, { ifNoneMatch: "*" });
            await showEntity(base.key, notice("success", `${base.key} was created again.`));
          }), "primary");
        replace(
          panel,
          h("h2", {}, `${base.key} was deleted`),
          h("div", { class: "notice warning", attrs: { role: "alert", "data-testid": "conflict" } }, `Someone deleted ${base.key} after you loaded version ${versionOf(base.etag)}. Your edits are not saved.`),
          panelErrors,
          h("div", { class: "toolbar" }, recreate, keepEditing),
        );
        return;
      }
      const latest = current;
      const diff = diffLines(JSON.stringify(base.body, null, 2), JSON.stringify(latest.body, null, 2));
      const reload = button("Reload (discard my edits)", () => void showEntity(base.key, notice("info", `Showing version ${versionOf(latest.etag)}; your edits were discarded.`)));
      const overwrite = button("Overwrite with my edits", () =>
        void busy(overwrite, panelErrors, async () => {
          try {
            await client().putEntities(database, { [base.key]: JSON.parse(draft) as unknown }, { ifMatch: latest.etag });
          } catch (error) {
            if (error instanceof DeltaError && error.status === 412) {
              await showConflict(latest, draft); // a third writer: show the new changes
              return;
            }
            throw error;
          }
          updateListItem(base.key);
          await showEntity(base.key, notice("success", `${base.key} was overwritten with your edits.`));
        }), "danger");
      replace(
        panel,
        h("h2", {}, `Conflict on ${base.key}`),
        h(
          "div",
          { class: "notice warning", attrs: { role: "alert", "data-testid": "conflict" } },
          `Someone else saved ${base.key} after you loaded it: you edited version ${versionOf(base.etag)}, the server now has version ${versionOf(latest.etag)}. Nothing was saved. Their changes:`,
        ),
        h(
          "pre",
          { class: "diff", attrs: { tabindex: 0, "aria-label": `Changes from version ${versionOf(base.etag)} to ${versionOf(latest.etag)}`, "data-testid": "conflict-diff" } },
          ...diff.map((line) => h("span", { class: line.kind === "+" ? "added" : line.kind === "-" ? "removed" : "same" }, `${line.kind} ${line.text}\n`)),
        ),
        panelErrors,
        h("div", { class: "toolbar" }, reload, guard(overwrite, "write", reasonId), keepEditing),
      );
      reload.focus();
    }

    function updateListItem(key: string): void {
      const item = keys.querySelector<HTMLButtonElement>(`button.key[data-key="${CSS.escape(key)}"]`);
      if (item === null) return;
      client()
        .getEntity(database, key)
        .then(({ etag }) => {
          const meta = item.querySelector(".key-meta");
          if (meta && etag) meta.textContent = `v${versionOf(etag)} · ${relativeTime(new Date().toISOString())}`;
        })
        .catch(() => undefined);
    }

    function showCreate(): void {
      if (database === "") {
        replace(errors, notice("warning", "Open a database first (type a new name to create one)."));
        databaseInput.focus();
        return;
      }
      loaded = undefined;
      markCurrent(undefined);
      renderEditor(undefined);
    }

    let debounce = 0;
    prefixInput.addEventListener("input", () => {
      window.clearTimeout(debounce);
      debounce = window.setTimeout(() => void listKeys(true), 250);
    });
    moreButton.addEventListener("click", () => void listKeys(false));

    const initial = params.get("db");
    if (initial) openDatabase(initial, params.get("key") ?? undefined);
    else showEmpty();
    return () => window.clearTimeout(debounce);
  },
};

/** Selects line `line` (1-based) of `editor` and scrolls it into view. */
function selectLine(editor: HTMLTextAreaElement, line: number): void {
  const lines = editor.value.split("\n");
  let start = 0;
  for (let index = 0; index < line - 1 && index < lines.length; index++) start += lines[index].length + 1;
  const end = start + (lines[line - 1]?.length ?? 0);
  editor.focus();
  editor.setSelectionRange(start, end);
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
  editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
}
