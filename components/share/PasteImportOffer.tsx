"use client";
import { lazy, Suspense } from "react";
import type { PasteImportOfferProps } from "./PasteImportPanel";

const PasteImportPanel = lazy(() => import("./PasteImportPanel").then((m) => ({ default: m.PasteImportPanel })));

/**
 * Shown under the composer after pasting a curl command or a request body: offers to open it as
 * the session instead of sending it to the model as text. Nothing changes until the user chooses.
 */
export function PasteImportOffer(props: PasteImportOfferProps) {
  return (
    <Suspense fallback={null}>
      {/* A new paste starts a new offer, whatever the last one ended in. */}
      <PasteImportPanel key={props.text} {...props} />
    </Suspense>
  );
}
