/**
 * Building DOM nodes without HTML strings.
 *
 * Every piece of text, including anything that came from the server, becomes a
 * Text node (or `textContent`); nothing here parses markup, so a stored document
 * holding `<script>` or `<img onerror=…>` is shown as the characters it is.
 */

export type Child = Node | string | number | null | undefined | false;

/** Attributes and properties `h` understands. */
export interface Props {
  class?: string;
  id?: string;
  /** Event listeners, e.g. `{ click: … }`. */
  on?: { [event: string]: (event: any) => void };
  /** Plain attributes (aria-*, role, for, type, …); `false`/`undefined` leaves one out. */
  attrs?: { [name: string]: string | number | boolean | undefined };
  /** DOM properties set directly (value, checked, disabled, …). */
  props?: { [name: string]: unknown };
}

/** `h("button", { class: "primary", on: { click } }, "Save")`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.id) element.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [name, value] of Object.entries(props.props ?? {})) {
    (element as unknown as Record<string, unknown>)[name] = value;
  }
  for (const [event, listener] of Object.entries(props.on ?? {})) {
    element.addEventListener(event, listener);
  }
  append(element, ...children);
  return element;
}

/** Appends children; strings and numbers become Text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Removes every child of `element`, then appends `children`. */
export function replace(element: Node, ...children: Child[]): void {
  while (element.firstChild) element.removeChild(element.firstChild);
  append(element, ...children);
}

let idCounter = 0;

/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form field: the label, the control, and an optional hint tied by aria-describedby. */
export function field(labelText: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLDivElement {
  if (!control.id) control.id = uid("field");
  const label = h("label", { attrs: { for: control.id } }, labelText);
  const wrapper = h("div", { class: "field" }, label, control);
  if (hint) {
    const hintId = uid("hint");
    control.setAttribute("aria-describedby", hintId);
    wrapper.appendChild(h("p", { class: "hint", id: hintId }, hint));
  }
  return wrapper;
}

/** `when` as a local date and time, or "—". */
export function formatTime(when: string | undefined): string {
  if (!when) return "—";
  const date = new Date(when);
  return Number.isNaN(date.getTime()) ? when : date.toLocaleString();
}

/** "3 s ago", "5 min ago", "in 23 h" … relative to now. */
export function relativeTime(when: string | undefined, now: number = Date.now()): string {
  if (!when) return "—";
  const time = new Date(when).getTime();
  if (Number.isNaN(time)) return when;
  const seconds = Math.round((time - now) / 1000);
  const magnitude = Math.abs(seconds);
  const [value, unit] =
    magnitude < 60 ? [magnitude, "s"] : magnitude < 3600 ? [Math.round(magnitude / 60), "min"] : magnitude < 172800 ? [Math.round(magnitude / 3600), "h"] : [Math.round(magnitude / 86400), "d"];
  return seconds <= 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`;
}
