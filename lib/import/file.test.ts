import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import { checkImportFile, importedMessage, importOptionsFor, MAX_IMPORT_FILE_BYTES } from "./file";

describe("import helpers", () => {
  it("refuses empty and oversized files, accepts the rest", () => {
    expect(checkImportFile({ name: "a.json", size: 0 })).toBe("a.json is empty.");
    expect(checkImportFile({ name: "big.json", size: MAX_IMPORT_FILE_BYTES + 1 })).toMatch(
      /^big\.json is 10\.0 MB; a session file is at most 10 MB\.$/,
    );
    expect(checkImportFile({ name: "ok.json", size: 1234 })).toBeNull();
  });

  it("passes the current target and origin to importText", () => {
    const s = { ...emptySession("custom", "m"), baseUrl: "http://localhost:11434/v1" };
    expect(importOptionsFor(s, "http://127.0.0.1:3000")).toEqual({
      current: { providerId: "custom", baseUrl: "http://localhost:11434/v1" },
      origin: "http://127.0.0.1:3000",
    });
  });

  it("names the source", () => {
    expect(importedMessage("curl")).toBe("Imported from a curl command.");
    expect(importedMessage("session-file")).toBe("Imported from a session file.");
  });
});
