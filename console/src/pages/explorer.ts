/**
 * Send any REST request of the spec with the signed-in credential and see the
 * status, headers and body. Requests only go to this server (a path, never a URL).
 */

import { h, replace, uid, field } from "../dom.js";
import { operations } from "../generated/operations.js";
import type { Operation } from "../generated/operations.js";
import type { Page } from "../page.js";
import { currentSession } from "../session.js";
import { button, errorBox, notice, section, table } from "../ui.js";

const SAMPLE_BODIES: Record<string, string> = {
  putEntities: '{\n  "session_001": { "messages": [] }\n}',
  patchEntity: '{\n  "title": "renamed"\n}',
  putSchema: '{\n  "type": "object"\n}',
  validateAgainstSchema: "{}",
  putDatabase: '{\n  "schema_id": null\n}',
  login: '{\n  "key": ""\n}',
  createAPIKey: '{\n  "name": "example",\n  "permissions": ["read"],\n  "expires_in": "24h"\n}',
};

/** The path of `operation` with example values in its placeholders and query. */
function examplePath(operation: Operation): string {
  const path = operation.path.replace(/\{database\}/g, "chatdb").replace(/\{schemaID\}/g, "chat.v1").replace(/\{id\}/g, "KEY_ID");
  const examples: Record<string, string> = { key: "session_001", format: "pydantic", limit: "100", prefix: "", after: "" };
  const query = operation.query.filter((name) => examples[name] !== "").map((name) => `${name}=${encodeURIComponent(examples[name] ?? "")}`);
  return query.length === 0 ? path : `${path}?${query.join("&")}`;
}

export const explorerPage: Page = {
  route: "explorer",
  title: "Explorer",
  summary: "Send any request of the REST API with your current credential and see the raw response.",
  render({ root }) {
    const operationSelect = h(
      "select",
      { attrs: { "data-testid": "operation" } },
      h("option", { props: { value: "" } }, "Custom request"),
      ...operations.map((operation) => h("option", { props: { value: operation.id } }, `${operation.method} ${operation.path} — ${operation.summary}`)),
    );
    const methodSelect = h("select", { attrs: { "data-testid": "method" } }, ...["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].map((method) => h("option", { props: { value: method } }, method)));
    const pathInput = h("input", { attrs: { type: "text", spellcheck: "false", autocomplete: "off", required: true, "data-testid": "path" }, props: { value: "/health" } });
    const contentType = h("select", {}, ...["application/json", "application/merge-patch+json", "application/json-patch+json", "text/plain"].map((type) => h("option", { props: { value: type } }, type)));
    const ifMatch = h("input", { attrs: { type: "text", spellcheck: "false", autocomplete: "off", placeholder: '"3"' } });
    const bodyInput = h("textarea", { class: "code", attrs: { rows: 8, spellcheck: "false", "data-testid": "body" } });
    const sendCredential = h("input", { attrs: { type: "checkbox", id: uid("cred") }, props: { checked: true } });
    const permissionLine = h("p", { class: "muted", attrs: { "aria-live": "polite" } });
    const response = h("div", { attrs: { "aria-live": "polite", "data-testid": "response" } });
    const send = h("button", { class: "primary", attrs: { type: "submit" } }, "Send");

    operationSelect.addEventListener("change", () => {
      const operation = operations.find((candidate) => candidate.id === operationSelect.value);
      if (operation === undefined) {
        permissionLine.textContent = "";
        return;
      }
      methodSelect.value = operation.method;
      pathInput.value = examplePath(operation);
      bodyInput.value = operation.body.length > 0 ? SAMPLE_BODIES[operation.id] ?? "{}" : "";
      if (operation.body.length > 0) contentType.value = operation.body[0];
      permissionLine.textContent = `Permission: ${operation.permission}. Replace the example values in the path before sending.`;
    });

    async function sendRequest(): Promise<void> {
      const path = pathInput.value.trim();
      if (!path.startsWith("/") || path.startsWith("//")) {
        replace(response, errorBox(new Error("Enter a path on this server, starting with a single /, e.g. /api/me.")));
        return;
      }
      const headers: Record<string, string> = { Accept: "application/json" };
      const token = currentSession()?.token;
      if (sendCredential.checked && token) headers.Authorization = `Bearer ${token}`;
      if (ifMatch.value.trim() !== "") headers["If-Match"] = ifMatch.value.trim();
      const method = methodSelect.value;
      const hasBody = bodyInput.value.trim() !== "" && method !== "GET" && method !== "HEAD";
      if (hasBody) headers["Content-Type"] = contentType.value;
      send.disabled = true;
      const started = performance.now();
      try {
        const answer = await fetch(path, { method, headers, body: hasBody ? bodyInput.value : undefined, credentials: "omit", redirect: "manual", cache: "no-store" });
        const text = await answer.text();
        const elapsed = Math.round(performance.now() - started);
        let shown = text;
        try {
          if (text !== "" && (answer.headers.get("content-type") ?? "").includes("json")) shown = JSON.stringify(JSON.parse(text), null, 2);
        } catch {
          // Not JSON after all: show it as it came.
        }
        const headerRows = Array.from(answer.headers.entries()).map(([name, value]) => [h("code", {}, name), value]);
        replace(
          response,
          h("p", { class: `status-line ${answer.ok ? "good" : "bad"}`, attrs: { "data-testid": "status" } }, `${answer.status} ${answer.statusText}`, h("span", { class: "muted" }, ` · ${elapsed} ms · ${text.length} bytes`)),
          h("h3", {}, "Headers"),
          table("Response headers", ["Header", "Value"], headerRows, "data compact"),
          h("h3", {}, "Body"),
          shown === "" ? h("p", { class: "muted" }, "(empty)") : h("pre", { class: "json", attrs: { tabindex: 0, "aria-label": "Response body", "data-testid": "response-body" } }, shown),
        );
      } catch (error) {
        replace(response, errorBox(error, "No response"));
      } finally {
        send.disabled = false;
      }
    }

    const form = h(
      "form",
      { class: "stack", on: { submit: (event: Event) => { event.preventDefault(); void sendRequest(); } } },
      field("Operation", operationSelect),
      permissionLine,
      h("div", { class: "inline-form" }, field("Method", methodSelect), h("div", { class: "grow" }, field("Path", pathInput, "A path on this server, with its query, e.g. /entity/chatdb?key=session_001."))),
      h("div", { class: "inline-form" }, field("Content-Type", contentType), field("If-Match (optional)", ifMatch)),
      field("Body", bodyInput),
      h("label", { class: "check", attrs: { for: sendCredential.id } }, sendCredential, " Send my credential (Authorization: Bearer …)"),
      h("div", { class: "toolbar" }, send, button("Clear response", () => replace(response))),
    );
    replace(root, section("Request", form), section("Response", response));
    replace(response, notice("info", "Choose an operation or type a path, then Send."));
  },
};
