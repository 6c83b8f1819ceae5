import type { Session } from "../session/schema";
import type { EnvField } from "./env-fields";

export const SNIPPET_LANGUAGES = [
  { id: "curl", label: "curl" },
  { id: "python", label: "Python (openai)" },
  { id: "javascript", label: "JavaScript (openai)" },
  { id: "typescript", label: "TypeScript (openai)" },
  { id: "fetch", label: "JavaScript (fetch)" },
  { id: "http", label: "HTTP" },
] as const;

export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number]["id"];

export interface SnippetInput {
  session: Session;
  /** The provider's real base URL (never the proxy), or an override in tests. No trailing path. */
  baseUrl: string;
  /** Env var the snippet reads the key from; null when the target needs no key (the local provider). */
  keyEnv: string | null;
  /** Secret body fields the user set (Telnyx's openai_api_key): the snippet reads each from its variable. */
  envFields?: readonly EnvField[];
}
