/**
 * JSON as the editors show it: pretty-printed with two spaces (the same text as
 * `JSON.stringify(value, null, 2)`), with the line each JSON pointer starts on,
 * so a schema violation at `/messages/0/role` can point at its line; and a line
 * diff for the "someone else saved first" view.
 */

/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The pretty text of `value` and the 1-based line where each pointer's value starts. */
export function prettyWithLines(value: unknown): { text: string; lines: Map<string, number> } {
  const text = JSON.stringify(value, null, 2);
  const lines = new Map<string, number>();
  let line = 1;
  const walk = (node: unknown, pointer: string): void => {
    lines.set(pointer, line);
    if (Array.isArray(node)) {
      if (node.length === 0) return;
      node.forEach((item, index) => {
        line += 1;
        walk(item, `${pointer}/${index}`);
      });
      line += 1; // the closing bracket
    } else if (node !== null && typeof node === "object") {
      const entries = Object.entries(node as Record<string, unknown>).filter(([, item]) => item !== undefined);
      if (entries.length === 0) return;
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

/** The line a pointer's value starts on; for a missing member, its closest existing parent. */
export function lineOf(lines: Map<string, number>, pointer: string): number | undefined {
  let current = pointer;
  for (;;) {
    const found = lines.get(current);
    if (found !== undefined) return found;
    if (current === "") return undefined;
    current = current.slice(0, current.lastIndexOf("/"));
  }
}

/** One line of a diff: kept, removed (only in the old text) or added (only in the new). */
export interface DiffLine {
  kind: " " | "-" | "+";
  text: string;
}

/** A line diff of `before` → `after` (longest common subsequence; fine for documents of a few thousand lines). */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  if (a.length * b.length > 4_000_000) {
    return [...a.map((text) => ({ kind: "-" as const, text })), ...b.map((text) => ({ kind: "+" as const, text }))];
  }
  const table: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const result: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      result.push({ kind: " ", text: a[i] });
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) {
      result.push({ kind: "-", text: a[i++] });
    } else {
      result.push({ kind: "+", text: b[j++] });
    }
  }
  while (i < a.length) result.push({ kind: "-", text: a[i++] });
  while (j < b.length) result.push({ kind: "+", text: b[j++] });
  return result;
}

/** Parses editor text, or explains where it is not JSON. */
export function parseJSON(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
