/**
 * The signed-in credential and who it belongs to.
 *
 * The console exchanges the admin key or an API key for a session token
 * (`POST /api/login`) and keeps only that token, in `sessionStorage`: it is gone
 * when the tab closes, is never written to `localStorage`, and never appears in a
 * URL. The key the user typed is not kept at all.
 */

import { DeltaClient, DeltaError } from "../../clients/typescript/src/index.js";
import type { MeResponse, Permission } from "../../clients/typescript/src/index.js";

const STORAGE_KEY = "deltadb.console.session";

/** A credential and what the server said about it. */
export interface Session {
  token: string;
  /** When the token stops working (from /api/login), if known. */
  expiresAt?: string;
  me: MeResponse;
}

let current: Session | undefined;

/** The session of this tab, restored from sessionStorage on first use. */
export function currentSession(): Session | undefined {
  if (current === undefined) {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (stored !== null) {
      try {
        current = JSON.parse(stored) as Session;
      } catch {
        sessionStorage.removeItem(STORAGE_KEY);
      }
    }
  }
  return current;
}

export function saveSession(session: Session): void {
  current = session;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  current = undefined;
  sessionStorage.removeItem(STORAGE_KEY);
}

/** The server this page came from; the console never talks to another origin. */
export function origin(): string {
  return window.location.origin;
}

/** A generated client sending the session's token. */
export function client(): DeltaClient {
  return new DeltaClient(origin(), { token: currentSession()?.token, timeoutMs: 30000 });
}

/**
 * Signs in with the admin key or an API key: the key is exchanged for a session
 * token, then /api/me describes it.
 */
export async function signInWithKey(key: string): Promise<Session> {
  const login = await new DeltaClient(origin()).login({ key });
  const me = await new DeltaClient(origin(), { token: login.token }).getMe();
  const session = { token: login.token, expiresAt: me.expires_at ?? login.expires_at, me };
  saveSession(session);
  return session;
}

/** Signs in with a session token obtained from /api/login elsewhere. */
export async function signInWithToken(token: string): Promise<Session> {
  const me = await new DeltaClient(origin(), { token }).getMe();
  const session = { token, expiresAt: me.expires_at, me };
  saveSession(session);
  return session;
}

/**
 * Ends the session on the server (POST /api/logout: its token stops working at
 * once) and forgets it in this tab. Resolves to a problem to tell the user if the
 * server could not be told; the tab forgets the token either way.
 */
export async function signOut(): Promise<string | undefined> {
  const session = currentSession();
  clearSession();
  if (session === undefined || session.me.credential !== "session") return undefined;
  try {
    await new DeltaClient(origin(), { token: session.token }).logout();
    return undefined;
  } catch (error) {
    if (error instanceof DeltaError && error.status === 401) return undefined; // already ended
    return error instanceof Error ? error.message : String(error);
  }
}

/** Whether the signed-in credential holds `permission` (the admin key holds all). */
export function can(permission: Permission): boolean {
  const me = currentSession()?.me;
  if (me === undefined) return false;
  return me.is_admin || me.permissions.includes(permission);
}

/** Why a control needing `permission` is disabled, or undefined when it is allowed. */
export function lacking(permission: Permission): string | undefined {
  if (can(permission)) return undefined;
  const held = currentSession()?.me.permissions ?? [];
  return `Needs the ${permission} permission; this credential has ${held.length === 0 ? "none" : held.join(", ")}.`;
}

/** Whether the credential may touch `database` (keys can be limited to some). */
export function mayUseDatabase(database: string): boolean {
  const limited = currentSession()?.me.databases;
  return limited === undefined || limited.includes(database);
}

/** True for a failure that means the credential no longer works. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof DeltaError && error.status === 401;
}
