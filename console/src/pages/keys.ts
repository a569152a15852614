/**
 * RBAC API keys (admin): create one with permissions, databases and an expiry
 * (its secret is shown once, with a copy button), list them, revoke them.
 */

import type { APIKeyInfo, CreateAPIKeyRequest, Permission } from "../../../clients/typescript/src/index.js";
import { field, formatTime, h, relativeTime, replace, uid } from "../dom.js";
import type { Page } from "../page.js";
import { client, lacking } from "../session.js";
import { busy, confirmButton, copyButton, notice, section, showError, table } from "../ui.js";

const PERMISSIONS: Permission[] = ["read", "write", "admin"];
const EXPIRIES = [
  { value: "", label: "Never" },
  { value: "1h", label: "1 hour" },
  { value: "24h", label: "24 hours" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "90d", label: "90 days" },
];

export const keysPage: Page = {
  route: "keys",
  title: "API keys",
  summary: "Keys that scripts and people use instead of the admin key, each with its permissions, databases and expiry.",
  render({ root }) {
    const reason = lacking("admin");
    if (reason !== undefined) {
      replace(root, h("p", { class: "notice warning reason", attrs: { "data-testid": "permission-note" } }, `Managing API keys is unavailable. ${reason}`));
      return;
    }
    const errors = h("div", { attrs: { "aria-live": "polite" } });
    const created = h("div", { attrs: { "aria-live": "polite", "data-testid": "created-key" } });
    const listHolder = h("div", { attrs: { "data-testid": "key-list" } });

    const nameInput = h("input", { attrs: { type: "text", required: true, autocomplete: "off", spellcheck: "false", placeholder: "e.g. ci-deploy" } });
    const boxes = PERMISSIONS.map((permission) => h("input", { attrs: { type: "checkbox", name: "permission", value: permission, id: uid("perm") }, props: { checked: permission === "read" } }));
    const permissionGroup = h(
      "fieldset",
      { class: "checks" },
      h("legend", {}, "Permissions"),
      ...boxes.map((box) => h("label", { attrs: { for: box.id } }, box, ` ${box.value}`)),
    );
    const databasesInput = h("input", { attrs: { type: "text", autocomplete: "off", spellcheck: "false", placeholder: "e.g. chatdb, analytics" } });
    const expirySelect = h("select", {}, ...EXPIRIES.map((option) => h("option", { props: { value: option.value } }, option.label)));
    const createButton = h("button", { class: "primary", attrs: { type: "submit" } }, "Create key");
    const form = h(
      "form",
      {
        class: "stack",
        on: {
          submit: (event: Event) => {
            event.preventDefault();
            void busy(createButton, errors, async () => {
              const request: CreateAPIKeyRequest = {
                name: nameInput.value.trim(),
                permissions: boxes.filter((box) => box.checked).map((box) => box.value as Permission),
              };
              const databases = databasesInput.value.split(",").map((name) => name.trim()).filter((name) => name !== "");
              if (databases.length > 0) request.databases = databases;
              if (expirySelect.value !== "") request.expires_in = expirySelect.value;
              const key = await client().createAPIKey(request);
              const secret = h("code", { class: "secret", attrs: { "data-testid": "secret" } }, key.secret);
              replace(
                created,
                h(
                  "div",
                  { class: "notice success", attrs: { role: "status" } },
                  h("p", {}, h("strong", {}, `Key ${key.name} (${key.id}) was created.`), " Copy its secret now: it is shown only this once."),
                  h("p", { class: "inline" }, secret, copyButton("Copy secret", () => key.secret)),
                ),
              );
              nameInput.value = "";
              await loadList();
            });
          },
        },
      },
      field("Name", nameInput),
      permissionGroup,
      field("Databases", databasesInput, "Comma-separated; leave empty for every database."),
      field("Expires", expirySelect),
      createButton,
    );

    replace(root, errors, section("Create a key", form, created), section("Keys", listHolder));

    async function loadList(): Promise<void> {
      try {
        const keys = await client().listAPIKeys();
        replace(
          listHolder,
          keys.length === 0 ? notice("info", "No API key yet.") : table("API keys", ["Name", "Id", "Permissions", "Databases", "Created", "Expires", "Status", "Actions"], keys.map(row), "data"),
        );
      } catch (error) {
        showError(errors, error, "Could not list keys");
      }
    }

    function row(key: APIKeyInfo): (Node | string)[] {
      const expired = key.expires_at !== undefined && new Date(key.expires_at).getTime() < Date.now();
      return [
        h("span", { attrs: { "data-testid": "key-name" } }, key.name),
        h("code", {}, key.id),
        key.permissions.join(", ") || "none",
        key.databases === undefined ? "all" : key.databases.join(", "),
        h("span", { attrs: { title: formatTime(key.created_at) } }, relativeTime(key.created_at)),
        key.expires_at === undefined ? "never" : h("span", { attrs: { title: formatTime(key.expires_at) } }, expired ? `expired ${relativeTime(key.expires_at)}` : relativeTime(key.expires_at)),
        key.enabled === false ? h("span", { class: "status unavailable" }, "disabled") : expired ? h("span", { class: "status unavailable" }, "expired") : h("span", { class: "status available" }, "active"),
        confirmButton(`Revoke`, `Revoke ${key.name} now`, (control) =>
          busy(control, errors, async () => {
            await client().deleteAPIKey(key.id);
            replace(created, notice("success", `Key ${key.name} was revoked; it stops working at once.`));
            await loadList();
          }),
          `Revoke ${key.name}`,
        ),
      ];
    }

    void loadList();
  },
};
