/**
 * What the router mounts for a route: a page that draws itself into the app element and cleans up
 * (listeners, dialogs, popovers appended to the body) when the route changes.
 */

/** A mounted page. */
export interface Page {
  destroy(): void;
}
