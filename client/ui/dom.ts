/**
 * A tiny element builder. User content only ever enters the page through `textContent` (strings
 * given as children become text nodes), never through innerHTML, so annotation notes, tags and
 * quotes cannot inject markup.
 */

/** Attributes and properties accepted by `h`. `on*` functions become event listeners. */
export type Props = Record<string, string | number | boolean | null | undefined | EventListener>;
/** A child: a node, a string (becomes a text node), nothing, or a (nested) list of children. */
export type Child = Node | string | null | undefined | false | readonly Child[];

/**
 * Create an element. String props become attributes (booleans toggle them), `onclick` and the like
 * become listeners, and string children become text nodes.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

/** Append children (flattened; strings as text nodes). */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string') parent.appendChild(document.createTextNode(child));
    else if (child instanceof Node) parent.appendChild(child);
    else append(parent, child);
  }
}

/** Replace all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** True when a keyboard event is aimed at a text field, where single-letter shortcuts must not fire. */
export function isTyping(event: KeyboardEvent): boolean {
  const t = event.target;
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName);
}
