/**
 * The hand-written HTTP layer under the generated client.
 *
 * Nothing here depends on the spec: it builds URLs (percent-encoding every
 * path segment and query value), sends JSON with the global `fetch`, and turns
 * every non-2xx answer into one error type, {@link DeltaError}. The generated
 * {@link DeltaClient} calls {@link Transport.request} once per operation.
 */

import type { ErrorDetail } from "./generated/models.js";

/** Options for a {@link DeltaClient}. */
export interface DeltaClientOptions {
  /** Sent as `Authorization: Bearer <token>` with every request. */
  token?: string;
  /** Milliseconds before a request is abandoned; default 30000. */
  timeoutMs?: number;
  /** The `fetch` to use; default the global one (Node 18+, browsers). */
  fetch?: typeof fetch;
}

/**
 * Rejected for every response outside 2xx, and when the server cannot be reached.
 *
 * The fields mirror the server's error body
 * `{"error": ..., "code": ..., "details": [...], "current_version": n}`:
 * `status` is the HTTP status (0 when no response arrived), `code` the
 * machine-readable code such as `"not_found"` or `"unauthorized"`
 * (`"connection_error"` when no response arrived, `"http_error"` when the body
 * was not a DeltaDatabase error), `message` the explanation, `details` the
 * per-location problems (empty when there are none) and `currentVersion` the
 * entity's version when a precondition failed.
 */
export class DeltaError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly currentVersion: number | undefined;

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = [], currentVersion?: number) {
    super(message);
    this.name = "DeltaError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.currentVersion = currentVersion;
  }

  /** The error for a non-2xx response, from its status and body text. */
  static fromResponse(status: number, text: string): DeltaError {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    if (isObject(data) && typeof data.code === "string") {
      const details = Array.isArray(data.details) ? (data.details.filter(isObject) as unknown as ErrorDetail[]) : [];
      const version = typeof data.current_version === "number" ? data.current_version : undefined;
      return new DeltaError(status, data.code, String(data.error ?? ""), details, version);
    }
    const excerpt = text.slice(0, 200).trim();
    return new DeltaError(status, "http_error", excerpt === "" ? `HTTP ${status}` : excerpt);
  }
}

/** A 2xx response whose body has been read. */
export class RawResponse {
  constructor(
    readonly status: number,
    private readonly headers: Headers,
    private readonly body: string,
  ) {}

  /** The body decoded as JSON, or `null` for an empty body. */
  json(): unknown {
    return this.body === "" ? null : JSON.parse(this.body);
  }

  /** The body as text, for text responses. */
  text(): string {
    return this.body;
  }

  /** The value of header `name` (any case), or `undefined`. */
  header(name: string): string | undefined {
    return this.headers.get(name) ?? undefined;
  }
}

/** One request, as the generated client describes it. */
export interface RequestSpec {
  method: string;
  /** A path template such as `/entity/{database}`. */
  path: string;
  pathParams?: Record<string, string | number | boolean>;
  /** Query values; `undefined` ones are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Header values; `undefined` ones are left out. */
  headers?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Whether `body` is sent (as JSON), so that JSON `null` can be sent too. */
  hasBody?: boolean;
  /** The body's media type; default `application/json`. */
  contentType?: string;
}

/**
 * Fills `{name}` placeholders with percent-encoded values; `/` is encoded
 * too, so a value always stays one path segment.
 */
export function expandPath(template: string, values: Record<string, string | number | boolean>): string {
  return template.replace(/\{([^}]+)\}/g, (placeholder: string, name: string) =>
    name in values ? encodeComponent(String(values[name])) : placeholder,
  );
}

/** `name=value&…` for the values that are not `undefined`, each percent-encoded. */
export function encodeQuery(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(String(value))}`)
    .join("&");
}

/** RFC 3986 encoding of everything outside the unreserved set. */
function encodeComponent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sends one request and resolves with the 2xx response, rejecting with {@link DeltaError} otherwise. */
export class Transport {
  private readonly baseUrl: string;
  private readonly options: DeltaClientOptions;

  constructor(baseUrl: string, options: DeltaClientOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.options = options;
  }

  async request(spec: RequestSpec): Promise<RawResponse> {
    let url = this.baseUrl + expandPath(spec.path, spec.pathParams ?? {});
    const query = encodeQuery(spec.query ?? {});
    if (query !== "") {
      url += "?" + query;
    }
    const headers: Record<string, string> = { Accept: "application/json" };
    if (this.options.token !== undefined) {
      headers["Authorization"] = `Bearer ${this.options.token}`;
    }
    for (const [name, value] of Object.entries(spec.headers ?? {})) {
      if (value !== undefined) {
        headers[name] = String(value);
      }
    }
    let body: string | undefined;
    if (spec.hasBody === true) {
      body = JSON.stringify(spec.body === undefined ? null : spec.body);
      headers["Content-Type"] = spec.contentType ?? "application/json";
    }
    const timeoutMs = this.options.timeoutMs ?? 30000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const send = this.options.fetch ?? fetch;
    try {
      let response: Response;
      let text: string;
      try {
        response = await send(url, { method: spec.method, headers, body, signal: controller.signal });
        text = await response.text();
      } catch (error) {
        const reason = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : describe(error);
        throw new DeltaError(0, "connection_error", `${spec.method} ${url}: ${reason}`);
      }
      if (response.status < 200 || response.status > 299) {
        throw DeltaError.fromResponse(response.status, text);
      }
      return new RawResponse(response.status, response.headers, text);
    } finally {
      clearTimeout(timer);
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
