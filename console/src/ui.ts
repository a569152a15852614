/**
 * Widgets every page shares: error and notice boxes, permission-guarded
 * controls, copy and download buttons, an inline two-step confirmation.
 */

import { DeltaError } from "../../clients/typescript/src/index.js";
import type { ErrorDetail, Permission } from "../../clients/typescript/src/index.js";
import { Child, h, replace, uid } from "./dom.js";
import { isUnauthorized, lacking } from "./session.js";

/** Fired on `window` when a request answers 401: main.ts signs out. */
export const UNAUTHORIZED_EVENT = "deltadb:unauthorized";

/** A box with the server's message for `error` (and each detail's JSON pointer). */
export function errorBox(error: unknown, context?: string): HTMLElement {
  const box = h("div", { class: "notice error", attrs: { role: "alert" } });
  if (error instanceof DeltaError) {
    const heading = context ? `${context}: ${error.message}` : error.message;
    box.appendChild(h("p", {}, h("strong", {}, heading), " ", h("span", { class: "code" }, error.status === 0 ? error.code : `${error.status} ${error.code}`)));
    if (error.details.length > 0) {
      box.appendChild(
        h("ul", { class: "details" }, ...error.details.map((detail) => h("li", {}, h("code", {}, detail.pointer === "" ? "/" : detail.pointer), " ", detail.message))),
      );
    }
  } else {
    box.appendChild(h("p", {}, h("strong", {}, context ? `${context}: ` : ""), error instanceof Error ? error.message : String(error)));
  }
  return box;
}

/** A box listing schema violations (from a validation verdict, not an HTTP error). */
export function violationsBox(title: string, errors: ErrorDetail[]): HTMLElement {
  return h(
    "div",
    { class: "notice error", attrs: { role: "alert" } },
    h("p", {}, h("strong", {}, title)),
    h("ul", { class: "details" }, ...errors.map((detail) => h("li", { attrs: { "data-pointer": detail.pointer } }, h("code", {}, detail.pointer === "" ? "/" : detail.pointer), " ", detail.message))),
  );
}

/** Shows `error` in `slot`, unless it is a 401, which returns to the login page. */
export function showError(slot: HTMLElement, error: unknown, context?: string): void {
  if (isUnauthorized(error)) {
    window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT, { detail: error instanceof Error ? error.message : "" }));
    return;
  }
  replace(slot, errorBox(error, context));
}

export function notice(kind: "info" | "success" | "warning", ...children: Child[]): HTMLElement {
  return h("div", { class: `notice ${kind}`, attrs: { role: kind === "warning" ? "alert" : "status" } }, ...children);
}

/**
 * Disables `control` when the credential lacks `permission`, with the reason shown
 * next to it (and tied to it by aria-describedby). Returns what to place where the
 * control goes: the control itself, or the control followed by its reason. With
 * `sharedReasonId` (the id of a {@link permissionNote}) the reason is not repeated.
 */
export function guard<T extends HTMLButtonElement | HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(control: T, permission: Permission, sharedReasonId?: string): HTMLElement | T {
  const reason = lacking(permission);
  if (reason === undefined) return control;
  control.disabled = true;
  const reasonId = sharedReasonId ?? uid("reason");
  const existing = control.getAttribute("aria-describedby");
  control.setAttribute("aria-describedby", existing ? `${existing} ${reasonId}` : reasonId);
  control.title = reason;
  control.dataset.disabledReason = reason;
  if (sharedReasonId !== undefined) return control;
  return h("span", { class: "guarded" }, control, h("span", { class: "reason", id: reasonId }, reason));
}

/** A note saying which of this page's controls are disabled and why; null when none are. */
export function permissionNote(permission: Permission, id: string, what: string): HTMLElement | null {
  const reason = lacking(permission);
  if (reason === undefined) return null;
  return h("p", { class: "notice warning reason", id, attrs: { "data-testid": "permission-note" } }, `${what} are disabled. ${reason}`);
}

/** A button; `primary`/`danger` style it. */
export function button(label: string, onClick: (event: MouseEvent) => void, kind: "" | "primary" | "danger" | "quiet" = ""): HTMLButtonElement {
  return h("button", { class: kind, attrs: { type: "button" }, on: { click: onClick } }, label);
}

/** Runs `action` while `control` shows it is busy; errors go to `errorSlot`. */
export async function busy(control: HTMLButtonElement, errorSlot: HTMLElement, action: () => Promise<void>): Promise<void> {
  control.disabled = true;
  control.setAttribute("aria-busy", "true");
  replace(errorSlot);
  try {
    await action();
  } catch (error) {
    showError(errorSlot, error);
  } finally {
    control.disabled = false;
    control.removeAttribute("aria-busy");
  }
}

/** Copies `text()` to the clipboard and says so in `status`. */
export function copyButton(label: string, text: () => string): HTMLButtonElement {
  const control = button(label, async () => {
    const value = text();
    try {
      await navigator.clipboard.writeText(value);
      control.textContent = "Copied";
    } catch {
      // No clipboard permission (e.g. an insecure origin): fall back to a selection copy.
      const area = h("textarea", { class: "offscreen", attrs: { "aria-hidden": "true", tabindex: -1 }, props: { value } });
      document.body.appendChild(area);
      area.select();
      const copied = document.execCommand("copy");
      area.remove();
      control.textContent = copied ? "Copied" : "Copy failed: select the text instead";
    }
    window.setTimeout(() => (control.textContent = label), 2000);
  });
  return control;
}

/** Downloads `text()` as `filename`. */
export function downloadButton(label: string, filename: () => string, text: () => string, type = "text/plain"): HTMLButtonElement {
  return button(label, () => {
    const url = URL.createObjectURL(new Blob([text()], { type: `${type};charset=utf-8` }));
    const link = h("a", { attrs: { href: url, download: filename() } });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
}

/**
 * A destructive button that asks first, inline: the first press turns it into
 * "Confirm …" plus "Cancel"; only the second press runs `action`.
 */
export function confirmButton(label: string, confirmLabel: string, action: (control: HTMLButtonElement) => Promise<void>, accessibleName?: string): HTMLElement {
  const wrapper = h("span", { class: "confirm" });
  const start = button(label, () => {
    const yes = button(confirmLabel, () => void action(yes), "danger");
    const no = button("Cancel", () => {
      replace(wrapper, start);
      start.focus();
    });
    replace(wrapper, yes, no);
    yes.focus();
  }, "danger");
  if (accessibleName) start.setAttribute("aria-label", accessibleName);
  replace(wrapper, start);
  return wrapper;
}

/** A section with a heading (h2) and content. */
export function section(title: string, ...children: Child[]): HTMLElement {
  const headingId = uid("section");
  return h("section", { class: "card", attrs: { "aria-labelledby": headingId } }, h("h2", { id: headingId }, title), ...children);
}

/** A table with column headings; `rows` are lists of cells. */
export function table(caption: string, headings: string[], rows: Child[][], className = ""): HTMLTableElement {
  return h(
    "table",
    { class: className },
    h("caption", { class: "visually-hidden" }, caption),
    h("thead", {}, h("tr", {}, ...headings.map((heading) => h("th", { attrs: { scope: "col" } }, heading)))),
    h("tbody", {}, ...rows.map((cells) => h("tr", {}, ...cells.map((cell) => h("td", {}, cell))))),
  );
}

/** Pretty-printed JSON in a <pre>, as text. */
export function jsonBlock(value: unknown, label: string): HTMLPreElement {
  return h("pre", { class: "json", attrs: { tabindex: 0, "aria-label": label } }, JSON.stringify(value, null, 2));
}
