/**
 * The console's shell: a hash router (`#/entities?db=chatdb`), the signed-in
 * layout (banner with identity and sign-out, navigation, main region) and the
 * login page. Each page lives in pages/ and renders into the main region.
 */

import { append, h, relativeTime, replace, formatTime } from "./dom.js";
import type { Page, PageContext } from "./page.js";
import { clearSession, currentSession, signOut } from "./session.js";
import { UNAUTHORIZED_EVENT } from "./ui.js";
import { renderLogin } from "./pages/login.js";
import { dashboardPage } from "./pages/dashboard.js";
import { databasesPage } from "./pages/databases.js";
import { entitiesPage } from "./pages/entities.js";
import { schemasPage } from "./pages/schemas.js";
import { workersPage } from "./pages/workers.js";
import { keysPage } from "./pages/keys.js";
import { explorerPage } from "./pages/explorer.js";

const pages: Page[] = [dashboardPage, databasesPage, entitiesPage, schemasPage, workersPage, keysPage, explorerPage];

let dispose: (() => void) | undefined;
let signedOutMessage: string | undefined;

function parseHash(): { route: string; params: URLSearchParams } {
  const hash = window.location.hash.replace(/^#\/?/, "");
  const [route, query] = hash.split("?", 2);
  return { route: route || "dashboard", params: new URLSearchParams(query ?? "") };
}

function render(): void {
  dispose?.();
  dispose = undefined;
  const app = document.getElementById("app");
  if (app === null) return;
  const session = currentSession();
  if (session === undefined) {
    document.title = "Sign in · DeltaDatabase";
    const message = signedOutMessage;
    signedOutMessage = undefined;
    renderLogin(app, message, () => {
      if (parseHash().route === "login") window.location.hash = "#/dashboard";
      render();
    });
    return;
  }
  const { route, params } = parseHash();
  const page = pages.find((candidate) => candidate.route === route) ?? pages[0];
  document.title = `${page.title} · DeltaDatabase`;

  const heading = h("h1", { attrs: { tabindex: -1 } }, page.title);
  const root = h("div", { class: "page", attrs: { "data-page": page.route } });
  const main = h("main", { id: "main", attrs: { tabindex: -1 } }, h("header", { class: "page-header" }, heading, h("p", { class: "summary" }, page.summary)), root);
  replace(app, skipLink(main), banner(), navigation(page.route), main);

  const context: PageContext = {
    root,
    params,
    navigate(hash: string) {
      window.location.hash = hash;
    },
    setParams(values: Record<string, string | undefined>) {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(values)) if (value) query.set(name, value);
      const text = query.toString();
      history.replaceState(null, "", `#/${page.route}${text ? "?" + text : ""}`);
    },
  };
  dispose = page.render(context) ?? undefined;
  if (focusHeadingOnRender) heading.focus();
  focusHeadingOnRender = true;
}

let focusHeadingOnRender = false;

function skipLink(main: HTMLElement): HTMLElement {
  return h("a", { class: "skip-link", attrs: { href: "#main" }, on: { click: (event: Event) => { event.preventDefault(); main.focus(); } } }, "Skip to content");
}

function banner(): HTMLElement {
  const session = currentSession()!;
  const me = session.me;
  const permissions = me.is_admin ? "admin key: every permission" : me.permissions.length > 0 ? me.permissions.join(", ") : "no permissions";
  const databases = me.databases === undefined ? "all databases" : me.databases.length === 0 ? "no databases" : `databases: ${me.databases.join(", ")}`;
  const expiry = session.expiresAt ? `session expires ${relativeTime(session.expiresAt)}` : "never expires";
  const signOutButton = h("button", { class: "quiet", attrs: { type: "button", "data-testid": "sign-out" } }, "Sign out");
  signOutButton.addEventListener("click", () => {
    signOutButton.disabled = true;
    void signOut().then((problem) =>
      signOutNow(problem === undefined ? "You are signed out: the session has ended on the server." : `You are signed out of this tab, but the server could not end the session (${problem}); it stays valid until it expires.`),
    );
  });
  return h(
    "header",
    { class: "banner" },
    h("span", { class: "brand" }, h("span", { class: "logo", attrs: { "aria-hidden": "true" } }, "Δ"), "DeltaDatabase"),
    h(
      "div",
      { class: "identity", attrs: { "aria-label": "Signed in as" , role: "group" } },
      h("span", { class: "who", attrs: { "data-testid": "who" } }, me.client_id),
      h("span", { class: "pill", attrs: { "data-testid": "permissions" } }, permissions),
      h("span", { class: "pill" }, databases),
      h("span", { class: "pill", attrs: { "data-testid": "expiry", title: session.expiresAt ? formatTime(session.expiresAt) : "" } }, expiry),
      signOutButton,
    ),
  );
}

function navigation(active: string): HTMLElement {
  const list = h("ul", {});
  for (const page of pages) {
    append(list, h("li", {}, h("a", { attrs: { href: `#/${page.route}`, "aria-current": page.route === active ? "page" : undefined } }, page.title)));
  }
  return h("nav", { class: "sidebar", attrs: { "aria-label": "Console pages" } }, list);
}

function signOutNow(message: string): void {
  clearSession();
  signedOutMessage = message;
  render();
}

window.addEventListener("hashchange", render);
window.addEventListener(UNAUTHORIZED_EVENT, (event) => {
  const detail = (event as CustomEvent<string>).detail;
  signOutNow(`Your session is no longer valid${detail ? ` (${detail})` : ""}; sign in again.`);
});

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", render);
} else {
  render();
}
