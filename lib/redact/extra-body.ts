import { parseExtraBody } from "../request/build";
import { isSecretField, withoutSecrets } from "./secrets";

/** Extra body text that is not JSON but looks like it holds a key: left out whole, since it can't be cut apart. */
const KEY_LIKE_TEXT = /api[_-]?key|secret|password|access[_-]?token|authorization/i;

/** The extra body without its key fields, and the names of what was left out for the UI to mention. */
export function redactExtraBody(text: string): { extraBody: string; removed: string[] } {
  const parsed = parseExtraBody(text);
  if (parsed.error) return KEY_LIKE_TEXT.test(text) ? { extraBody: "", removed: ["the extra body"] } : { extraBody: text, removed: [] };
  if (!Object.keys(parsed.value).some(isSecretField)) return { extraBody: text, removed: [] };
  const { body, removed } = withoutSecrets(parsed.value);
  return { extraBody: Object.keys(body).length === 0 ? "" : JSON.stringify(body, null, 2), removed };
}
