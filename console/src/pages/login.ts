/**
 * Sign in with the admin key or an API key (exchanged for a session token by
 * POST /api/login), or with a session token obtained elsewhere.
 */

import { field, h, replace } from "../dom.js";
import { signInWithKey, signInWithToken } from "../session.js";
import { errorBox, notice } from "../ui.js";

export function renderLogin(app: HTMLElement, message: string | undefined, signedIn: () => void): void {
  const errors = h("div", { attrs: { "aria-live": "polite" } });
  const keyInput = h("input", { attrs: { type: "password", name: "key", autocomplete: "current-password", required: true, spellcheck: "false" } });
  const submit = h("button", { class: "primary", attrs: { type: "submit" } }, "Sign in");
  const keyForm = h(
    "form",
    {
      class: "stack",
      attrs: { "aria-label": "Sign in with a key" },
      on: {
        submit: async (event: Event) => {
          event.preventDefault();
          await attempt(submit, () => signInWithKey(keyInput.value.trim()));
        },
      },
    },
    field("Admin key or API key", keyInput, "Exchanged for a session token that lives in this tab only; the key itself is not stored."),
    submit,
  );

  const tokenInput = h("input", { attrs: { type: "password", name: "token", autocomplete: "off", required: true, spellcheck: "false" } });
  const tokenSubmit = h("button", { attrs: { type: "submit" } }, "Use session token");
  const tokenForm = h(
    "form",
    {
      class: "stack",
      attrs: { "aria-label": "Sign in with a session token" },
      on: {
        submit: async (event: Event) => {
          event.preventDefault();
          await attempt(tokenSubmit, () => signInWithToken(tokenInput.value.trim()));
        },
      },
    },
    field("Session token", tokenInput, "A token from POST /api/login, e.g. one a script created."),
    tokenSubmit,
  );

  async function attempt(control: HTMLButtonElement, action: () => Promise<unknown>): Promise<void> {
    control.disabled = true;
    replace(errors);
    try {
      await action();
      signedIn();
    } catch (error) {
      replace(errors, errorBox(error, "Sign-in failed"));
      control.disabled = false;
    }
  }

  const card = h(
    "main",
    { id: "main", class: "login", attrs: { tabindex: -1 } },
    h(
      "div",
      { class: "login-card" },
      h("p", { class: "brand" }, h("span", { class: "logo", attrs: { "aria-hidden": "true" } }, "Δ"), "DeltaDatabase"),
      h("h1", {}, "Sign in to the console"),
      message ? notice("info", message) : null,
      errors,
      keyForm,
      h("details", { class: "token-login" }, h("summary", {}, "Sign in with a session token instead"), tokenForm),
    ),
  );
  replace(app, card);
  keyInput.focus();
}
