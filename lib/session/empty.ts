import type { ProviderId } from "../providers/profiles";
import type { Session } from "./schema";
import { SESSION_VERSION } from "./version";

/** A session with nothing in it. Apart from ./schema so pages can make one without loading zod. */
export function emptySession(providerId: ProviderId = "local", model = ""): Session {
  return {
    version: SESSION_VERSION,
    providerId,
    model,
    baseUrl: "",
    mode: "chat",
    systemPrompt: "",
    messages: [],
    prompt: "",
    params: {},
    extraBody: "",
  };
}
