export { type ImportOptions, type ImportResult, type ImportSource, importText } from "./import-text";
export { KEY_DROPPED, PLACEHOLDER_DROPPED } from "./headers";
export { exportSessionFile, SESSION_FILE_KIND, SESSION_FILE_VERSION, sessionFileName } from "./session-file";
