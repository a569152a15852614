// Generated from console/ by console/build.sh. DO NOT EDIT.
// The web console's compiled assets; see docs/console.md.

/// The web console's files, embedded so one binary serves it.
public enum ConsoleAssets {
    /// One file of the console.
    public struct Asset: Sendable {
        /// Where it is served: `/` for the page, `/assets/<name>.<hash>.<ext>` for the rest.
        public let path: String
        public let contentType: String
        /// True for content-hashed names, which never change content (cache them for a year).
        public let immutable: Bool
        public let body: String
    }

    /// Every asset; the first is the page served at `/`.
    public static let all: [Asset] = [
        Asset(
            path: "/",
            contentType: "text/html; charset=utf-8",
            immutable: false,
            body: #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>DeltaDatabase console</title>
<link rel="icon" type="image/svg+xml" href="/assets/icon.3058ddc118eb.svg">
<link rel="stylesheet" href="/assets/console.ec018cca4b85.css">
<script src="/assets/app.55daa9a41a57.js" defer></script>
</head>
<body>
<div id="app"><noscript><p class="noscript">The DeltaDatabase console needs JavaScript. The REST API works without it.</p></noscript></div>
</body>
</html>

"""#
        ),
        Asset(
            path: "/assets/console.ec018cca4b85.css",
            contentType: "text/css; charset=utf-8",
            immutable: true,
            body: #"""
/* The DeltaDatabase console's only stylesheet. System fonts, no external
   resources; colours meet WCAG AA contrast on their backgrounds. */

:root {
  --bg: #f4f6f9;
  --surface: #ffffff;
  --text: #1b2430;
  --muted: #4f5b6b;
  --border: #d5dbe3;
  --accent: #1d4ed8;
  --accent-dark: #1e3a8a;
  --accent-soft: #e6edfd;
  --sidebar: #101827;
  --sidebar-text: #d7deea;
  --good: #0f6b3a;
  --good-soft: #e3f4ea;
  --bad: #a4161a;
  --bad-soft: #fbe7e7;
  --warn: #7a4d00;
  --warn-soft: #fff3d6;
  --focus: #f59e0b;
  --mono: ui-monospace, "DejaVu Sans Mono", "SFMono-Regular", Menlo, Consolas, monospace;
  --radius: 8px;
  font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, sans-serif;
  font-size: 15px;
  line-height: 1.45;
  color: var(--text);
  background: var(--bg);
}

* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; }
[hidden] { display: none !important; }

#app {
  display: grid;
  grid-template-columns: 220px 1fr;
  grid-template-rows: auto 1fr;
  grid-template-areas: "banner banner" "nav main";
  min-height: 100vh;
}

:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus, h1:focus { outline: none; }

.skip-link { position: absolute; left: -9999px; top: 8px; z-index: 10; background: var(--surface); color: var(--accent-dark); padding: 8px 12px; border-radius: var(--radius); }
.skip-link:focus { left: 8px; }

.visually-hidden, .offscreen { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

/* Banner and navigation */
.banner {
  grid-area: banner;
  display: flex; align-items: center; justify-content: space-between; gap: 16px; flex-wrap: wrap;
  padding: 10px 20px; background: var(--sidebar); color: #fff; border-bottom: 1px solid #000;
}
.brand { display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 1.1rem; margin: 0; }
.logo { display: inline-grid; place-items: center; width: 30px; height: 30px; border-radius: 7px; background: var(--accent); color: #fff; font-weight: 700; }
.identity { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.identity .who { font-weight: 700; }
.pill { display: inline-block; padding: 2px 10px; border-radius: 999px; background: #263247; color: var(--sidebar-text); font-size: 0.85rem; }
.banner button.quiet { color: #fff; border-color: #5b6b85; background: transparent; }
.banner button.quiet:hover { background: #263247; }

.sidebar { grid-area: nav; background: var(--sidebar); padding: 12px 10px; }
.sidebar ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
.sidebar a { display: block; padding: 9px 14px; border-radius: 6px; color: var(--sidebar-text); text-decoration: none; font-weight: 500; }
.sidebar a:hover { background: #1c2638; color: #fff; }
.sidebar a[aria-current="page"] { background: var(--accent); color: #fff; }

main { grid-area: main; padding: 22px 28px 40px; min-width: 0; }
.page-header h1 { margin: 0 0 4px; font-size: 1.6rem; }
.summary { margin: 0 0 18px; color: var(--muted); }
.muted { color: var(--muted); }

h2 { font-size: 1.15rem; margin: 0 0 12px; }
h3 { font-size: 1rem; margin: 18px 0 8px; }
a { color: var(--accent-dark); }

/* Cards and layout */
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 18px; margin-bottom: 18px; min-width: 0; }
.split { display: grid; grid-template-columns: minmax(240px, 320px) 1fr; gap: 18px; align-items: start; }
.sub { border-top: 1px solid var(--border); margin-top: 18px; padding-top: 4px; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 10px 0; }
.inline, .inline-form { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
.inline-form .field { margin-bottom: 0; }
.inline-form .grow { flex: 1 1 320px; }
.stack { display: grid; gap: 12px; max-width: 760px; }
.stack > button { justify-self: start; }
.login-card .stack > button { justify-self: stretch; }
.browser > * + * { margin-top: 12px; }
.card > [aria-live]:not(:empty) { margin-top: 12px; }

/* Tiles (dashboard) */
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 16px; margin-bottom: 14px; }
.tile { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 16px 18px; }
.tile h2 { font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 0; }
.tile-value { font-size: 1.9rem; font-weight: 700; margin: 6px 0 4px; overflow-wrap: anywhere; }
.tile-value.good { color: var(--good); }
.tile-value.small { font-size: 1.2rem; padding-top: 8px; }
.tile-value.bad { color: var(--bad); }
.tile-detail { margin: 0; color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }

/* Forms */
.field { display: grid; gap: 4px; }
label, legend { font-weight: 600; }
.hint { margin: 0; color: var(--muted); font-size: 0.88rem; }
input[type="text"], input[type="password"], input[type="search"], select, textarea {
  font: inherit; color: var(--text); background: #fff;
  border: 1px solid #8592a3; border-radius: 6px; padding: 7px 10px; min-width: 0;
}
textarea.code, pre, code { font-family: var(--mono); font-size: 0.88rem; }
textarea.code { width: 100%; resize: vertical; line-height: 1.45; tab-size: 2; }
textarea[aria-invalid="true"] { border-color: var(--bad); }
input:disabled, select:disabled, textarea:disabled { background: #eef1f5; color: var(--muted); }
fieldset.checks { border: 1px solid var(--border); border-radius: 6px; padding: 8px 12px; display: flex; gap: 18px; flex-wrap: wrap; }
fieldset.checks label, label.check { font-weight: 500; display: inline-flex; align-items: center; gap: 6px; }

button {
  font: inherit; font-weight: 600; cursor: pointer;
  padding: 7px 14px; border-radius: 6px; border: 1px solid #8592a3; background: #fff; color: var(--text);
}
button:hover:not(:disabled) { background: #eef2f7; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.primary:hover:not(:disabled) { background: var(--accent-dark); }
button.danger { background: #fff; border-color: var(--bad); color: var(--bad); }
button.danger:hover:not(:disabled) { background: var(--bad-soft); }
button.quiet { background: transparent; border-color: transparent; color: var(--accent-dark); padding: 4px 8px; }
button:disabled { cursor: not-allowed; opacity: 1; background: #e9edf2; border-color: #b8c1cc; color: #5a6573; }
button[aria-busy="true"] { cursor: progress; }
.guarded { display: inline-flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.reason { color: var(--warn); font-size: 0.88rem; }

/* Notices */
.notice { border-radius: var(--radius); padding: 10px 14px; margin: 0 0 14px; border: 1px solid; }
.notice p { margin: 0 0 4px; }
.notice p:last-child { margin-bottom: 0; }
.notice.error { background: var(--bad-soft); border-color: #e3a3a5; color: #6d0e11; }
.notice.success { background: var(--good-soft); border-color: #9fd3b4; color: #0a4a28; }
.notice.warning { background: var(--warn-soft); border-color: #f0cf85; color: #5c3a00; }
.notice.info { background: var(--accent-soft); border-color: #b5c7f5; color: #1e3a8a; }
.notice .code { font-family: var(--mono); font-size: 0.85rem; }
.notice ul.details { margin: 6px 0 0; padding-left: 20px; }
.notice ul.details code { background: rgba(255, 255, 255, 0.7); padding: 0 4px; border-radius: 4px; }

/* Tables */
table.data { width: 100%; border-collapse: collapse; }
table.data th, table.data td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--border); vertical-align: middle; }
table.data thead th { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
table.data tbody th { font-weight: 600; }
table.compact td, table.compact th { padding: 4px 8px; font-size: 0.9rem; }
.status { display: inline-block; padding: 1px 10px; border-radius: 999px; font-weight: 600; font-size: 0.88rem; }
.status.available { background: var(--good-soft); color: var(--good); }
.status.unavailable { background: var(--bad-soft); color: var(--bad); }
.status.draining { background: var(--warn-soft); color: var(--warn); }
.status-line { font-size: 1.2rem; font-weight: 700; margin: 0 0 8px; }
.status-line.good { color: var(--good); }
.status-line.bad { color: var(--bad); }

/* Key lists (entities, schemas) */
.key-list { list-style: none; margin: 8px 0; padding: 0; max-height: 560px; overflow-y: auto; border: 1px solid var(--border); border-radius: 6px; }
.key-list li + li { border-top: 1px solid var(--border); }
.key-list li.muted { padding: 8px 12px; }
button.key { display: flex; justify-content: space-between; gap: 10px; width: 100%; border: 0; border-radius: 0; text-align: left; font-weight: 500; padding: 7px 12px; background: #fff; }
button.key[aria-current="true"] { background: var(--accent-soft); box-shadow: inset 4px 0 0 var(--accent); }
.key-name { font-family: var(--mono); overflow-wrap: anywhere; }
.key-meta { color: var(--muted); font-size: 0.82rem; white-space: nowrap; }

/* Documents */
pre { margin: 0; }
pre.json, pre.code-output, pre.diff { background: #0f172a; color: #e2e8f0; padding: 14px; border-radius: 6px; overflow: auto; max-height: 520px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.diff .added { color: #86efac; }
pre.diff .removed { color: #fca5a5; }
pre.diff .same { color: #cbd5e1; }
code.secret { display: inline-block; padding: 6px 10px; background: #fff; border: 1px dashed #9fd3b4; border-radius: 6px; overflow-wrap: anywhere; }
.confirm { display: inline-flex; gap: 8px; }

/* Login */
main.login { grid-column: 1 / -1; grid-row: 1 / -1; display: grid; place-items: center; padding: 24px; background: linear-gradient(160deg, #101827 0%, #1e3a8a 100%); }
.login-card { width: min(440px, 100%); background: var(--surface); border-radius: 14px; padding: 28px 30px; box-shadow: 0 20px 50px rgba(0, 0, 0, 0.35); }
.login-card .brand { color: var(--text); margin-bottom: 14px; }
.login-card h1 { font-size: 1.35rem; margin: 0 0 16px; }
.login-card details { margin-top: 18px; }
.login-card summary { cursor: pointer; color: var(--accent-dark); font-weight: 600; }
.login-card details form { margin-top: 10px; }
.noscript { padding: 20px; }

/* Narrow screens: navigation on top */
@media (max-width: 820px) {
  #app { grid-template-columns: 1fr; grid-template-areas: "banner" "nav" "main"; }
  .sidebar ul { display: flex; flex-wrap: wrap; }
  .split { grid-template-columns: 1fr; }
  main { padding: 16px; }
}

"""#
        ),
        Asset(
            path: "/assets/icon.3058ddc118eb.svg",
            contentType: "image/svg+xml",
            immutable: true,
            body: ##"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d4ed8"/><path d="M16 6 L26 25 H6 Z" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round"/></svg>

"""##
        ),
        Asset(
            path: "/assets/app.55daa9a41a57.js",
            contentType: "text/javascript; charset=utf-8",
            immutable: true,
            body: ##"""
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
const amdDefinitions = new Map();
const amdExports = new Map();
function define(name, deps, factory) {
    amdDefinitions.set(name, { deps, factory });
}
function amdRequire(name) {
    const loaded = amdExports.get(name);
    if (loaded !== undefined) {
        return loaded;
    }
    const definition = amdDefinitions.get(name);
    if (definition === undefined) {
        throw new Error(`console: no module named ${name}`);
    }
    const exports = {};
    amdExports.set(name, exports);
    const args = definition.deps.map((dep) => {
        if (dep === "require")
            return amdRequire;
        if (dep === "exports")
            return exports;
        return amdRequire(dep);
    });
    definition.factory(...args);
    return exports;
}
define("console/src/dom", ["require", "exports"], function (require, exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.relativeTime = exports.formatTime = exports.field = exports.uid = exports.replace = exports.append = exports.h = void 0;
    function h(tag, props = {}, ...children) {
        const element = document.createElement(tag);
        if (props.class)
            element.className = props.class;
        if (props.id)
            element.id = props.id;
        for (const [name, value] of Object.entries(props.attrs ?? {})) {
            if (value === undefined || value === false)
                continue;
            element.setAttribute(name, value === true ? "" : String(value));
        }
        for (const [name, value] of Object.entries(props.props ?? {})) {
            element[name] = value;
        }
        for (const [event, listener] of Object.entries(props.on ?? {})) {
            element.addEventListener(event, listener);
        }
        append(element, ...children);
        return element;
    }
    exports.h = h;
    function append(parent, ...children) {
        for (const child of children) {
            if (child === null || child === undefined || child === false)
                continue;
            parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
        }
    }
    exports.append = append;
    function replace(element, ...children) {
        while (element.firstChild)
            element.removeChild(element.firstChild);
        append(element, ...children);
    }
    exports.replace = replace;
    let idCounter = 0;
    function uid(prefix) {
        idCounter += 1;
        return `${prefix}-${idCounter}`;
    }
    exports.uid = uid;
    function field(labelText, control, hint) {
        if (!control.id)
            control.id = uid("field");
        const label = h("label", { attrs: { for: control.id } }, labelText);
        const wrapper = h("div", { class: "field" }, label, control);
        if (hint) {
            const hintId = uid("hint");
            control.setAttribute("aria-describedby", hintId);
            wrapper.appendChild(h("p", { class: "hint", id: hintId }, hint));
        }
        return wrapper;
    }
    exports.field = field;
    function formatTime(when) {
        if (!when)
            return "—";
        const date = new Date(when);
        return Number.isNaN(date.getTime()) ? when : date.toLocaleString();
    }
    exports.formatTime = formatTime;
    function relativeTime(when, now = Date.now()) {
        if (!when)
            return "—";
        const time = new Date(when).getTime();
        if (Number.isNaN(time))
            return when;
        const seconds = Math.round((time - now) / 1000);
        const magnitude = Math.abs(seconds);
        const [value, unit] = magnitude < 60 ? [magnitude, "s"] : magnitude < 3600 ? [Math.round(magnitude / 60), "min"] : magnitude < 172800 ? [Math.round(magnitude / 3600), "h"] : [Math.round(magnitude / 86400), "d"];
        return seconds <= 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`;
    }
    exports.relativeTime = relativeTime;
});
define("console/src/page", ["require", "exports"], function (require, exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
});
define("clients/typescript/src/generated/models", ["require", "exports"], function (require, exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
});
define("clients/typescript/src/runtime", ["require", "exports"], function (require, exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Transport = exports.encodeQuery = exports.expandPath = exports.RawResponse = exports.DeltaError = void 0;
    class DeltaError extends Error {
        constructor(status, code, message, details = [], currentVersion) {
            super(message);
            this.name = "DeltaError";
            this.status = status;
            this.code = code;
            this.details = details;
            this.currentVersion = currentVersion;
        }
        static fromResponse(status, text) {
            let data;
            try {
                data = JSON.parse(text);
            }
            catch {
                data = undefined;
            }
            if (isObject(data) && typeof data.code === "string") {
                const details = Array.isArray(data.details) ? data.details.filter(isObject) : [];
                const version = typeof data.current_version === "number" ? data.current_version : undefined;
                return new DeltaError(status, data.code, String(data.error ?? ""), details, version);
            }
            const excerpt = text.slice(0, 200).trim();
            return new DeltaError(status, "http_error", excerpt === "" ? `HTTP ${status}` : excerpt);
        }
    }
    exports.DeltaError = DeltaError;
    class RawResponse {
        constructor(status, headers, body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }
        json() {
            return this.body === "" ? null : JSON.parse(this.body);
        }
        text() {
            return this.body;
        }
        header(name) {
            return this.headers.get(name) ?? undefined;
        }
    }
    exports.RawResponse = RawResponse;
    function expandPath(template, values) {
        return template.replace(/\{([^}]+)\}/g, (placeholder, name) => name in values ? encodeComponent(String(values[name])) : placeholder);
    }
    exports.expandPath = expandPath;
    function encodeQuery(values) {
        return Object.entries(values)
            .filter(([, value]) => value !== undefined)
            .map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(String(value))}`)
            .join("&");
    }
    exports.encodeQuery = encodeQuery;
    function encodeComponent(value) {
        return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
    }
    function isObject(value) {
        return typeof value === "object" && value !== null && !Array.isArray(value);
    }
    class Transport {
        constructor(baseUrl, options = {}) {
            this.baseUrl = baseUrl.replace(/\/+$/, "");
            this.options = options;
        }
        async request(spec) {
            let url = this.baseUrl + expandPath(spec.path, spec.pathParams ?? {});
            const query = encodeQuery(spec.query ?? {});
            if (query !== "") {
                url += "?" + query;
            }
            const headers = { Accept: "application/json" };
            if (this.options.token !== undefined) {
                headers["Authorization"] = `Bearer ${this.options.token}`;
            }
            for (const [name, value] of Object.entries(spec.headers ?? {})) {
                if (value !== undefined) {
                    headers[name] = String(value);
                }
            }
            let body;
            if (spec.hasBody === true) {
                body = JSON.stringify(spec.body === undefined ? null : spec.body);
                headers["Content-Type"] = spec.contentType ?? "application/json";
            }
            const timeoutMs = this.options.timeoutMs ?? 30000;
            const controller = new AbortController();
            const timer = setTimeout(() => controller.abort(), timeoutMs);
            const send = this.options.fetch ?? fetch;
            try {
                let response;
                let text;
                try {
                    response = await send(url, { method: spec.method, headers, body, signal: controller.signal });
                    text = await response.text();
                }
                catch (error) {
                    const reason = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : describe(error);
                    throw new DeltaError(0, "connection_error", `${spec.method} ${url}: ${reason}`);
                }
                if (response.status < 200 || response.status > 299) {
                    throw DeltaError.fromResponse(response.status, text);
                }
                return new RawResponse(response.status, response.headers, text);
            }
            finally {
                clearTimeout(timer);
            }
        }
    }
    exports.Transport = Transport;
    function describe(error) {
        if (error instanceof Error) {
            const cause = error.cause;
            return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
        }
        return String(error);
    }
});
define("clients/typescript/src/generated/client", ["require", "exports", "clients/typescript/src/runtime"], function (require, exports, runtime_js_1) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DeltaClient = void 0;
    class DeltaClient {
        constructor(baseUrl, options = {}) {
            this.transport = new runtime_js_1.Transport(baseUrl, options);
        }
        async getHealth() {
            const response = await this.transport.request({
                method: "GET",
                path: "/health",
            });
            return response.json();
        }
        async putEntities(database, body, options = {}) {
            const response = await this.transport.request({
                method: "PUT",
                path: "/entity/{database}",
                pathParams: { database: database },
                headers: { "If-Match": options.ifMatch, "If-None-Match": options.ifNoneMatch },
                body: body,
                hasBody: true,
            });
            return response.json();
        }
        async getEntity(database, key) {
            const response = await this.transport.request({
                method: "GET",
                path: "/entity/{database}",
                pathParams: { database: database },
                query: { key: key },
            });
            return {
                body: response.json(),
                etag: response.header("ETag"),
            };
        }
        async deleteEntity(database, key, options = {}) {
            const response = await this.transport.request({
                method: "DELETE",
                path: "/entity/{database}",
                pathParams: { database: database },
                query: { key: key },
                headers: { "If-Match": options.ifMatch },
            });
            return response.json();
        }
        async patchEntity(database, key, body, options = {}) {
            const response = await this.transport.request({
                method: "PATCH",
                path: "/entity/{database}",
                pathParams: { database: database },
                query: { key: key },
                headers: { "If-Match": options.ifMatch },
                body: body,
                hasBody: true,
                contentType: options.contentType ?? "application/merge-patch+json",
            });
            return {
                body: response.json(),
                etag: response.header("ETag"),
            };
        }
        async listSchemas() {
            const response = await this.transport.request({
                method: "GET",
                path: "/admin/schemas",
            });
            return response.json();
        }
        async getSchema(schemaID) {
            const response = await this.transport.request({
                method: "GET",
                path: "/schema/{schemaID}",
                pathParams: { schemaID: schemaID },
            });
            return response.json();
        }
        async putSchema(schemaID, body) {
            const response = await this.transport.request({
                method: "PUT",
                path: "/schema/{schemaID}",
                pathParams: { schemaID: schemaID },
                body: body,
                hasBody: true,
            });
            return response.json();
        }
        async deleteSchema(schemaID) {
            const response = await this.transport.request({
                method: "DELETE",
                path: "/schema/{schemaID}",
                pathParams: { schemaID: schemaID },
            });
            return response.json();
        }
        async exportSchema(schemaID, format) {
            const response = await this.transport.request({
                method: "GET",
                path: "/schema/{schemaID}/export",
                pathParams: { schemaID: schemaID },
                query: { format: format },
            });
            return response.text();
        }
        async validateAgainstSchema(schemaID, body) {
            const response = await this.transport.request({
                method: "POST",
                path: "/schema/{schemaID}/validate",
                pathParams: { schemaID: schemaID },
                body: body,
                hasBody: true,
            });
            return response.json();
        }
        async listDatabases(options = {}) {
            const response = await this.transport.request({
                method: "GET",
                path: "/api/databases",
                query: { prefix: options.prefix, limit: options.limit, after: options.after },
            });
            return response.json();
        }
        async listEntities(database, options = {}) {
            const response = await this.transport.request({
                method: "GET",
                path: "/api/databases/{database}/entities",
                pathParams: { database: database },
                query: { prefix: options.prefix, limit: options.limit, after: options.after },
            });
            return response.json();
        }
        async listWorkers() {
            const response = await this.transport.request({
                method: "GET",
                path: "/admin/workers",
            });
            return response.json();
        }
        async getReady() {
            const response = await this.transport.request({
                method: "GET",
                path: "/ready",
            });
            return response.json();
        }
        async createBackup(body) {
            const response = await this.transport.request({
                method: "POST",
                path: "/api/backups",
                body: body,
                hasBody: true,
            });
            return response.json();
        }
        async getStats() {
            const response = await this.transport.request({
                method: "GET",
                path: "/api/stats",
            });
            return response.json();
        }
        async getDatabase(database) {
            const response = await this.transport.request({
                method: "GET",
                path: "/api/databases/{database}",
                pathParams: { database: database },
            });
            return response.json();
        }
        async putDatabase(database, body) {
            const response = await this.transport.request({
                method: "PUT",
                path: "/api/databases/{database}",
                pathParams: { database: database },
                body: body,
                hasBody: true,
            });
            return response.json();
        }
        async login(body) {
            const response = await this.transport.request({
                method: "POST",
                path: "/api/login",
                body: body,
                hasBody: true,
            });
            return response.json();
        }
        async logout() {
            const response = await this.transport.request({
                method: "POST",
                path: "/api/logout",
            });
            return response.json();
        }
        async getMe() {
            const response = await this.transport.request({
                method: "GET",
                path: "/api/me",
            });
            return response.json();
        }
        async listAPIKeys() {
            const response = await this.transport.request({
                method: "GET",
                path: "/api/keys",
            });
            return response.json();
        }
        async createAPIKey(body) {
            const response = await this.transport.request({
                method: "POST",
                path: "/api/keys",
                body: body,
                hasBody: true,
            });
            return response.json();
        }
        async deleteAPIKey(id) {
            const response = await this.transport.request({
                method: "DELETE",
                path: "/api/keys/{id}",
                pathParams: { id: id },
            });
            return response.json();
        }
    }
    exports.DeltaClient = DeltaClient;
});
define("clients/typescript/src/index", ["require", "exports", "clients/typescript/src/generated/models", "clients/typescript/src/generated/client", "clients/typescript/src/runtime"], function (require, exports, models_js_1, client_js_1, runtime_js_2) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DeltaError = void 0;
    __exportStar(models_js_1, exports);
    __exportStar(client_js_1, exports);
    Object.defineProperty(exports, "DeltaError", { enumerable: true, get: function () { return runtime_js_2.DeltaError; } });
});
define("console/src/session", ["require", "exports", "clients/typescript/src/index"], function (require, exports, index_js_1) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isUnauthorized = exports.mayUseDatabase = exports.lacking = exports.can = exports.signOut = exports.signInWithToken = exports.signInWithKey = exports.client = exports.origin = exports.clearSession = exports.saveSession = exports.currentSession = void 0;
    const STORAGE_KEY = "deltadb.console.session";
    let current;
    function currentSession() {
        if (current === undefined) {
            const stored = sessionStorage.getItem(STORAGE_KEY);
            if (stored !== null) {
                try {
                    current = JSON.parse(stored);
                }
                catch {
                    sessionStorage.removeItem(STORAGE_KEY);
                }
            }
        }
        return current;
    }
    exports.currentSession = currentSession;
    function saveSession(session) {
        current = session;
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    }
    exports.saveSession = saveSession;
    function clearSession() {
        current = undefined;
        sessionStorage.removeItem(STORAGE_KEY);
    }
    exports.clearSession = clearSession;
    function origin() {
        return window.location.origin;
    }
    exports.origin = origin;
    function client() {
        return new index_js_1.DeltaClient(origin(), { token: currentSession()?.token, timeoutMs: 30000 });
    }
    exports.client = client;
    async function signInWithKey(key) {
        const login = await new index_js_1.DeltaClient(origin()).login({ key });
        const me = await new index_js_1.DeltaClient(origin(), { token: login.token }).getMe();
        const session = { token: login.token, expiresAt: me.expires_at ?? login.expires_at, me };
        saveSession(session);
        return session;
    }
    exports.signInWithKey = signInWithKey;
    async function signInWithToken(token) {
        const me = await new index_js_1.DeltaClient(origin(), { token }).getMe();
        const session = { token, expiresAt: me.expires_at, me };
        saveSession(session);
        return session;
    }
    exports.signInWithToken = signInWithToken;
    async function signOut() {
        const session = currentSession();
        clearSession();
        if (session === undefined || session.me.credential !== "session")
            return undefined;
        try {
            await new index_js_1.DeltaClient(origin(), { token: session.token }).logout();
            return undefined;
        }
        catch (error) {
            if (error instanceof index_js_1.DeltaError && error.status === 401)
                return undefined;
            return error instanceof Error ? error.message : String(error);
        }
    }
    exports.signOut = signOut;
    function can(permission) {
        const me = currentSession()?.me;
        if (me === undefined)
            return false;
        return me.is_admin || me.permissions.includes(permission);
    }
    exports.can = can;
    function lacking(permission) {
        if (can(permission))
            return undefined;
        const held = currentSession()?.me.permissions ?? [];
        return `Needs the ${permission} permission; this credential has ${held.length === 0 ? "none" : held.join(", ")}.`;
    }
    exports.lacking = lacking;
    function mayUseDatabase(database) {
        const limited = currentSession()?.me.databases;
        return limited === undefined || limited.includes(database);
    }
    exports.mayUseDatabase = mayUseDatabase;
    function isUnauthorized(error) {
        return error instanceof index_js_1.DeltaError && error.status === 401;
    }
    exports.isUnauthorized = isUnauthorized;
});
define("console/src/ui", ["require", "exports", "clients/typescript/src/index", "console/src/dom", "console/src/session"], function (require, exports, index_js_2, dom_js_1, session_js_1) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.jsonBlock = exports.table = exports.section = exports.confirmButton = exports.downloadButton = exports.copyButton = exports.busy = exports.button = exports.permissionNote = exports.guard = exports.notice = exports.showError = exports.violationsBox = exports.errorBox = exports.UNAUTHORIZED_EVENT = void 0;
    exports.UNAUTHORIZED_EVENT = "deltadb:unauthorized";
    function errorBox(error, context) {
        const box = (0, dom_js_1.h)("div", { class: "notice error", attrs: { role: "alert" } });
        if (error instanceof index_js_2.DeltaError) {
            const heading = context ? `${context}: ${error.message}` : error.message;
            box.appendChild((0, dom_js_1.h)("p", {}, (0, dom_js_1.h)("strong", {}, heading), " ", (0, dom_js_1.h)("span", { class: "code" }, error.status === 0 ? error.code : `${error.status} ${error.code}`)));
            if (error.details.length > 0) {
                box.appendChild((0, dom_js_1.h)("ul", { class: "details" }, ...error.details.map((detail) => (0, dom_js_1.h)("li", {}, (0, dom_js_1.h)("code", {}, detail.pointer === "" ? "/" : detail.pointer), " ", detail.message))));
            }
        }
        else {
            box.appendChild((0, dom_js_1.h)("p", {}, (0, dom_js_1.h)("strong", {}, context ? `${context}: ` : ""), error instanceof Error ? error.message : String(error)));
        }
        return box;
    }
    exports.errorBox = errorBox;
    function violationsBox(title, errors) {
        return (0, dom_js_1.h)("div", { class: "notice error", attrs: { role: "alert" } }, (0, dom_js_1.h)("p", {}, (0, dom_js_1.h)("strong", {}, title)), (0, dom_js_1.h)("ul", { class: "details" }, ...errors.map((detail) => (0, dom_js_1.h)("li", { attrs: { "data-pointer": detail.pointer } }, (0, dom_js_1.h)("code", {}, detail.pointer === "" ? "/" : detail.pointer), " ", detail.message))));
    }
    exports.violationsBox = violationsBox;
    function showError(slot, error, context) {
        if ((0, session_js_1.isUnauthorized)(error)) {
            window.dispatchEvent(new CustomEvent(exports.UNAUTHORIZED_EVENT, { detail: error instanceof Error ? error.message : "" }));
            return;
        }
        (0, dom_js_1.replace)(slot, errorBox(error, context));
    }
    exports.showError = showError;
    function notice(kind, ...children) {
        return (0, dom_js_1.h)("div", { class: `notice ${kind}`, attrs: { role: kind === "warning" ? "alert" : "status" } }, ...children);
    }
    exports.notice = notice;
    function guard(control, permission, sharedReasonId) {
        const reason = (0, session_js_1.lacking)(permission);
        if (reason === undefined)
            return control;
        control.disabled = true;
        const reasonId = sharedReasonId ?? (0, dom_js_1.uid)("reason");
        const existing = control.getAttribute("aria-describedby");
        control.setAttribute("aria-describedby", existing ? `${existing} ${reasonId}` : reasonId);
        control.title = reason;
        control.dataset.disabledReason = reason;
        if (sharedReasonId !== undefined)
            return control;
        return (0, dom_js_1.h)("span", { class: "guarded" }, control, (0, dom_js_1.h)("span", { class: "reason", id: reasonId }, reason));
    }
    exports.guard = guard;
    function permissionNote(permission, id, what) {
        const reason = (0, session_js_1.lacking)(permission);
        if (reason === undefined)
            return null;
        return (0, dom_js_1.h)("p", { class: "notice warning reason", id, attrs: { "data-testid": "permission-note" } }, `${what} are disabled. ${reason}`);
    }
    exports.permissionNote = permissionNote;
    function button(label, onClick, kind = "") {
        return (0, dom_js_1.h)("button", { class: kind, attrs: { type: "button" }, on: { click: onClick } }, label);
    }
    exports.button = button;
    async function busy(control, errorSlot, action) {
        control.disabled = true;
        control.setAttribute("aria-busy", "true");
        (0, dom_js_1.replace)(errorSlot);
        try {
            await action();
        }
        catch (error) {
            showError(errorSlot, error);
        }
        finally {
            control.disabled = false;
            control.removeAttribute("aria-busy");
        }
    }
    exports.busy = busy;
    function copyButton(label, text) {
        const control = button(label, async () => {
            const value = text();
            try {
                await navigator.clipboard.writeText(value);
                control.textContent = "Copied";
            }
            catch {
                const area = (0, dom_js_1.h)("textarea", { class: "offscreen", attrs: { "aria-hidden": "true", tabindex: -1 }, props: { value } });
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
    exports.copyButton = copyButton;
    function downloadButton(label, filename, text, type = "text/plain") {
        return button(label, () => {
            const url = URL.createObjectURL(new Blob([text()], { type: `${type};charset=utf-8` }));
            const link = (0, dom_js_1.h)("a", { attrs: { href: url, download: filename() } });
            document.body.appendChild(link);
            link.click();
            link.remove();
            window.setTimeout(() => URL.revokeObjectURL(url), 1000);
        });
    }
    exports.downloadButton = downloadButton;
    function confirmButton(label, confirmLabel, action, accessibleName) {
        const wrapper = (0, dom_js_1.h)("span", { class: "confirm" });
        const start = button(label, () => {
            const yes = button(confirmLabel, () => void action(yes), "danger");
            const no = button("Cancel", () => {
                (0, dom_js_1.replace)(wrapper, start);
                start.focus();
            });
            (0, dom_js_1.replace)(wrapper, yes, no);
            yes.focus();
        }, "danger");
        if (accessibleName)
            start.setAttribute("aria-label", accessibleName);
        (0, dom_js_1.replace)(wrapper, start);
        return wrapper;
    }
    exports.confirmButton = confirmButton;
    function section(title, ...children) {
        const headingId = (0, dom_js_1.uid)("section");
        return (0, dom_js_1.h)("section", { class: "card", attrs: { "aria-labelledby": headingId } }, (0, dom_js_1.h)("h2", { id: headingId }, title), ...children);
    }
    exports.section = section;
    function table(caption, headings, rows, className = "") {
        return (0, dom_js_1.h)("table", { class: className }, (0, dom_js_1.h)("caption", { class: "visually-hidden" }, caption), (0, dom_js_1.h)("thead", {}, (0, dom_js_1.h)("tr", {}, ...headings.map((heading) => (0, dom_js_1.h)("th", { attrs: { scope: "col" } }, heading)))), (0, dom_js_1.h)("tbody", {}, ...rows.map((cells) => (0, dom_js_1.h)("tr", {}, ...cells.map((cell) => (0, dom_js_1.h)("td", {}, cell))))));
    }
    exports.table = table;
    function jsonBlock(value, label) {
        return (0, dom_js_1.h)("pre", { class: "json", attrs: { tabindex: 0, "aria-label": label } }, JSON.stringify(value, null, 2));
    }
    exports.jsonBlock = jsonBlock;
});
define("console/src/pages/login", ["require", "exports", "console/src/dom", "console/src/session", "console/src/ui"], function (require, exports, dom_js_2, session_js_2, ui_js_1) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.renderLogin = void 0;
    function renderLogin(app, message, signedIn) {
        const errors = (0, dom_js_2.h)("div", { attrs: { "aria-live": "polite" } });
        const keyInput = (0, dom_js_2.h)("input", { attrs: { type: "password", name: "key", autocomplete: "current-password", required: true, spellcheck: "false" } });
        const submit = (0, dom_js_2.h)("button", { class: "primary", attrs: { type: "submit" } }, "Sign in");
        const keyForm = (0, dom_js_2.h)("form", {
            class: "stack",
            attrs: { "aria-label": "Sign in with a key" },
            on: {
                submit: async (event) => {
                    event.preventDefault();
                    await attempt(submit, () => (0, session_js_2.signInWithKey)(keyInput.value.trim()));
                },
            },
        }, (0, dom_js_2.field)("Admin key or API key", keyInput, "Exchanged for a session token that lives in this tab only; the key itself is not stored."), submit);
        const tokenInput = (0, dom_js_2.h)("input", { attrs: { type: "password", name: "token", autocomplete: "off", required: true, spellcheck: "false" } });
        const tokenSubmit = (0, dom_js_2.h)("button", { attrs: { type: "submit" } }, "Use session token");
        const tokenForm = (0, dom_js_2.h)("form", {
            class: "stack",
            attrs: { "aria-label": "Sign in with a session token" },
            on: {
                submit: async (event) => {
                    event.preventDefault();
                    await attempt(tokenSubmit, () => (0, session_js_2.signInWithToken)(tokenInput.value.trim()));
                },
            },
        }, (0, dom_js_2.field)("Session token", tokenInput, "A token from POST /api/login, e.g. one a script created."), tokenSubmit);
        async function attempt(control, action) {
            control.disabled = true;
            (0, dom_js_2.replace)(errors);
            try {
                await action();
                signedIn();
            }
            catch (error) {
                (0, dom_js_2.replace)(errors, (0, ui_js_1.errorBox)(error, "Sign-in failed"));
                control.disabled = false;
            }
        }
        const card = (0, dom_js_2.h)("main", { id: "main", class: "login", attrs: { tabindex: -1 } }, (0, dom_js_2.h)("div", { class: "login-card" }, (0, dom_js_2.h)("p", { class: "brand" }, (0, dom_js_2.h)("span", { class: "logo", attrs: { "aria-hidden": "true" } }, "Δ"), "DeltaDatabase"), (0, dom_js_2.h)("h1", {}, "Sign in to the console"), message ? (0, ui_js_1.notice)("info", message) : null, errors, keyForm, (0, dom_js_2.h)("details", { class: "token-login" }, (0, dom_js_2.h)("summary", {}, "Sign in with a session token instead"), tokenForm)));
        (0, dom_js_2.replace)(app, card);
        keyInput.focus();
    }
    exports.renderLogin = renderLogin;
});
define("console/src/pages/dashboard", ["require", "exports", "console/src/dom", "console/src/session", "console/src/ui"], function (require, exports, dom_js_3, session_js_3, ui_js_2) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dashboardPage = void 0;
    const REFRESH_MS = 5000;
    const COUNT_EVERY = 6;
    const COUNT_PAGE = 1000;
    const COUNT_MAX_PAGES = 10;
    function tile(label, testId) {
        const value = (0, dom_js_3.h)("p", { class: "tile-value", attrs: { "data-testid": testId } }, "…");
        const detail = (0, dom_js_3.h)("p", { class: "tile-detail" });
        return { element: (0, dom_js_3.h)("section", { class: "tile", attrs: { "aria-label": label } }, (0, dom_js_3.h)("h2", {}, label), value, detail), value, detail };
    }
    function set(t, value, detail = "", tone = "") {
        t.value.textContent = value;
        t.value.className = `tile-value ${tone}`;
        t.detail.textContent = detail;
    }
    exports.dashboardPage = {
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
            const errors = (0, dom_js_3.h)("div", { attrs: { "aria-live": "polite" } });
            const updated = (0, dom_js_3.h)("p", { class: "muted", attrs: { "data-testid": "updated" } });
            (0, dom_js_3.replace)(root, errors, (0, dom_js_3.h)("div", { class: "tiles" }, health.element, databases.element, entities.element, cache.element, workers.element, server.element), updated);
            let round = 0;
            let stopped = false;
            let names = [];
            async function refresh() {
                const api = (0, session_js_3.client)();
                const problems = [];
                await Promise.all([
                    api.getHealth().then((answer) => set(health, answer.status === "ok" ? "Healthy" : answer.status, "GET /health", answer.status === "ok" ? "good" : "bad"), (error) => { set(health, "Unreachable", error instanceof Error ? error.message : "", "bad"); problems.push(error); }),
                    (0, session_js_3.can)("read")
                        ? api.listDatabases().then((list) => { names = list; set(databases, String(list.length), list.slice(0, 4).join(", ") + (list.length > 4 ? ", …" : "")); }, (error) => problems.push(error))
                        : Promise.resolve(set(databases, "—", (0, session_js_3.lacking)("read") ?? "")),
                    (0, session_js_3.can)("admin")
                        ? api.getStats().then((stats) => { showCache(stats); showServer(stats); }, (error) => problems.push(error))
                        : Promise.resolve((set(cache, "—", (0, session_js_3.lacking)("admin") ?? ""), set(server, window.location.host, `Version and storage: ${(0, session_js_3.lacking)("admin") ?? ""}`, "small"))),
                    (0, session_js_3.can)("admin") ? api.listWorkers().then((list) => showWorkers(list), (error) => problems.push(error)) : Promise.resolve(set(workers, "—", (0, session_js_3.lacking)("admin") ?? "")),
                ]);
                if ((0, session_js_3.can)("read") && round % COUNT_EVERY === 0) {
                    await countEntities().catch((error) => problems.push(error));
                }
                else if (!(0, session_js_3.can)("read")) {
                    set(entities, "—", (0, session_js_3.lacking)("read") ?? "");
                }
                round += 1;
                if (problems.length > 0)
                    (0, ui_js_2.showError)(errors, problems[0], "Refresh failed");
                else
                    (0, dom_js_3.replace)(errors);
                updated.textContent = `Updated ${(0, dom_js_3.formatTime)(new Date().toISOString())}`;
            }
            function showCache(stats) {
                const c = stats.cache;
                const lookups = c.hits + c.misses;
                const rate = lookups === 0 ? "—" : `${((100 * c.hits) / lookups).toFixed(1)} %`;
                set(cache, rate, `${c.hits} hits, ${c.misses} misses; ${c.entries} entries, ${formatBytes(c.bytes)} held; ${c.evictions} evictions, ${c.expirations} expirations`);
            }
            function showServer(stats) {
                const about = stats.server;
                const storage = about.storage_backend === "s3" ? "S3 bucket" : "shared directory";
                set(server, `${about.role} ${about.version}`, `${window.location.host}; storage: ${storage} (${about.storage_backend}); serving since ${(0, dom_js_3.formatTime)(about.started_at)}`, "small");
            }
            function showWorkers(list) {
                const byStatus = new Map();
                for (const worker of list)
                    byStatus.set(worker.status, (byStatus.get(worker.status) ?? 0) + 1);
                const parts = [...byStatus.entries()].map(([status, count]) => `${count} ${status}`);
                const available = byStatus.get("Available") ?? 0;
                set(workers, `${available} / ${list.length}`, parts.length > 0 ? `available / registered: ${parts.join(", ")}` : "no worker registered", available > 0 ? "good" : "bad");
            }
            async function countEntities() {
                const api = (0, session_js_3.client)();
                let total = 0;
                let capped = false;
                for (const name of names) {
                    let after;
                    for (let page = 0; page < COUNT_MAX_PAGES; page++) {
                        const list = await api.listEntities(name, { limit: COUNT_PAGE, after });
                        total += list.entities.length;
                        after = list.next_cursor;
                        if (after === undefined)
                            break;
                        if (page === COUNT_MAX_PAGES - 1)
                            capped = true;
                    }
                    if (stopped)
                        return;
                }
                set(entities, `${total}${capped ? "+" : ""}`, `in ${names.length} database${names.length === 1 ? "" : "s"}, counted from the key listings`);
            }
            let timer = 0;
            const loop = async () => {
                await refresh();
                if (!stopped)
                    timer = window.setTimeout(loop, REFRESH_MS);
            };
            void loop();
            return () => {
                stopped = true;
                window.clearTimeout(timer);
            };
        },
    };
    function formatBytes(bytes) {
        if (bytes < 1024)
            return `${bytes} B`;
        if (bytes < 1024 * 1024)
            return `${(bytes / 1024).toFixed(1)} KiB`;
        return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    }
});
define("console/src/pages/databases", ["require", "exports", "console/src/dom", "console/src/session", "console/src/ui"], function (require, exports, dom_js_4, session_js_4, ui_js_3) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.databasesPage = void 0;
    const PAGE_SIZE = 50;
    exports.databasesPage = {
        route: "databases",
        title: "Databases",
        summary: "Databases that hold at least one entity, and the schema each one's writes are validated against.",
        render({ root, navigate }) {
            const errors = (0, dom_js_4.h)("div", { attrs: { "aria-live": "polite" } });
            const filter = (0, dom_js_4.h)("input", { attrs: { type: "search", placeholder: "e.g. chat", spellcheck: "false" } });
            const body = (0, dom_js_4.h)("tbody", {});
            const summary = (0, dom_js_4.h)("p", { class: "muted", attrs: { "aria-live": "polite", "data-testid": "database-summary" } });
            const more = (0, dom_js_4.h)("button", { attrs: { type: "button" } }, "Show more");
            more.hidden = true;
            const status = (0, dom_js_4.h)("div", { attrs: { "aria-live": "polite" } });
            const reasonId = (0, dom_js_4.uid)("reason");
            (0, dom_js_4.replace)(root, (0, ui_js_3.permissionNote)("admin", reasonId, "Binding and unbinding"), errors, status, (0, ui_js_3.section)("All databases", (0, dom_js_4.h)("div", { class: "toolbar" }, (0, dom_js_4.field)("Filter by name prefix", filter)), (0, dom_js_4.h)("table", { class: "data", attrs: { "data-testid": "databases" } }, (0, dom_js_4.h)("caption", { class: "visually-hidden" }, "Databases"), (0, dom_js_4.h)("thead", {}, (0, dom_js_4.h)("tr", {}, ...["Database", "Schema", "Bind a schema", "Entities"].map((text) => (0, dom_js_4.h)("th", { attrs: { scope: "col" } }, text)))), body), summary, more));
            let schemas = [];
            let shown = 0;
            let last;
            let generation = 0;
            async function load() {
                try {
                    schemas = await (0, session_js_4.client)().listSchemas();
                    await restart();
                }
                catch (error) {
                    (0, ui_js_3.showError)(errors, error, "Could not list databases");
                }
            }
            async function restart() {
                generation += 1;
                (0, dom_js_4.replace)(body);
                shown = 0;
                last = undefined;
                await showMore();
            }
            async function showMore() {
                const mine = generation;
                const api = (0, session_js_4.client)();
                const prefix = filter.value.trim();
                const names = await api.listDatabases({ prefix: prefix === "" ? undefined : prefix, limit: PAGE_SIZE, after: last });
                const infos = await Promise.all(names.map((name) => api.getDatabase(name).catch(() => ({ name, schema_id: null, bound: false }))));
                if (mine !== generation)
                    return;
                for (const info of infos)
                    body.appendChild(row(info));
                shown += names.length;
                last = names.length > 0 ? names[names.length - 1] : last;
                const full = names.length === PAGE_SIZE;
                summary.textContent = shown === 0 ? (prefix === "" ? "No database holds an entity yet: create one on the Entities page." : "No database name starts with the filter.") : `Showing ${shown}${full ? "; more follow" : ", all of them"}.`;
                more.hidden = !full;
            }
            function row(info) {
                const tr = (0, dom_js_4.h)("tr", { attrs: { "data-database": info.name } });
                fill(tr, info);
                return tr;
            }
            function fill(tr, info) {
                const schemaCell = info.schema_id === null ? (0, dom_js_4.h)("span", { class: "muted" }, "none (writes are not validated)") : (0, dom_js_4.h)("span", {}, (0, dom_js_4.h)("code", {}, info.schema_id), info.bound ? " (bound)" : " (same name as the database)");
                const select = (0, dom_js_4.h)("select", { attrs: { "aria-label": `Schema for ${info.name}` } }, (0, dom_js_4.h)("option", { props: { value: "" } }, "Choose a schema…"), ...schemas.map((id) => (0, dom_js_4.h)("option", { props: { value: id, selected: id === info.schema_id } }, id)));
                const bind = (0, dom_js_4.h)("button", { attrs: { type: "button" } }, "Bind");
                const unbind = (0, dom_js_4.h)("button", { class: "quiet", attrs: { type: "button" } }, "Unbind");
                bind.addEventListener("click", () => (0, ui_js_3.busy)(bind, errors, async () => {
                    if (select.value === "") {
                        (0, dom_js_4.replace)(status, (0, ui_js_3.notice)("warning", "Choose a schema to bind first."));
                        return;
                    }
                    const updated = await (0, session_js_4.client)().putDatabase(info.name, { schema_id: select.value });
                    fill(tr, updated);
                    (0, dom_js_4.replace)(status, (0, ui_js_3.notice)("success", `${info.name} is bound to ${select.value}: every later write is validated against it.`));
                }));
                unbind.addEventListener("click", () => (0, ui_js_3.busy)(unbind, errors, async () => {
                    const updated = await (0, session_js_4.client)().putDatabase(info.name, { schema_id: null });
                    fill(tr, updated);
                    (0, dom_js_4.replace)(status, (0, ui_js_3.notice)("success", `${info.name} has no binding now.`));
                }));
                unbind.disabled = !info.bound;
                const open = (0, dom_js_4.h)("a", { attrs: { href: `#/entities?db=${encodeURIComponent(info.name)}` }, on: { click: (event) => { event.preventDefault(); navigate(`#/entities?db=${encodeURIComponent(info.name)}`); } } }, "Browse entities");
                (0, dom_js_4.replace)(tr, (0, dom_js_4.h)("th", { attrs: { scope: "row" } }, info.name), (0, dom_js_4.h)("td", { attrs: { "data-testid": "schema" } }, schemaCell), (0, dom_js_4.h)("td", {}, (0, dom_js_4.h)("div", { class: "inline" }, (0, ui_js_3.guard)(select, "admin", reasonId), (0, ui_js_3.guard)(bind, "admin", reasonId), info.bound ? (0, ui_js_3.guard)(unbind, "admin", reasonId) : null)), (0, dom_js_4.h)("td", {}, open));
            }
            filter.addEventListener("input", () => void restart().catch((error) => (0, ui_js_3.showError)(errors, error, "Could not list databases")));
            more.addEventListener("click", () => void (0, ui_js_3.busy)(more, errors, showMore));
            void load();
        },
    };
});
define("console/src/jsontext", ["require", "exports"], function (require, exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.parseJSON = exports.diffLines = exports.lineOf = exports.prettyWithLines = exports.escapeToken = void 0;
    function escapeToken(token) {
        return token.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeToken = escapeToken;
    function prettyWithLines(value) {
        const text = JSON.stringify(value, null, 2);
        const lines = new Map();
        let line = 1;
        const walk = (node, pointer) => {
            lines.set(pointer, line);
            if (Array.isArray(node)) {
                if (node.length === 0)
                    return;
                node.forEach((item, index) => {
                    line += 1;
                    walk(item, `${pointer}/${index}`);
                });
                line += 1;
            }
            else if (node !== null && typeof node === "object") {
                const entries = Object.entries(node).filter(([, item]) => item !== undefined);
                if (entries.length === 0)
                    return;
                for (const [key, item] of entries) {
                    line += 1;
                    walk(item, `${pointer}/${escapeToken(key)}`);
                }
                line += 1;
            }
        };
        walk(value, "");
        return { text, lines };
    }
    exports.prettyWithLines = prettyWithLines;
    function lineOf(lines, pointer) {
        let current = pointer;
        for (;;) {
            const found = lines.get(current);
            if (found !== undefined)
                return found;
            if (current === "")
                return undefined;
            current = current.slice(0, current.lastIndexOf("/"));
        }
    }
    exports.lineOf = lineOf;
    function diffLines(before, after) {
        const a = before.split("\n");
        const b = after.split("\n");
        if (a.length * b.length > 4000000) {
            return [...a.map((text) => ({ kind: "-", text })), ...b.map((text) => ({ kind: "+", text }))];
        }
        const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
        for (let i = a.length - 1; i >= 0; i--) {
            for (let j = b.length - 1; j >= 0; j--) {
                table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
            }
        }
        const result = [];
        let i = 0;
        let j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] === b[j]) {
                result.push({ kind: " ", text: a[i] });
                i++;
                j++;
            }
            else if (table[i + 1][j] >= table[i][j + 1]) {
                result.push({ kind: "-", text: a[i++] });
            }
            else {
                result.push({ kind: "+", text: b[j++] });
            }
        }
        while (i < a.length)
            result.push({ kind: "-", text: a[i++] });
        while (j < b.length)
            result.push({ kind: "+", text: b[j++] });
        return result;
    }
    exports.diffLines = diffLines;
    function parseJSON(text) {
        try {
            return { ok: true, value: JSON.parse(text) };
        }
        catch (error) {
            return { ok: false, message: error instanceof Error ? error.message : String(error) };
        }
    }
    exports.parseJSON = parseJSON;
});
define("console/src/pages/entities", ["require", "exports", "clients/typescript/src/index", "console/src/dom", "console/src/jsontext", "console/src/session", "console/src/ui"], function (require, exports, index_js_3, dom_js_5, jsontext_js_1, session_js_5, ui_js_4) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.entitiesPage = void 0;
    const PAGE_SIZE = 100;
    const versionOf = (etag) => etag.replace(/^W\//, "").replace(/"/g, "");
    exports.entitiesPage = {
        route: "entities",
        title: "Entities",
        summary: "Browse a database's documents by key prefix; view, create, edit and delete them.",
        render({ root, params, setParams }) {
            const reasonId = (0, dom_js_5.uid)("reason");
            const errors = (0, dom_js_5.h)("div", { attrs: { "aria-live": "polite" } });
            const databaseInput = (0, dom_js_5.h)("input", { attrs: { type: "text", list: "entity-databases", spellcheck: "false", autocomplete: "off", placeholder: "e.g. chatdb" } });
            const databaseList = (0, dom_js_5.h)("datalist", { id: "entity-databases" });
            const openButton = (0, dom_js_5.h)("button", { class: "primary", attrs: { type: "submit" } }, "Open");
            const prefixInput = (0, dom_js_5.h)("input", { attrs: { type: "search", spellcheck: "false", autocomplete: "off", placeholder: "e.g. session_" } });
            const keys = (0, dom_js_5.h)("ul", { class: "key-list", attrs: { "aria-label": "Entity keys", "data-testid": "keys" } });
            const listStatus = (0, dom_js_5.h)("p", { class: "muted", attrs: { "aria-live": "polite", "data-testid": "list-status" } });
            const moreButton = (0, dom_js_5.h)("button", { attrs: { type: "button" } }, "Load more");
            moreButton.hidden = true;
            const newButton = (0, ui_js_4.button)("New entity", () => showCreate(), "primary");
            const schemaLine = (0, dom_js_5.h)("p", { class: "muted", attrs: { "data-testid": "schema-line" } });
            const panel = (0, dom_js_5.h)("section", { class: "card document", attrs: { "aria-label": "Document", "data-testid": "document-panel" } });
            (0, dom_js_5.replace)(root, (0, ui_js_4.permissionNote)("write", reasonId, "Creating, editing and deleting entities"), errors, (0, dom_js_5.h)("div", { class: "split" }, (0, dom_js_5.h)("section", { class: "card browser", attrs: { "aria-label": "Browse keys" } }, (0, dom_js_5.h)("form", { class: "inline-form", on: { submit: (event) => { event.preventDefault(); openDatabase(databaseInput.value.trim()); } } }, (0, dom_js_5.field)("Database", databaseInput), databaseList, openButton), (0, dom_js_5.field)("Key prefix", prefixInput), schemaLine, (0, dom_js_5.h)("div", { class: "toolbar" }, (0, ui_js_4.guard)(newButton, "write", reasonId)), keys, listStatus, moreButton), panel));
            let database = "";
            let cursor;
            let listed = 0;
            let loaded;
            let listGeneration = 0;
            let schemaID = null;
            (0, session_js_5.client)()
                .listDatabases()
                .then((names) => (0, dom_js_5.replace)(databaseList, ...names.map((name) => (0, dom_js_5.h)("option", { props: { value: name } }))))
                .catch((error) => (0, ui_js_4.showError)(errors, error, "Could not list databases"));
            function openDatabase(name, key) {
                if (name === "") {
                    (0, dom_js_5.replace)(errors, (0, ui_js_4.notice)("warning", "Enter a database name."));
                    return;
                }
                (0, dom_js_5.replace)(errors);
                database = name;
                databaseInput.value = name;
                setParams({ db: name, key });
                schemaLine.textContent = "";
                (0, session_js_5.client)()
                    .getDatabase(name)
                    .then((info) => {
                    schemaID = info.schema_id;
                    schemaLine.textContent = info.schema_id === null ? "Writes are not validated (no schema)." : `Writes are validated against ${info.schema_id}.`;
                })
                    .catch((error) => (0, ui_js_4.showError)(errors, error));
                void listKeys(true);
                if (key)
                    void showEntity(key);
                else
                    showEmpty();
            }
            async function listKeys(fresh) {
                if (database === "")
                    return;
                const generation = fresh ? ++listGeneration : listGeneration;
                if (fresh) {
                    cursor = undefined;
                    listed = 0;
                    (0, dom_js_5.replace)(keys);
                    listStatus.textContent = "Loading…";
                }
                moreButton.disabled = true;
                try {
                    const page = await (0, session_js_5.client)().listEntities(database, { prefix: prefixInput.value || undefined, limit: PAGE_SIZE, after: cursor });
                    if (generation !== listGeneration)
                        return;
                    const fragment = document.createDocumentFragment();
                    for (const item of page.entities)
                        fragment.appendChild(keyItem(item));
                    keys.appendChild(fragment);
                    listed += page.entities.length;
                    cursor = page.next_cursor;
                    moreButton.hidden = cursor === undefined;
                    listStatus.textContent =
                        listed === 0 ? (prefixInput.value ? `No key in ${database} starts with “${prefixInput.value}”.` : `${database} holds no entity.`) : `${listed} key${listed === 1 ? "" : "s"} shown${cursor === undefined ? "" : "; more available"}.`;
                }
                catch (error) {
                    listStatus.textContent = "";
                    (0, ui_js_4.showError)(errors, error, `Could not list ${database}`);
                }
                finally {
                    moreButton.disabled = false;
                }
            }
            function keyItem(item) {
                const select = (0, dom_js_5.h)("button", { class: "key", attrs: { type: "button", "data-key": item.key, "aria-current": loaded?.key === item.key ? "true" : undefined }, on: { click: () => void showEntity(item.key) } }, (0, dom_js_5.h)("span", { class: "key-name" }, item.key), (0, dom_js_5.h)("span", { class: "key-meta", attrs: { title: (0, dom_js_5.formatTime)(item.updated_at) } }, `v${item.version} · ${(0, dom_js_5.relativeTime)(item.updated_at)}`));
                return (0, dom_js_5.h)("li", {}, select);
            }
            function markCurrent(key) {
                for (const element of Array.from(keys.querySelectorAll("button.key"))) {
                    if (element.dataset.key === key)
                        element.setAttribute("aria-current", "true");
                    else
                        element.removeAttribute("aria-current");
                }
            }
            function showEmpty() {
                loaded = undefined;
                markCurrent(undefined);
                (0, dom_js_5.replace)(panel, (0, dom_js_5.h)("h2", {}, "Document"), (0, dom_js_5.h)("p", { class: "muted" }, database === "" ? "Open a database to browse its entities." : "Choose a key to see its document, or create a new entity."));
            }
            async function showEntity(key, message) {
                const panelErrors = (0, dom_js_5.h)("div");
                (0, dom_js_5.replace)(panel, (0, dom_js_5.h)("h2", {}, key), (0, dom_js_5.h)("p", { class: "muted" }, "Loading…"));
                try {
                    const { body, etag } = await (0, session_js_5.client)().getEntity(database, key);
                    loaded = { key, body, etag: etag ?? "" };
                    setParams({ db: database, key });
                    markCurrent(key);
                    renderView(loaded, panelErrors, message);
                }
                catch (error) {
                    (0, dom_js_5.replace)(panel, (0, dom_js_5.h)("h2", {}, key), panelErrors);
                    (0, ui_js_4.showError)(panelErrors, error, `Could not read ${key}`);
                }
            }
            function renderView(entity, panelErrors, message) {
                const edit = (0, ui_js_4.button)("Edit", () => renderEditor(entity), "primary");
                const remove = (0, ui_js_4.confirmButton)("Delete", `Delete ${entity.key} now`, async (control) => {
                    await (0, ui_js_4.busy)(control, panelErrors, async () => {
                        await (0, session_js_5.client)().deleteEntity(database, entity.key, { ifMatch: entity.etag });
                        keys.querySelector(`button.key[data-key="${CSS.escape(entity.key)}"]`)?.parentElement?.remove();
                        listed = Math.max(0, listed - 1);
                        showEmpty();
                        (0, dom_js_5.replace)(panel.lastElementChild ?? panel, (0, ui_js_4.notice)("success", `${entity.key} was deleted.`));
                    });
                });
                const removeControl = (0, session_js_5.can)("write") ? remove : (0, ui_js_4.guard)((0, ui_js_4.button)("Delete", () => undefined, "danger"), "write", reasonId);
                (0, dom_js_5.replace)(panel, (0, dom_js_5.h)("h2", { attrs: { "data-testid": "entity-key" } }, entity.key), (0, dom_js_5.h)("p", { class: "muted", attrs: { "data-testid": "entity-version" } }, `Version ${versionOf(entity.etag)} (ETag ${entity.etag})`), message ?? null, panelErrors, (0, dom_js_5.h)("div", { class: "toolbar" }, (0, ui_js_4.guard)(edit, "write", reasonId), removeControl, (0, ui_js_4.button)("Reload", () => void showEntity(entity.key))), (0, dom_js_5.h)("pre", { class: "json", attrs: { tabindex: 0, "aria-label": `Document ${entity.key}`, "data-testid": "document" } }, JSON.stringify(entity.body, null, 2)));
            }
            function renderEditor(entity, draft) {
                const creating = entity === undefined;
                const keyInput = (0, dom_js_5.h)("input", { attrs: { type: "text", spellcheck: "false", autocomplete: "off", required: true } });
                const editor = (0, dom_js_5.h)("textarea", { class: "code", attrs: { rows: 14, spellcheck: "false", "data-testid": "editor" } });
                editor.value = draft ?? (creating ? "{\n  \n}" : JSON.stringify(entity.body, null, 2));
                const panelErrors = (0, dom_js_5.h)("div", { attrs: { "aria-live": "polite", "data-testid": "editor-errors" } });
                const save = (0, ui_js_4.button)(creating ? "Create" : "Save", () => void saveDraft(), "primary");
                const validate = (0, ui_js_4.button)("Check against schema", () => void check());
                validate.hidden = schemaID === null;
                const cancel = (0, ui_js_4.button)("Cancel", () => (creating ? showEmpty() : renderView(entity, (0, dom_js_5.h)("div"))));
                async function check() {
                    const parsed = (0, jsontext_js_1.parseJSON)(editor.value);
                    if (!parsed.ok) {
                        (0, dom_js_5.replace)(panelErrors, (0, ui_js_4.errorBox)(new Error(parsed.message), "Not JSON"));
                        return;
                    }
                    if (schemaID === null)
                        return;
                    await (0, ui_js_4.busy)(validate, panelErrors, async () => {
                        const verdict = await (0, session_js_5.client)().validateAgainstSchema(schemaID, parsed.value);
                        if (verdict.valid)
                            (0, dom_js_5.replace)(panelErrors, (0, ui_js_4.notice)("success", `The document matches ${schemaID}.`));
                        else
                            showViolations(new index_js_3.DeltaError(400, "schema_violation", `The document does not match ${schemaID}`, verdict.errors), parsed.value);
                    });
                }
                function showViolations(error, value) {
                    editor.value = JSON.stringify(value, null, 2);
                    const { lines } = (0, jsontext_js_1.prettyWithLines)(value);
                    const box = (0, ui_js_4.errorBox)(error);
                    box.querySelector("ul.details")?.remove();
                    const list = (0, dom_js_5.h)("ul", { class: "details", attrs: { "data-testid": "violations" } });
                    for (const detail of error.details) {
                        const pointer = detail.pointer === "" ? "/" : detail.pointer;
                        const line = (0, jsontext_js_1.lineOf)(lines, detail.pointer);
                        list.appendChild((0, dom_js_5.h)("li", { attrs: { "data-pointer": detail.pointer } }, (0, dom_js_5.h)("code", {}, pointer), " ", detail.message, line === undefined ? null : (0, dom_js_5.h)("span", {}, " ", (0, ui_js_4.button)(`Go to line ${line}`, () => selectLine(editor, line), "quiet"))));
                    }
                    box.appendChild(list);
                    (0, dom_js_5.replace)(panelErrors, box);
                    editor.setAttribute("aria-invalid", "true");
                }
                async function saveDraft() {
                    const key = creating ? keyInput.value.trim() : entity.key;
                    const parsed = (0, jsontext_js_1.parseJSON)(editor.value);
                    if (!parsed.ok) {
                        (0, dom_js_5.replace)(panelErrors, (0, ui_js_4.errorBox)(new Error(parsed.message), "Not JSON"));
                        editor.setAttribute("aria-invalid", "true");
                        return;
                    }
                    if (key === "") {
                        (0, dom_js_5.replace)(panelErrors, (0, ui_js_4.errorBox)(new Error("Enter a key for the new entity.")));
                        return;
                    }
                    save.disabled = true;
                    (0, dom_js_5.replace)(panelErrors);
                    try {
                        await (0, session_js_5.client)().putEntities(database, { [key]: parsed.value }, creating ? { ifNoneMatch: "*" } : { ifMatch: entity.etag });
                        if (creating)
                            void listKeys(true);
                        else
                            updateListItem(key);
                        await showEntity(key, (0, ui_js_4.notice)("success", creating ? `${key} was created.` : `${key} was saved.`));
                    }
                    catch (error) {
                        save.disabled = false;
                        if (error instanceof index_js_3.DeltaError && error.status === 412 && !creating) {
                            await showConflict(entity, editor.value);
                        }
                        else if (error instanceof index_js_3.DeltaError && error.details.length > 0) {
                            showViolations(error, parsed.value);
                        }
                        else if (error instanceof index_js_3.DeltaError && error.status === 412 && creating) {
                            (0, ui_js_4.showError)(panelErrors, new index_js_3.DeltaError(412, error.code, `${key} already exists; open it to edit it.`));
                        }
                        else {
                            (0, ui_js_4.showError)(panelErrors, error, "Not saved");
                        }
                    }
                }
                (0, dom_js_5.replace)(panel, (0, dom_js_5.h)("h2", {}, creating ? "New entity" : `Editing ${entity.key}`), creating ? null : (0, dom_js_5.h)("p", { class: "muted" }, `Based on version ${versionOf(entity.etag)}; saving fails if someone else saved since.`), creating ? (0, dom_js_5.field)("Key", keyInput, "e.g. session_001; not /, \\, . or ..") : null, (0, dom_js_5.field)("Document (JSON)", editor), panelErrors, (0, dom_js_5.h)("div", { class: "toolbar" }, save, validate, cancel));
                (creating ? keyInput : editor).focus();
            }
            async function showConflict(base, draft) {
                let current;
                try {
                    const answer = await (0, session_js_5.client)().getEntity(database, base.key);
                    current = { key: base.key, body: answer.body, etag: answer.etag ?? "" };
                }
                catch (error) {
                    if (!(error instanceof index_js_3.DeltaError && error.status === 404)) {
                        (0, ui_js_4.showError)(panel, error);
                        return;
                    }
                }
                const panelErrors = (0, dom_js_5.h)("div", { attrs: { "aria-live": "polite" } });
                const keepEditing = (0, ui_js_4.button)("Back to my edits", () => renderEditor(base, draft));
                if (current === undefined) {
                    const recreate = (0, ui_js_4.button)("Create it again with my edits", () => void (0, ui_js_4.busy)(recreate, panelErrors, async () => {
                        const parsed = JSON.parse(draft);
                        await (0, session_js_5.client)().putEntities(database, { [base.key]: parsed }, { ifNoneMatch: "*" });
                        await showEntity(base.key, (0, ui_js_4.notice)("success", `${base.key} was created again.`));
                    }), "primary");
                    (0, dom_js_5.replace)(panel, (0, dom_js_5.h)("h2", {}, `${base.key} was deleted`), (0, dom_js_5.h)("div", { class: "notice warning", attrs: { role: "alert", "data-testid": "conflict" } }, `Someone deleted ${base.key} after you loaded version ${versionOf(base.etag)}. Your edits are not saved.`), panelErrors, (0, dom_js_5.h)("div", { class: "toolbar" }, recreate, keepEditing));
                    return;
                }
                const latest = current;
                const diff = (0, jsontext_js_1.diffLines)(JSON.stringify(base.body, null, 2), JSON.stringify(latest.body, null, 2));
                const reload = (0, ui_js_4.button)("Reload (discard my edits)", () => void showEntity(base.key, (0, ui_js_4.notice)("info", `Showing version ${versionOf(latest.etag)}; your edits were discarded.`)));
                const overwrite = (0, ui_js_4.button)("Overwrite with my edits", () => void (0, ui_js_4.busy)(overwrite, panelErrors, async () => {
                    try {
                        await (0, session_js_5.client)().putEntities(database, { [base.key]: JSON.parse(draft) }, { ifMatch: latest.etag });
                    }
                    catch (error) {
                        if (error instanceof index_js_3.DeltaError && error.status === 412) {
                            await showConflict(latest, draft);
                            return;
                        }
                        throw error;
                    }
                    updateListItem(base.key);
                    await showEntity(base.key, (0, ui_js_4.notice)("success", `${base.key} was overwritten with your edits.`));
                }), "danger");
                (0, dom_js_5.replace)(panel, (0, dom_js_5.h)("h2", {}, `Conflict on ${base.key}`), (0, dom_js_5.h)("div", { class: "notice warning", attrs: { role: "alert", "data-testid": "conflict" } }, `Someone else saved ${base.key} after you loaded it: you edited version ${versionOf(base.etag)}, the server now has version ${versionOf(latest.etag)}. Nothing was saved. Their changes:`), (0, dom_js_5.h)("pre", { class: "diff", attrs: { tabindex: 0, "aria-label": `Changes from version ${versionOf(base.etag)} to ${versionOf(latest.etag)}`, "data-testid": "conflict-diff" } }, ...diff.map((line) => (0, dom_js_5.h)("span", { class: line.kind === "+" ? "added" : line.kind === "-" ? "removed" : "same" }, `${line.kind} ${line.text}\n`))), panelErrors, (0, dom_js_5.h)("div", { class: "toolbar" }, reload, (0, ui_js_4.guard)(overwrite, "write", reasonId), keepEditing));
                reload.focus();
            }
            function updateListItem(key) {
                const item = keys.querySelector(`button.key[data-key="${CSS.escape(key)}"]`);
                if (item === null)
                    return;
                (0, session_js_5.client)()
                    .getEntity(database, key)
                    .then(({ etag }) => {
                    const meta = item.querySelector(".key-meta");
                    if (meta && etag)
                        meta.textContent = `v${versionOf(etag)} · ${(0, dom_js_5.relativeTime)(new Date().toISOString())}`;
                })
                    .catch(() => undefined);
            }
            function showCreate() {
                if (database === "") {
                    (0, dom_js_5.replace)(errors, (0, ui_js_4.notice)("warning", "Open a database first (type a new name to create one)."));
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
            if (initial)
                openDatabase(initial, params.get("key") ?? undefined);
            else
                showEmpty();
            return () => window.clearTimeout(debounce);
        },
    };
    function selectLine(editor, line) {
        const lines = editor.value.split("\n");
        let start = 0;
        for (let index = 0; index < line - 1 && index < lines.length; index++)
            start += lines[index].length + 1;
        const end = start + (lines[line - 1]?.length ?? 0);
        editor.focus();
        editor.setSelectionRange(start, end);
        const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
        editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
    }
});
define("console/src/pages/schemas", ["require", "exports", "console/src/dom", "console/src/jsontext", "console/src/session", "console/src/ui"], function (require, exports, dom_js_6, jsontext_js_2, session_js_6, ui_js_5) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.schemasPage = void 0;
    const EXPORTS = [
        { format: "pydantic", label: "Pydantic", extension: "py" },
        { format: "typescript", label: "TypeScript", extension: "ts" },
    ];
    const NEW_SCHEMA = `{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "properties": {
    "name": { "type": "string" }
  },
  "required": ["name"]
}`;
    exports.schemasPage = {
        route: "schemas",
        title: "Schemas",
        summary: "JSON Schemas (draft-07) that databases validate their writes against; export them as Pydantic or TypeScript types.",
        render({ root, params, setParams }) {
            const reasonId = (0, dom_js_6.uid)("reason");
            const errors = (0, dom_js_6.h)("div", { attrs: { "aria-live": "polite" } });
            const list = (0, dom_js_6.h)("ul", { class: "key-list", attrs: { "aria-label": "Schemas", "data-testid": "schema-list" } });
            const newButton = (0, ui_js_5.button)("New schema", () => renderEditor(undefined), "primary");
            const panel = (0, dom_js_6.h)("section", { class: "card document", attrs: { "aria-label": "Schema", "data-testid": "schema-panel" } });
            (0, dom_js_6.replace)(root, (0, ui_js_5.permissionNote)("write", reasonId, "Creating, editing and deleting schemas"), errors, (0, dom_js_6.h)("div", { class: "split" }, (0, dom_js_6.h)("section", { class: "card browser", attrs: { "aria-label": "All schemas" } }, (0, dom_js_6.h)("div", { class: "toolbar" }, (0, ui_js_5.guard)(newButton, "write", reasonId)), list), panel));
            let selected;
            async function loadList() {
                try {
                    const ids = await (0, session_js_6.client)().listSchemas();
                    (0, dom_js_6.replace)(list, ...ids.map((id) => (0, dom_js_6.h)("li", {}, (0, dom_js_6.h)("button", { class: "key", attrs: { type: "button", "data-key": id, "aria-current": id === selected ? "true" : undefined }, on: { click: () => void show(id) } }, (0, dom_js_6.h)("span", { class: "key-name" }, id)))));
                    if (ids.length === 0)
                        list.appendChild((0, dom_js_6.h)("li", { class: "muted" }, "No schema yet."));
                }
                catch (error) {
                    (0, ui_js_5.showError)(errors, error, "Could not list schemas");
                }
            }
            function markCurrent() {
                for (const item of Array.from(list.querySelectorAll("button.key"))) {
                    if (item.dataset.key === selected)
                        item.setAttribute("aria-current", "true");
                    else
                        item.removeAttribute("aria-current");
                }
            }
            function showEmpty() {
                (0, dom_js_6.replace)(panel, (0, dom_js_6.h)("h2", {}, "Schema"), (0, dom_js_6.h)("p", { class: "muted" }, "Choose a schema, or create one."));
            }
            async function show(id, message) {
                selected = id;
                setParams({ id });
                markCurrent();
                (0, dom_js_6.replace)(panel, (0, dom_js_6.h)("h2", {}, id), (0, dom_js_6.h)("p", { class: "muted" }, "Loading…"));
                let schema;
                try {
                    schema = await (0, session_js_6.client)().getSchema(id);
                }
                catch (error) {
                    (0, dom_js_6.replace)(panel, (0, dom_js_6.h)("h2", {}, id));
                    (0, ui_js_5.showError)(panel, error, `Could not read ${id}`);
                    return;
                }
                const panelErrors = (0, dom_js_6.h)("div", { attrs: { "aria-live": "polite", "data-testid": "schema-errors" } });
                const edit = (0, ui_js_5.button)("Edit", () => renderEditor(id, JSON.stringify(schema, null, 2)), "primary");
                const remove = (0, session_js_6.can)("write")
                    ? (0, ui_js_5.confirmButton)("Delete", `Delete ${id} now`, (control) => (0, ui_js_5.busy)(control, panelErrors, async () => {
                        await (0, session_js_6.client)().deleteSchema(id);
                        selected = undefined;
                        setParams({});
                        await loadList();
                        showEmpty();
                        panel.appendChild((0, ui_js_5.notice)("success", `${id} was deleted.`));
                    }))
                    : (0, ui_js_5.guard)((0, ui_js_5.button)("Delete", () => undefined, "danger"), "write", reasonId);
                (0, dom_js_6.replace)(panel, (0, dom_js_6.h)("h2", { attrs: { "data-testid": "schema-id" } }, id), message ?? null, panelErrors, (0, dom_js_6.h)("div", { class: "toolbar" }, (0, ui_js_5.guard)(edit, "write", reasonId), remove), (0, dom_js_6.h)("pre", { class: "json", attrs: { tabindex: 0, "aria-label": `Schema ${id}`, "data-testid": "schema-document" } }, JSON.stringify(schema, null, 2)), sampleValidator(id), exporter(id));
            }
            function renderEditor(id, text) {
                const creating = id === undefined;
                const idInput = (0, dom_js_6.h)("input", { attrs: { type: "text", spellcheck: "false", autocomplete: "off", required: true, placeholder: "e.g. chat.v1" } });
                const editor = (0, dom_js_6.h)("textarea", { class: "code", attrs: { rows: 18, spellcheck: "false", "data-testid": "schema-editor" } });
                editor.value = text ?? NEW_SCHEMA;
                const panelErrors = (0, dom_js_6.h)("div", { attrs: { "aria-live": "polite", "data-testid": "schema-errors" } });
                const save = (0, ui_js_5.button)(creating ? "Create" : "Save", () => {
                    const schemaID = creating ? idInput.value.trim() : id;
                    const parsed = (0, jsontext_js_2.parseJSON)(editor.value);
                    if (!parsed.ok) {
                        (0, dom_js_6.replace)(panelErrors, (0, ui_js_5.errorBox)(new Error(parsed.message), "Not JSON"));
                        return;
                    }
                    if (schemaID === "") {
                        (0, dom_js_6.replace)(panelErrors, (0, ui_js_5.errorBox)(new Error("Enter an id for the schema.")));
                        return;
                    }
                    void (0, ui_js_5.busy)(save, panelErrors, async () => {
                        await (0, session_js_6.client)().putSchema(schemaID, parsed.value);
                        await loadList();
                        await show(schemaID, (0, ui_js_5.notice)("success", `${schemaID} was saved.`));
                    });
                }, "primary");
                const cancel = (0, ui_js_5.button)("Cancel", () => (creating ? showEmpty() : void show(id)));
                (0, dom_js_6.replace)(panel, (0, dom_js_6.h)("h2", {}, creating ? "New schema" : `Editing ${id}`), creating ? (0, dom_js_6.field)("Schema id", idInput, "Letters, digits, dot, dash and underscore, e.g. chat.v1.") : null, (0, dom_js_6.field)("JSON Schema (draft-07)", editor), panelErrors, (0, dom_js_6.h)("div", { class: "toolbar" }, save, cancel), creating ? null : sampleValidator(id, "Checked against the saved version; save to check your edits."));
                (creating ? idInput : editor).focus();
            }
            function sampleValidator(id, hint = "Checked against the schema as you type.") {
                const sample = (0, dom_js_6.h)("textarea", { class: "code", attrs: { rows: 6, spellcheck: "false", "data-testid": "sample" } });
                sample.value = "{}";
                const verdict = (0, dom_js_6.h)("div", { attrs: { "aria-live": "polite", "data-testid": "sample-verdict" } });
                let timer = 0;
                let generation = 0;
                const check = async () => {
                    const mine = ++generation;
                    const parsed = (0, jsontext_js_2.parseJSON)(sample.value);
                    if (!parsed.ok) {
                        (0, dom_js_6.replace)(verdict, (0, ui_js_5.notice)("warning", `Not JSON: ${parsed.message}`));
                        return;
                    }
                    try {
                        const result = await (0, session_js_6.client)().validateAgainstSchema(id, parsed.value);
                        if (mine !== generation)
                            return;
                        (0, dom_js_6.replace)(verdict, result.valid
                            ? (0, ui_js_5.notice)("success", `Valid against ${id}.`)
                            : (0, ui_js_5.violationsBox)(`Not valid against ${id}:`, result.errors));
                    }
                    catch (error) {
                        if (mine === generation)
                            (0, ui_js_5.showError)(verdict, error, "Could not validate");
                    }
                };
                sample.addEventListener("input", () => {
                    window.clearTimeout(timer);
                    timer = window.setTimeout(() => void check(), 300);
                });
                const readReason = (0, session_js_6.lacking)("read");
                if (readReason === undefined)
                    void check();
                else {
                    sample.disabled = true;
                    (0, dom_js_6.replace)(verdict, (0, ui_js_5.notice)("info", `Validation is unavailable. ${readReason}`));
                }
                return (0, dom_js_6.h)("section", { class: "sub", attrs: { "aria-label": "Try a document" } }, (0, dom_js_6.h)("h3", {}, "Try a document"), (0, dom_js_6.field)("Sample document (JSON)", sample, hint), verdict);
            }
            function exporter(id) {
                const output = (0, dom_js_6.h)("pre", { class: "code-output", attrs: { tabindex: 0, "aria-label": "Exported code", "data-testid": "export-output" } });
                output.hidden = true;
                const exportErrors = (0, dom_js_6.h)("div", { attrs: { "aria-live": "polite" } });
                let text = "";
                let extension = "py";
                const copy = (0, ui_js_5.copyButton)("Copy", () => text);
                const download = (0, ui_js_5.downloadButton)("Download", () => `${id.replace(/[^A-Za-z0-9_-]+/g, "_")}.${extension}`, () => text);
                copy.hidden = true;
                download.hidden = true;
                const buttons = EXPORTS.map((target) => {
                    const control = (0, ui_js_5.button)(`Export as ${target.label}`, () => void (0, ui_js_5.busy)(control, exportErrors, async () => {
                        text = await (0, session_js_6.client)().exportSchema(id, target.format);
                        extension = target.extension;
                        output.textContent = text;
                        output.setAttribute("aria-label", `${target.label} code for ${id}`);
                        output.hidden = false;
                        copy.hidden = false;
                        download.hidden = false;
                    }));
                    return control;
                });
                return (0, dom_js_6.h)("section", { class: "sub", attrs: { "aria-label": "Export" } }, (0, dom_js_6.h)("h3", {}, "Export"), (0, dom_js_6.h)("div", { class: "toolbar" }, ...buttons, copy, download), exportErrors, output);
            }
            void loadList();
            const initial = params.get("id");
            if (initial)
                void show(initial);
            else
                showEmpty();
        },
    };
});
define("console/src/pages/workers", ["require", "exports", "console/src/dom", "console/src/session", "console/src/ui"], function (require, exports, dom_js_7, session_js_7, ui_js_6) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.workersPage = void 0;
    const REFRESH_MS = 3000;
    exports.workersPage = {
        route: "workers",
        title: "Workers",
        summary: "Processing Workers registered with this server, their status and last heartbeat; updates every 3 seconds.",
        render({ root }) {
            const reason = (0, session_js_7.lacking)("admin");
            if (reason !== undefined) {
                (0, dom_js_7.replace)(root, (0, dom_js_7.h)("p", { class: "notice warning reason", attrs: { "data-testid": "permission-note" } }, `The worker registry is unavailable. ${reason}`));
                return;
            }
            const errors = (0, dom_js_7.h)("div", { attrs: { "aria-live": "polite" } });
            const holder = (0, dom_js_7.h)("div", { attrs: { "data-testid": "workers" } });
            const updated = (0, dom_js_7.h)("p", { class: "muted" });
            (0, dom_js_7.replace)(root, errors, (0, dom_js_7.h)("section", { class: "card", attrs: { "aria-label": "Worker registry" } }, holder, updated));
            let stopped = false;
            let timer = 0;
            const refresh = async () => {
                try {
                    const workers = await (0, session_js_7.client)().listWorkers();
                    if (stopped)
                        return;
                    (0, dom_js_7.replace)(holder, workers.length === 0 ? (0, ui_js_6.notice)("info", "No worker is registered.") : (0, ui_js_6.table)("Workers", ["Worker", "Status", "Last seen", "Address", "Key id", "Active requests", "Tags"], workers.map(row), "data"));
                    (0, dom_js_7.replace)(errors);
                    updated.textContent = `Updated ${(0, dom_js_7.formatTime)(new Date().toISOString())}`;
                }
                catch (error) {
                    (0, ui_js_6.showError)(errors, error, "Could not list workers");
                }
                if (!stopped)
                    timer = window.setTimeout(refresh, REFRESH_MS);
            };
            void refresh();
            return () => {
                stopped = true;
                window.clearTimeout(timer);
            };
        },
    };
    function row(worker) {
        const tags = Object.entries(worker.tags).filter(([name]) => name !== "grpc_addr");
        return [
            (0, dom_js_7.h)("span", { attrs: { "data-testid": "worker-id" } }, worker.worker_id),
            (0, dom_js_7.h)("span", { class: `status ${worker.status.toLowerCase()}` }, worker.status),
            (0, dom_js_7.h)("span", { attrs: { title: (0, dom_js_7.formatTime)(worker.last_seen) } }, (0, dom_js_7.relativeTime)(worker.last_seen)),
            worker.tags.grpc_addr ? (0, dom_js_7.h)("code", {}, worker.tags.grpc_addr) : (0, dom_js_7.h)("span", { class: "muted" }, "in process"),
            (0, dom_js_7.h)("code", {}, worker.key_id),
            String(worker.active_requests ?? 0),
            tags.length === 0 ? "" : tags.map(([name, value]) => `${name}=${value}`).join(", "),
        ];
    }
});
define("console/src/pages/keys", ["require", "exports", "console/src/dom", "console/src/session", "console/src/ui"], function (require, exports, dom_js_8, session_js_8, ui_js_7) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.keysPage = void 0;
    const PERMISSIONS = ["read", "write", "admin"];
    const EXPIRIES = [
        { value: "", label: "Never" },
        { value: "1h", label: "1 hour" },
        { value: "24h", label: "24 hours" },
        { value: "7d", label: "7 days" },
        { value: "30d", label: "30 days" },
        { value: "90d", label: "90 days" },
    ];
    exports.keysPage = {
        route: "keys",
        title: "API keys",
        summary: "Keys that scripts and people use instead of the admin key, each with its permissions, databases and expiry.",
        render({ root }) {
            const reason = (0, session_js_8.lacking)("admin");
            if (reason !== undefined) {
                (0, dom_js_8.replace)(root, (0, dom_js_8.h)("p", { class: "notice warning reason", attrs: { "data-testid": "permission-note" } }, `Managing API keys is unavailable. ${reason}`));
                return;
            }
            const errors = (0, dom_js_8.h)("div", { attrs: { "aria-live": "polite" } });
            const created = (0, dom_js_8.h)("div", { attrs: { "aria-live": "polite", "data-testid": "created-key" } });
            const listHolder = (0, dom_js_8.h)("div", { attrs: { "data-testid": "key-list" } });
            const nameInput = (0, dom_js_8.h)("input", { attrs: { type: "text", required: true, autocomplete: "off", spellcheck: "false", placeholder: "e.g. ci-deploy" } });
            const boxes = PERMISSIONS.map((permission) => (0, dom_js_8.h)("input", { attrs: { type: "checkbox", name: "permission", value: permission, id: (0, dom_js_8.uid)("perm") }, props: { checked: permission === "read" } }));
            const permissionGroup = (0, dom_js_8.h)("fieldset", { class: "checks" }, (0, dom_js_8.h)("legend", {}, "Permissions"), ...boxes.map((box) => (0, dom_js_8.h)("label", { attrs: { for: box.id } }, box, ` ${box.value}`)));
            const databasesInput = (0, dom_js_8.h)("input", { attrs: { type: "text", autocomplete: "off", spellcheck: "false", placeholder: "e.g. chatdb, analytics" } });
            const expirySelect = (0, dom_js_8.h)("select", {}, ...EXPIRIES.map((option) => (0, dom_js_8.h)("option", { props: { value: option.value } }, option.label)));
            const createButton = (0, dom_js_8.h)("button", { class: "primary", attrs: { type: "submit" } }, "Create key");
            const form = (0, dom_js_8.h)("form", {
                class: "stack",
                on: {
                    submit: (event) => {
                        event.preventDefault();
                        void (0, ui_js_7.busy)(createButton, errors, async () => {
                            const request = {
                                name: nameInput.value.trim(),
                                permissions: boxes.filter((box) => box.checked).map((box) => box.value),
                            };
                            const databases = databasesInput.value.split(",").map((name) => name.trim()).filter((name) => name !== "");
                            if (databases.length > 0)
                                request.databases = databases;
                            if (expirySelect.value !== "")
                                request.expires_in = expirySelect.value;
                            const key = await (0, session_js_8.client)().createAPIKey(request);
                            const secret = (0, dom_js_8.h)("code", { class: "secret", attrs: { "data-testid": "secret" } }, key.secret);
                            (0, dom_js_8.replace)(created, (0, dom_js_8.h)("div", { class: "notice success", attrs: { role: "status" } }, (0, dom_js_8.h)("p", {}, (0, dom_js_8.h)("strong", {}, `Key ${key.name} (${key.id}) was created.`), " Copy its secret now: it is shown only this once."), (0, dom_js_8.h)("p", { class: "inline" }, secret, (0, ui_js_7.copyButton)("Copy secret", () => key.secret))));
                            nameInput.value = "";
                            await loadList();
                        });
                    },
                },
            }, (0, dom_js_8.field)("Name", nameInput), permissionGroup, (0, dom_js_8.field)("Databases", databasesInput, "Comma-separated; leave empty for every database."), (0, dom_js_8.field)("Expires", expirySelect), createButton);
            (0, dom_js_8.replace)(root, errors, (0, ui_js_7.section)("Create a key", form, created), (0, ui_js_7.section)("Keys", listHolder));
            async function loadList() {
                try {
                    const keys = await (0, session_js_8.client)().listAPIKeys();
                    (0, dom_js_8.replace)(listHolder, keys.length === 0 ? (0, ui_js_7.notice)("info", "No API key yet.") : (0, ui_js_7.table)("API keys", ["Name", "Id", "Permissions", "Databases", "Created", "Expires", "Status", "Actions"], keys.map(row), "data"));
                }
                catch (error) {
                    (0, ui_js_7.showError)(errors, error, "Could not list keys");
                }
            }
            function row(key) {
                const expired = key.expires_at !== undefined && new Date(key.expires_at).getTime() < Date.now();
                return [
                    (0, dom_js_8.h)("span", { attrs: { "data-testid": "key-name" } }, key.name),
                    (0, dom_js_8.h)("code", {}, key.id),
                    key.permissions.join(", ") || "none",
                    key.databases === undefined ? "all" : key.databases.join(", "),
                    (0, dom_js_8.h)("span", { attrs: { title: (0, dom_js_8.formatTime)(key.created_at) } }, (0, dom_js_8.relativeTime)(key.created_at)),
                    key.expires_at === undefined ? "never" : (0, dom_js_8.h)("span", { attrs: { title: (0, dom_js_8.formatTime)(key.expires_at) } }, expired ? `expired ${(0, dom_js_8.relativeTime)(key.expires_at)}` : (0, dom_js_8.relativeTime)(key.expires_at)),
                    key.enabled === false ? (0, dom_js_8.h)("span", { class: "status unavailable" }, "disabled") : expired ? (0, dom_js_8.h)("span", { class: "status unavailable" }, "expired") : (0, dom_js_8.h)("span", { class: "status available" }, "active"),
                    (0, ui_js_7.confirmButton)(`Revoke`, `Revoke ${key.name} now`, (control) => (0, ui_js_7.busy)(control, errors, async () => {
                        await (0, session_js_8.client)().deleteAPIKey(key.id);
                        (0, dom_js_8.replace)(created, (0, ui_js_7.notice)("success", `Key ${key.name} was revoked; it stops working at once.`));
                        await loadList();
                    }), `Revoke ${key.name}`),
                ];
            }
            void loadList();
        },
    };
});
define("console/src/generated/operations", ["require", "exports"], function (require, exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.operations = void 0;
    exports.operations = [
        { id: "getHealth", method: "GET", path: "/health", summary: "Report that the server is up.", permission: "public", query: [], body: [] },
        { id: "putEntities", method: "PUT", path: "/entity/{database}", summary: "Create or update one or more entities.", permission: "write", query: [], body: ["application/json"] },
        { id: "getEntity", method: "GET", path: "/entity/{database}", summary: "Retrieve one entity.", permission: "read", query: ["key"], body: [] },
        { id: "deleteEntity", method: "DELETE", path: "/entity/{database}", summary: "Delete one entity.", permission: "write", query: ["key"], body: [] },
        { id: "patchEntity", method: "PATCH", path: "/entity/{database}", summary: "Change one entity with a JSON Merge Patch or a JSON Patch.", permission: "write", query: ["key"], body: ["application/merge-patch+json", "application/json-patch+json"] },
        { id: "listSchemas", method: "GET", path: "/admin/schemas", summary: "List the ids of every stored JSON Schema.", permission: "public", query: [], body: [] },
        { id: "getSchema", method: "GET", path: "/schema/{schemaID}", summary: "Retrieve a JSON Schema document.", permission: "public", query: [], body: [] },
        { id: "putSchema", method: "PUT", path: "/schema/{schemaID}", summary: "Create or replace a JSON Schema.", permission: "write", query: [], body: ["application/json"] },
        { id: "deleteSchema", method: "DELETE", path: "/schema/{schemaID}", summary: "Delete a JSON Schema.", permission: "write", query: [], body: [] },
        { id: "exportSchema", method: "GET", path: "/schema/{schemaID}/export", summary: "Export a schema as Pydantic v2 models or TypeScript types.", permission: "public", query: ["format"], body: [] },
        { id: "validateAgainstSchema", method: "POST", path: "/schema/{schemaID}/validate", summary: "Check a JSON document against a schema without storing anything.", permission: "read", query: [], body: ["application/json"] },
        { id: "listDatabases", method: "GET", path: "/api/databases", summary: "List the databases that hold at least one entity.", permission: "read", query: ["prefix", "limit", "after"], body: [] },
        { id: "listEntities", method: "GET", path: "/api/databases/{database}/entities", summary: "List a database's entity keys, one page at a time.", permission: "read", query: ["prefix", "limit", "after"], body: [] },
        { id: "listWorkers", method: "GET", path: "/admin/workers", summary: "List the Processing Workers and their status.", permission: "admin", query: [], body: [] },
        { id: "getReady", method: "GET", path: "/ready", summary: "Report whether the server serves requests now (readiness).", permission: "public", query: [], body: [] },
        { id: "createBackup", method: "POST", path: "/api/backups", summary: "Take an online, point-in-time backup into the server's backup directory.", permission: "admin", query: [], body: ["application/json"] },
        { id: "getStats", method: "GET", path: "/api/stats", summary: "Report the server and its entity cache's counters.", permission: "admin", query: [], body: [] },
        { id: "getDatabase", method: "GET", path: "/api/databases/{database}", summary: "Show which schema validates a database's writes.", permission: "read", query: [], body: [] },
        { id: "putDatabase", method: "PUT", path: "/api/databases/{database}", summary: "Bind a database to a JSON Schema.", permission: "admin", query: [], body: ["application/json"] },
        { id: "login", method: "POST", path: "/api/login", summary: "Exchange an admin key or API key for a short-lived session token.", permission: "public", query: [], body: ["application/json"] },
        { id: "logout", method: "POST", path: "/api/logout", summary: "End the session whose token the request carries.", permission: "authenticated", query: [], body: [] },
        { id: "getMe", method: "GET", path: "/api/me", summary: "Describe the credential making the request.", permission: "authenticated", query: [], body: [] },
        { id: "listAPIKeys", method: "GET", path: "/api/keys", summary: "List every RBAC API key (never their secrets).", permission: "admin", query: [], body: [] },
        { id: "createAPIKey", method: "POST", path: "/api/keys", summary: "Create an RBAC API key; its secret is shown once, in this response.", permission: "admin", query: [], body: ["application/json"] },
        { id: "deleteAPIKey", method: "DELETE", path: "/api/keys/{id}", summary: "Permanently delete an API key; it stops working at once.", permission: "admin", query: [], body: [] },
    ];
});
define("console/src/pages/explorer", ["require", "exports", "console/src/dom", "console/src/generated/operations", "console/src/session", "console/src/ui"], function (require, exports, dom_js_9, operations_js_1, session_js_9, ui_js_8) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.explorerPage = void 0;
    const SAMPLE_BODIES = {
        putEntities: '{\n  "session_001": { "messages": [] }\n}',
        patchEntity: '{\n  "title": "renamed"\n}',
        putSchema: '{\n  "type": "object"\n}',
        validateAgainstSchema: "{}",
        putDatabase: '{\n  "schema_id": null\n}',
        login: '{\n  "key": ""\n}',
        createAPIKey: '{\n  "name": "example",\n  "permissions": ["read"],\n  "expires_in": "24h"\n}',
    };
    function examplePath(operation) {
        const path = operation.path.replace(/\{database\}/g, "chatdb").replace(/\{schemaID\}/g, "chat.v1").replace(/\{id\}/g, "KEY_ID");
        const examples = { key: "session_001", format: "pydantic", limit: "100", prefix: "", after: "" };
        const query = operation.query.filter((name) => examples[name] !== "").map((name) => `${name}=${encodeURIComponent(examples[name] ?? "")}`);
        return query.length === 0 ? path : `${path}?${query.join("&")}`;
    }
    exports.explorerPage = {
        route: "explorer",
        title: "Explorer",
        summary: "Send any request of the REST API with your current credential and see the raw response.",
        render({ root }) {
            const operationSelect = (0, dom_js_9.h)("select", { attrs: { "data-testid": "operation" } }, (0, dom_js_9.h)("option", { props: { value: "" } }, "Custom request"), ...operations_js_1.operations.map((operation) => (0, dom_js_9.h)("option", { props: { value: operation.id } }, `${operation.method} ${operation.path} — ${operation.summary}`)));
            const methodSelect = (0, dom_js_9.h)("select", { attrs: { "data-testid": "method" } }, ...["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].map((method) => (0, dom_js_9.h)("option", { props: { value: method } }, method)));
            const pathInput = (0, dom_js_9.h)("input", { attrs: { type: "text", spellcheck: "false", autocomplete: "off", required: true, "data-testid": "path" }, props: { value: "/health" } });
            const contentType = (0, dom_js_9.h)("select", {}, ...["application/json", "application/merge-patch+json", "application/json-patch+json", "text/plain"].map((type) => (0, dom_js_9.h)("option", { props: { value: type } }, type)));
            const ifMatch = (0, dom_js_9.h)("input", { attrs: { type: "text", spellcheck: "false", autocomplete: "off", placeholder: '"3"' } });
            const bodyInput = (0, dom_js_9.h)("textarea", { class: "code", attrs: { rows: 8, spellcheck: "false", "data-testid": "body" } });
            const sendCredential = (0, dom_js_9.h)("input", { attrs: { type: "checkbox", id: (0, dom_js_9.uid)("cred") }, props: { checked: true } });
            const permissionLine = (0, dom_js_9.h)("p", { class: "muted", attrs: { "aria-live": "polite" } });
            const response = (0, dom_js_9.h)("div", { attrs: { "aria-live": "polite", "data-testid": "response" } });
            const send = (0, dom_js_9.h)("button", { class: "primary", attrs: { type: "submit" } }, "Send");
            operationSelect.addEventListener("change", () => {
                const operation = operations_js_1.operations.find((candidate) => candidate.id === operationSelect.value);
                if (operation === undefined) {
                    permissionLine.textContent = "";
                    return;
                }
                methodSelect.value = operation.method;
                pathInput.value = examplePath(operation);
                bodyInput.value = operation.body.length > 0 ? SAMPLE_BODIES[operation.id] ?? "{}" : "";
                if (operation.body.length > 0)
                    contentType.value = operation.body[0];
                permissionLine.textContent = `Permission: ${operation.permission}. Replace the example values in the path before sending.`;
            });
            async function sendRequest() {
                const path = pathInput.value.trim();
                if (!path.startsWith("/") || path.startsWith("//")) {
                    (0, dom_js_9.replace)(response, (0, ui_js_8.errorBox)(new Error("Enter a path on this server, starting with a single /, e.g. /api/me.")));
                    return;
                }
                const headers = { Accept: "application/json" };
                const token = (0, session_js_9.currentSession)()?.token;
                if (sendCredential.checked && token)
                    headers.Authorization = `Bearer ${token}`;
                if (ifMatch.value.trim() !== "")
                    headers["If-Match"] = ifMatch.value.trim();
                const method = methodSelect.value;
                const hasBody = bodyInput.value.trim() !== "" && method !== "GET" && method !== "HEAD";
                if (hasBody)
                    headers["Content-Type"] = contentType.value;
                send.disabled = true;
                const started = performance.now();
                try {
                    const answer = await fetch(path, { method, headers, body: hasBody ? bodyInput.value : undefined, credentials: "omit", redirect: "manual", cache: "no-store" });
                    const text = await answer.text();
                    const elapsed = Math.round(performance.now() - started);
                    let shown = text;
                    try {
                        if (text !== "" && (answer.headers.get("content-type") ?? "").includes("json"))
                            shown = JSON.stringify(JSON.parse(text), null, 2);
                    }
                    catch {
                    }
                    const headerRows = Array.from(answer.headers.entries()).map(([name, value]) => [(0, dom_js_9.h)("code", {}, name), value]);
                    (0, dom_js_9.replace)(response, (0, dom_js_9.h)("p", { class: `status-line ${answer.ok ? "good" : "bad"}`, attrs: { "data-testid": "status" } }, `${answer.status} ${answer.statusText}`, (0, dom_js_9.h)("span", { class: "muted" }, ` · ${elapsed} ms · ${text.length} bytes`)), (0, dom_js_9.h)("h3", {}, "Headers"), (0, ui_js_8.table)("Response headers", ["Header", "Value"], headerRows, "data compact"), (0, dom_js_9.h)("h3", {}, "Body"), shown === "" ? (0, dom_js_9.h)("p", { class: "muted" }, "(empty)") : (0, dom_js_9.h)("pre", { class: "json", attrs: { tabindex: 0, "aria-label": "Response body", "data-testid": "response-body" } }, shown));
                }
                catch (error) {
                    (0, dom_js_9.replace)(response, (0, ui_js_8.errorBox)(error, "No response"));
                }
                finally {
                    send.disabled = false;
                }
            }
            const form = (0, dom_js_9.h)("form", { class: "stack", on: { submit: (event) => { event.preventDefault(); void sendRequest(); } } }, (0, dom_js_9.field)("Operation", operationSelect), permissionLine, (0, dom_js_9.h)("div", { class: "inline-form" }, (0, dom_js_9.field)("Method", methodSelect), (0, dom_js_9.h)("div", { class: "grow" }, (0, dom_js_9.field)("Path", pathInput, "A path on this server, with its query, e.g. /entity/chatdb?key=session_001."))), (0, dom_js_9.h)("div", { class: "inline-form" }, (0, dom_js_9.field)("Content-Type", contentType), (0, dom_js_9.field)("If-Match (optional)", ifMatch)), (0, dom_js_9.field)("Body", bodyInput), (0, dom_js_9.h)("label", { class: "check", attrs: { for: sendCredential.id } }, sendCredential, " Send my credential (Authorization: Bearer …)"), (0, dom_js_9.h)("div", { class: "toolbar" }, send, (0, ui_js_8.button)("Clear response", () => (0, dom_js_9.replace)(response))));
            (0, dom_js_9.replace)(root, (0, ui_js_8.section)("Request", form), (0, ui_js_8.section)("Response", response));
            (0, dom_js_9.replace)(response, (0, ui_js_8.notice)("info", "Choose an operation or type a path, then Send."));
        },
    };
});
define("console/src/main", ["require", "exports", "console/src/dom", "console/src/session", "console/src/ui", "console/src/pages/login", "console/src/pages/dashboard", "console/src/pages/databases", "console/src/pages/entities", "console/src/pages/schemas", "console/src/pages/workers", "console/src/pages/keys", "console/src/pages/explorer"], function (require, exports, dom_js_10, session_js_10, ui_js_9, login_js_1, dashboard_js_1, databases_js_1, entities_js_1, schemas_js_1, workers_js_1, keys_js_1, explorer_js_1) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    const pages = [dashboard_js_1.dashboardPage, databases_js_1.databasesPage, entities_js_1.entitiesPage, schemas_js_1.schemasPage, workers_js_1.workersPage, keys_js_1.keysPage, explorer_js_1.explorerPage];
    let dispose;
    let signedOutMessage;
    function parseHash() {
        const hash = window.location.hash.replace(/^#\/?/, "");
        const [route, query] = hash.split("?", 2);
        return { route: route || "dashboard", params: new URLSearchParams(query ?? "") };
    }
    function render() {
        dispose?.();
        dispose = undefined;
        const app = document.getElementById("app");
        if (app === null)
            return;
        const session = (0, session_js_10.currentSession)();
        if (session === undefined) {
            document.title = "Sign in · DeltaDatabase";
            const message = signedOutMessage;
            signedOutMessage = undefined;
            (0, login_js_1.renderLogin)(app, message, () => {
                if (parseHash().route === "login")
                    window.location.hash = "#/dashboard";
                render();
            });
            return;
        }
        const { route, params } = parseHash();
        const page = pages.find((candidate) => candidate.route === route) ?? pages[0];
        document.title = `${page.title} · DeltaDatabase`;
        const heading = (0, dom_js_10.h)("h1", { attrs: { tabindex: -1 } }, page.title);
        const root = (0, dom_js_10.h)("div", { class: "page", attrs: { "data-page": page.route } });
        const main = (0, dom_js_10.h)("main", { id: "main", attrs: { tabindex: -1 } }, (0, dom_js_10.h)("header", { class: "page-header" }, heading, (0, dom_js_10.h)("p", { class: "summary" }, page.summary)), root);
        (0, dom_js_10.replace)(app, skipLink(main), banner(), navigation(page.route), main);
        const context = {
            root,
            params,
            navigate(hash) {
                window.location.hash = hash;
            },
            setParams(values) {
                const query = new URLSearchParams();
                for (const [name, value] of Object.entries(values))
                    if (value)
                        query.set(name, value);
                const text = query.toString();
                history.replaceState(null, "", `#/${page.route}${text ? "?" + text : ""}`);
            },
        };
        dispose = page.render(context) ?? undefined;
        if (focusHeadingOnRender)
            heading.focus();
        focusHeadingOnRender = true;
    }
    let focusHeadingOnRender = false;
    function skipLink(main) {
        return (0, dom_js_10.h)("a", { class: "skip-link", attrs: { href: "#main" }, on: { click: (event) => { event.preventDefault(); main.focus(); } } }, "Skip to content");
    }
    function banner() {
        const session = (0, session_js_10.currentSession)();
        const me = session.me;
        const permissions = me.is_admin ? "admin key: every permission" : me.permissions.length > 0 ? me.permissions.join(", ") : "no permissions";
        const databases = me.databases === undefined ? "all databases" : me.databases.length === 0 ? "no databases" : `databases: ${me.databases.join(", ")}`;
        const expiry = session.expiresAt ? `session expires ${(0, dom_js_10.relativeTime)(session.expiresAt)}` : "never expires";
        const signOutButton = (0, dom_js_10.h)("button", { class: "quiet", attrs: { type: "button", "data-testid": "sign-out" } }, "Sign out");
        signOutButton.addEventListener("click", () => {
            signOutButton.disabled = true;
            void (0, session_js_10.signOut)().then((problem) => signOutNow(problem === undefined ? "You are signed out: the session has ended on the server." : `You are signed out of this tab, but the server could not end the session (${problem}); it stays valid until it expires.`));
        });
        return (0, dom_js_10.h)("header", { class: "banner" }, (0, dom_js_10.h)("span", { class: "brand" }, (0, dom_js_10.h)("span", { class: "logo", attrs: { "aria-hidden": "true" } }, "Δ"), "DeltaDatabase"), (0, dom_js_10.h)("div", { class: "identity", attrs: { "aria-label": "Signed in as", role: "group" } }, (0, dom_js_10.h)("span", { class: "who", attrs: { "data-testid": "who" } }, me.client_id), (0, dom_js_10.h)("span", { class: "pill", attrs: { "data-testid": "permissions" } }, permissions), (0, dom_js_10.h)("span", { class: "pill" }, databases), (0, dom_js_10.h)("span", { class: "pill", attrs: { "data-testid": "expiry", title: session.expiresAt ? (0, dom_js_10.formatTime)(session.expiresAt) : "" } }, expiry), signOutButton));
    }
    function navigation(active) {
        const list = (0, dom_js_10.h)("ul", {});
        for (const page of pages) {
            (0, dom_js_10.append)(list, (0, dom_js_10.h)("li", {}, (0, dom_js_10.h)("a", { attrs: { href: `#/${page.route}`, "aria-current": page.route === active ? "page" : undefined } }, page.title)));
        }
        return (0, dom_js_10.h)("nav", { class: "sidebar", attrs: { "aria-label": "Console pages" } }, list);
    }
    function signOutNow(message) {
        (0, session_js_10.clearSession)();
        signedOutMessage = message;
        render();
    }
    window.addEventListener("hashchange", render);
    window.addEventListener(ui_js_9.UNAUTHORIZED_EVENT, (event) => {
        const detail = event.detail;
        signOutNow(`Your session is no longer valid${detail ? ` (${detail})` : ""}; sign in again.`);
    });
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", render);
    }
    else {
        render();
    }
});
amdRequire("console/src/main");

"""##
        ),
    ]
}
