export { REDACTED_KEY } from "./body";
export { generateSnippet } from "./generate";
export { CUSTOM_KEY_ENV, LOCAL_API_PATH, endpointUrl, snippetTarget } from "./target";
export { SNIPPET_LANGUAGES, type SnippetInput, type SnippetLanguage } from "./types";
