import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import { checkImportFile, importedMessage, importOptionsFor, importTyped, MAX_IMPORT_FILE_BYTES } from "./file";

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

describe("importTyped", () => {
  const current = emptySession("openai", "gpt-4o-mini");

  it("imports a pasted curl command as a session", async () => {
    const curl = `curl https://api.openai.com/v1/chat/completions -d '{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}'`;
    const result = await importTyped(curl, current, "http://127.0.0.1:3000");
    expect(result.ok && result.session.model).toBe("gpt-4o");
  });

  it("gives the parser's words for text that is not a request, and never throws", async () => {
    const result = await importTyped("not a request", current, "http://127.0.0.1:3000");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.length).toBeGreaterThan(0);
  });
});
