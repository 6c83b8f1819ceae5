import type { AppPage } from "./AppNav";

/**
 * Which page the navigation came from (`?from=<page>`, see AppNav), if it is one of `accepted`;
 * the parameter is then removed from the address so a reload does not take that session again.
 */
export function takeFrom<P extends AppPage>(accepted: readonly P[]): P | null {
  const url = new URL(window.location.href);
  const from = url.searchParams.get("from");
  if (from === null) return null;
  url.searchParams.delete("from");
  window.history.replaceState(window.history.state, "", url);
  return (accepted as readonly string[]).includes(from) ? (from as P) : null;
}
