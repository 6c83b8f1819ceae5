"use client";
import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

/** This app's origin in the browser ("" while rendering on the server): the local provider's snippets point at it. */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
}
