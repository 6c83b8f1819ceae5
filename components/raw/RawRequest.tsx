"use client";
import { lazy, Suspense, useMemo, useState, useSyncExternalStore } from "react";
import { keyStore } from "@/lib/keys/store";
import { prepareRequest } from "@/lib/request/prepare";
import { prettyJson } from "@/lib/pretty-json";
import { useColumnRun, useSession } from "../playground/context";
import { CopyButton } from "../ui/CopyButton";
import { CopyHeading } from "../ui/CopyHeading";
import { RawText } from "./RawText";

const ShortenedBody = lazy(() => import("./ShortenedBody").then((m) => ({ default: m.ShortenedBody })));

const pretty = (text: string) => prettyJson(text) ?? text;

/**
 * The exact body and headers (keys masked). Before a run it previews what Send will send;
 * after, it shows what was sent.
 */
export function RawRequest() {
  const { session, info } = useSession();
  const { view } = useColumnRun();
  useSyncExternalStore(keyStore.subscribe, keyStore.getVersion, () => 0);
  const [prettyPrint, setPrettyPrint] = useState(false);
  const sent = view !== null;
  const preview = sent ? null : prepareRequest(session, keyStore.get(session.providerId).key);
  const url = view?.url ?? preview?.url ?? "";
  const headers = view?.requestHeaders ?? preview?.shownHeaders ?? {};
  const body = view?.requestText ?? preview?.built.text ?? "";
  const upstream = sent ? view.upstreamUrl : null;
  const shown = useMemo(() => (prettyPrint ? pretty(body) : body), [prettyPrint, body]);
  const hasData = shown.includes("data:");
  const headerText = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  // The session's choice (custom's URL or a documented alternative) wins over the server's default.
  const expected = session.baseUrl || info?.baseUrl || "";
  return (
    <section aria-label="Raw request" className="flex flex-col gap-2 text-sm">
      <p className="text-xs text-zinc-500">{sent ? "Sent with the last run." : "What Send will send now."}</p>
      <div className="flex items-center gap-2">
        <code className="font-mono text-xs break-all">POST {url}</code>
        <CopyButton label="Copy request URL" text={url} />
      </div>
      <p className="text-xs text-zinc-500">
        Upstream URL:{" "}
        <span className="font-mono break-all">
          {upstream ?? (expected ? `${expected.replace(/\/+$/, "")}/${url.split("/").slice(4).join("/")}` : "–")}
        </span>
      </p>
      <div>
        <CopyHeading title="Headers" copyLabel="Copy request headers" copyText={headerText} />
        <RawText>{headerText}</RawText>
      </div>
      <div>
        <CopyHeading title={`Body (${new TextEncoder().encode(body).length} bytes)`} copyLabel="Copy request body" copyText={body}>
          <label className="ml-auto mr-2 flex items-center gap-1 text-xs">
            <input type="checkbox" checked={prettyPrint} onChange={(e) => setPrettyPrint(e.target.checked)} />
            Pretty-print
          </label>
        </CopyHeading>
        <RawText data-testid="raw-request-body" className="max-h-96 break-all whitespace-pre-wrap">
          {hasData ? (
            <Suspense fallback="…">
              <ShortenedBody text={shown} />
            </Suspense>
          ) : (
            shown
          )}
        </RawText>
        {hasData && (
          <p className="text-xs text-zinc-500">Data URLs are shortened in this view; Copy request body copies them in full, as sent.</p>
        )}
        {preview?.built.errors.map((e) => (
          <p key={e} className="text-xs text-amber-700">
            {e}
          </p>
        ))}
      </div>
    </section>
  );
}
