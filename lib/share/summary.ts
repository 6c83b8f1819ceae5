import { getProfile } from "../providers";
import { PARAM_NAMES } from "../params/catalog";
import { imageParts } from "../session/content";
import type { Message, SessionParams } from "../session/schema";
import type { SharePayload } from "./schema";

/**
 * What opening a link (or importing a file) will load, one line per item, for the dialog that
 * asks before the current session is replaced.
 */
export function describePayload(payload: SharePayload): string[] {
  const s = payload.session;
  const lines: string[] = [];
  if (payload.kind === "compare") {
    lines.push(`Compare view with ${payload.columns.length} column${payload.columns.length === 1 ? "" : "s"}:`);
    for (const c of payload.columns) lines.push(`  ${target(c.providerId, c.model, c.baseUrl)}, ${paramsLine(c.params)}`);
  } else if (payload.kind === "evaluate") {
    const rows = payload.casesText.split("\n").filter((l) => l.trim() !== "").length;
    lines.push(
      `Evaluation on ${payload.targets.length} target${payload.targets.length === 1 ? "" : "s"} × ${payload.repeats} repeat${payload.repeats === 1 ? "" : "s"}, ${payload.assertions.length} assertion${payload.assertions.length === 1 ? "" : "s"}, cases text of ${rows} line${rows === 1 ? "" : "s"}:`,
    );
    for (const c of payload.targets) lines.push(`  ${target(c.providerId, c.model, c.baseUrl)}, ${paramsLine(c.params)}`);
  } else {
    if (payload.kind === "sweep")
      lines.push(
        `Sweep over ${payload.axes.map((a) => (a.kind === "param" ? `${a.param} (${a.values.length})` : `provider/model (${a.targets.length})`)).join(" × ")}, based on:`,
      );
    lines.push(`${target(s.providerId, s.model, s.baseUrl)}, ${s.mode === "completions" ? "completions" : "chat"} mode`);
    lines.push(paramsLine(s.params));
  }
  if (s.mode === "completions") lines.push(`Prompt of ${s.prompt.length.toLocaleString("en-US")} characters`);
  else
    lines.push(
      `${s.messages.length} message${s.messages.length === 1 ? "" : "s"}${s.systemPrompt.trim() ? " and a system prompt" : ""}${carried(s.messages)}`,
    );
  if (s.extraBody.trim() !== "") lines.push("An extra body");
  return lines;
}

/** What the messages carry beyond text, so an image or a tool round trip is not a surprise. */
function carried(messages: Message[]): string {
  const images = messages.reduce((n, m) => n + imageParts(m.content).length, 0);
  const calls = messages.reduce((n, m) => n + (m.tool_calls?.length ?? 0), 0);
  const parts = [images > 0 && plural(images, "image"), calls > 0 && plural(calls, "tool call")].filter(Boolean);
  return parts.length > 0 ? ` (with ${parts.join(" and ")})` : "";
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

function target(providerId: string, model: string, baseUrl: string): string {
  const name = getProfile(providerId)?.name ?? providerId;
  return `${name} · ${model || "(no model)"}${baseUrl ? ` at ${baseUrl}` : ""}`;
}

function paramsLine(params: SessionParams): string {
  const set = PARAM_NAMES.filter((n) => params[n]?.enabled);
  return set.length === 0 ? "no parameters set" : `parameters: ${set.join(", ")}`;
}
