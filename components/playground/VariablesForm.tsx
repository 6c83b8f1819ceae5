"use client";
import { lazy, Suspense } from "react";
import { sessionVariables } from "@/lib/evaluate/template";
import { useSession } from "./context";

// Most conversations have no variables: the form loads with the first one.
const VariablesFields = lazy(() => import("./VariablesFields").then((m) => ({ default: m.VariablesFields })));

/**
 * The conversation's `{{variables}}`: which ones are unfilled, and a form to fill them for the
 * next runs (the request sent shows the filled text; the messages keep the placeholders, so the
 * same conversation works as an evaluation template). Nothing shows without variables.
 */
export function VariablesForm() {
  const { session } = useSession();
  const names = sessionVariables(session);
  if (names.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <VariablesFields names={names} />
    </Suspense>
  );
}
