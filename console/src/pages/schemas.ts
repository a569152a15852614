/**
 * JSON Schemas: list, view, create, edit and delete them; try a sample document
 * against the saved schema as you type (POST /schema/{id}/validate); export a
 * schema as Pydantic models or TypeScript types (GET /schema/{id}/export) to
 * copy or download.
 */

import { field, h, replace, uid } from "../dom.js";
import { parseJSON } from "../jsontext.js";
import type { Page } from "../page.js";
import { can, client, lacking } from "../session.js";
import { busy, button, confirmButton, copyButton, downloadButton, errorBox, guard, notice, permissionNote, showError, violationsBox } from "../ui.js";

const EXPORTS = [
  { format: "pydantic", label: "Pydantic", extension: "py" },
  { format: "typescript", label: "TypeScript", extension: "ts" },
] as const;

const NEW_SCHEMA = `{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "properties": {
    "name": { "type": "string" }
  },
  "required": ["name"]
}`;

export const schemasPage: Page = {
  route: "schemas",
  title: "Schemas",
  summary: "JSON Schemas (draft-07) that databases validate their writes against; export them as Pydantic or TypeScript types.",
  render({ root, params, setParams }) {
    const reasonId = uid("reason");
    const errors = h("div", { attrs: { "aria-live": "polite" } });
    const list = h("ul", { class: "key-list", attrs: { "aria-label": "Schemas", "data-testid": "schema-list" } });
    const newButton = button("New schema", () => renderEditor(undefined), "primary");
    const panel = h("section", { class: "card document", attrs: { "aria-label": "Schema", "data-testid": "schema-panel" } });
    replace(
      root,
      permissionNote("write", reasonId, "Creating, editing and deleting schemas"),
      errors,
      h("div", { class: "split" }, h("section", { class: "card browser", attrs: { "aria-label": "All schemas" } }, h("div", { class: "toolbar" }, guard(newButton, "write", reasonId)), list), panel),
    );

    let selected: string | undefined;

    async function loadList(): Promise<void> {
      try {
        const ids = await client().listSchemas();
        replace(
          list,
          ...ids.map((id) => h("li", {}, h("button", { class: "key", attrs: { type: "button", "data-key": id, "aria-current": id === selected ? "true" : undefined }, on: { click: () => void show(id) } }, h("span", { class: "key-name" }, id)))),
        );
        if (ids.length === 0) list.appendChild(h("li", { class: "muted" }, "No schema yet."));
      } catch (error) {
        showError(errors, error, "Could not list schemas");
      }
    }

    function markCurrent(): void {
      for (const item of Array.from(list.querySelectorAll<HTMLButtonElement>("button.key"))) {
        if (item.dataset.key === selected) item.setAttribute("aria-current", "true");
        else item.removeAttribute("aria-current");
      }
    }

    function showEmpty(): void {
      replace(panel, h("h2", {}, "Schema"), h("p", { class: "muted" }, "Choose a schema, or create one."));
    }

    async function show(id: string, message?: HTMLElement): Promise<void> {
      selected = id;
      setParams({ id });
      markCurrent();
      replace(panel, h("h2", {}, id), h("p", { class: "muted" }, "Loading…"));
      let schema: unknown;
      try {
        schema = await client().getSchema(id);
      } catch (error) {
        replace(panel, h("h2", {}, id));
        showError(panel, error, `Could not read ${id}`);
        return;
      }
      const panelErrors = h("div", { attrs: { "aria-live": "polite", "data-testid": "schema-errors" } });
      const edit = button("Edit", () => renderEditor(id, JSON.stringify(schema, null, 2)), "primary");
      const remove = can("write")
        ? confirmButton("Delete", `Delete ${id} now`, (control) =>
            busy(control, panelErrors, async () => {
              await client().deleteSchema(id);
              selected = undefined;
              setParams({});
              await loadList();
              showEmpty();
              panel.appendChild(notice("success", `${id} was deleted.`));
            }),
          )
        : guard(button("Delete", () => undefined, "danger"), "write", reasonId);
      replace(
        panel,
        h("h2", { attrs: { "data-testid": "schema-id" } }, id),
        message ?? null,
        panelErrors,
        h("div", { class: "toolbar" }, guard(edit, "write", reasonId), remove),
        h("pre", { class: "json", attrs: { tabindex: 0, "aria-label": `Schema ${id}`, "data-testid": "schema-document" } }, JSON.stringify(schema, null, 2)),
        sampleValidator(id),
        exporter(id),
      );
    }

    function renderEditor(id: string | undefined, text?: string): void {
      const creating = id === undefined;
      const idInput = h("input", { attrs: { type: "text", spellcheck: "false", autocomplete: "off", required: true, placeholder: "e.g. chat.v1" } });
      const editor = h("textarea", { class: "code", attrs: { rows: 18, spellcheck: "false", "data-testid": "schema-editor" } });
      editor.value = text ?? NEW_SCHEMA;
      const panelErrors = h("div", { attrs: { "aria-live": "polite", "data-testid": "schema-errors" } });
      const save = button(creating ? "Create" : "Save", () => {
        const schemaID = creating ? idInput.value.trim() : id;
        const parsed = parseJSON(editor.value);
        if (!parsed.ok) {
          replace(panelErrors, errorBox(new Error(parsed.message), "Not JSON"));
          return;
        }
        if (schemaID === "") {
          replace(panelErrors, errorBox(new Error("Enter an id for the schema.")));
          return;
        }
        void busy(save, panelErrors, async () => {
          await client().putSchema(schemaID, parsed.value);
          await loadList();
          await show(schemaID, notice("success", `${schemaID} was saved.`));
        });
      }, "primary");
      const cancel = button("Cancel", () => (creating ? showEmpty() : void show(id)));
      replace(
        panel,
        h("h2", {}, creating ? "New schema" : `Editing ${id}`),
        creating ? field("Schema id", idInput, "Letters, digits, dot, dash and underscore, e.g. chat.v1.") : null,
        field("JSON Schema (draft-07)", editor),
        panelErrors,
        h("div", { class: "toolbar" }, save, cancel),
        creating ? null : sampleValidator(id, "Checked against the saved version; save to check your edits."),
      );
      (creating ? idInput : editor).focus();
    }

    /** A sample document checked against the saved schema `id` as the user types. */
    function sampleValidator(id: string, hint = "Checked against the schema as you type."): HTMLElement {
      const sample = h("textarea", { class: "code", attrs: { rows: 6, spellcheck: "false", "data-testid": "sample" } });
      sample.value = "{}";
      const verdict = h("div", { attrs: { "aria-live": "polite", "data-testid": "sample-verdict" } });
      let timer = 0;
      let generation = 0;
      const check = async (): Promise<void> => {
        const mine = ++generation;
        const parsed = parseJSON(sample.value);
        if (!parsed.ok) {
          replace(verdict, notice("warning", `Not JSON: ${parsed.message}`));
          return;
        }
        try {
          const result = await client().validateAgainstSchema(id, parsed.value);
          if (mine !== generation) return;
          replace(
            verdict,
            result.valid
              ? notice("success", `Valid against ${id}.`)
              : violationsBox(`Not valid against ${id}:`, result.errors),
          );
        } catch (error) {
          if (mine === generation) showError(verdict, error, "Could not validate");
        }
      };
      sample.addEventListener("input", () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(() => void check(), 300);
      });
      const readReason = lacking("read");
      if (readReason === undefined) void check();
      else {
        sample.disabled = true;
        replace(verdict, notice("info", `Validation is unavailable. ${readReason}`));
      }
      return h("section", { class: "sub", attrs: { "aria-label": "Try a document" } }, h("h3", {}, "Try a document"), field("Sample document (JSON)", sample, hint), verdict);
    }

    function exporter(id: string): HTMLElement {
      const output = h("pre", { class: "code-output", attrs: { tabindex: 0, "aria-label": "Exported code", "data-testid": "export-output" } });
      output.hidden = true;
      const exportErrors = h("div", { attrs: { "aria-live": "polite" } });
      let text = "";
      let extension = "py";
      const copy = copyButton("Copy", () => text);
      const download = downloadButton("Download", () => `${id.replace(/[^A-Za-z0-9_-]+/g, "_")}.${extension}`, () => text);
      copy.hidden = true;
      download.hidden = true;
      const buttons = EXPORTS.map((target) => {
        const control: HTMLButtonElement = button(`Export as ${target.label}`, () =>
          void busy(control, exportErrors, async () => {
            text = await client().exportSchema(id, target.format);
            extension = target.extension;
            output.textContent = text;
            output.setAttribute("aria-label", `${target.label} code for ${id}`);
            output.hidden = false;
            copy.hidden = false;
            download.hidden = false;
          }),
        );
        return control;
      });
      return h("section", { class: "sub", attrs: { "aria-label": "Export" } }, h("h3", {}, "Export"), h("div", { class: "toolbar" }, ...buttons, copy, download), exportErrors, output);
    }

    void loadList();
    const initial = params.get("id");
    if (initial) void show(initial);
    else showEmpty();
  },
};
