import { describe, expect, it } from "vitest";
import { buildRequest } from "../request/build";
import { emptySession, ROLES, type Session } from "../session/schema";
import { HISTORY_LIMIT, makeEntry, saveHistory } from "../run/history";
import { loadHistory } from "../run/history-schema";
import { KeyStore, keyStorageName, maskKey, type StorageLike } from "../keys/store";
import { newRecord } from "../run/run";
import { loadSession } from "../session/load";
import { SESSION_KEY, saveSession } from "../session/storage";
import { defaultSession, firstConfiguredProvider, MESSAGE_ROLES, newMessage, sessionReducer } from "../session/state";

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe("session persistence", () => {
  it("round-trips a session", () => {
    const s = memoryStorage();
    const session = { ...defaultSession(), systemPrompt: "be brief", params: { temperature: { enabled: true, value: 0 } } };
    expect(saveSession(s, session)).toBeNull();
    expect(loadSession(s)).toEqual({ session, notice: null, fresh: false });
    expect(loadSession(memoryStorage()).fresh).toBe(true);
  });

  it("says plainly when a session is too big to store, and leaves the stored one as it was", () => {
    const s = memoryStorage();
    s.setItem(SESSION_KEY, "before");
    const full: StorageLike = {
      ...s,
      setItem: () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      },
    };
    expect(saveSession(full, defaultSession())).toMatch(/too big for the browser's storage.*stays in this tab/);
    expect(s.getItem(SESSION_KEY)).toBe("before");
  });

  it("keeps the defaults and the stored text when the stored session is invalid", () => {
    const s = memoryStorage();
    s.setItem(SESSION_KEY, JSON.stringify({ version: 2 }));
    const loaded = loadSession(s);
    expect(loaded.session).toEqual(defaultSession());
    expect(loaded.notice).toMatch(/could not be used/);
    expect(s.getItem(SESSION_KEY)).toBe(JSON.stringify({ version: 2 }));
    s.setItem(SESSION_KEY, "{nope");
    expect(loadSession(s).notice).toMatch(/not valid JSON/);
  });

  it("writes the defaults and roles like lib/session/schema does", () => {
    expect(defaultSession()).toEqual({ ...emptySession("local", "local-ngram"), params: { stream: { enabled: true, value: true } } });
    expect([...MESSAGE_ROLES]).toEqual([...ROLES]);
  });

  it("starts on the local provider with only stream set, and sends stream: true", () => {
    const d = defaultSession();
    expect(d.providerId).toBe("local");
    expect(d.model).toBe("local-ngram");
    expect(d.params).toEqual({ stream: { enabled: true, value: true } });
    expect(buildRequest(d).body.stream).toBe(true);
  });
});

describe("sessionReducer", () => {
  it("edits, reorders and deletes messages", () => {
    const a = newMessage("user", "a");
    const b = newMessage("assistant", "b");
    let s = sessionReducer(defaultSession(), { type: "addMessage", message: a });
    s = sessionReducer(s, { type: "addMessage", message: b });
    s = sessionReducer(s, { type: "moveMessage", id: b.id, by: -1 });
    expect(s.messages.map((m) => m.content)).toEqual(["b", "a"]);
    s = sessionReducer(s, { type: "updateMessage", id: a.id, patch: { content: "A", role: "system" } });
    s = sessionReducer(s, { type: "deleteMessage", id: b.id });
    expect(s.messages).toEqual([{ ...a, content: "A", role: "system" }]);
  });

  it("switching provider picks its default model and leaves completions mode where it is not offered", () => {
    let s: Session = { ...defaultSession(), mode: "completions" };
    s = sessionReducer(s, { type: "setProvider", providerId: "horay" });
    expect(s.model).toBe("meta-llama/Meta-Llama-3.1-8B-Instruct");
    expect(s.mode).toBe("chat");
  });

  it("sets and unsets parameters", () => {
    let s = sessionReducer(defaultSession(), { type: "setParam", name: "seed", state: { enabled: true, value: 1 } });
    expect(s.params.seed).toEqual({ enabled: true, value: 1 });
    s = sessionReducer(s, { type: "setParam", name: "seed", state: undefined });
    expect("seed" in s.params).toBe(false);
  });
});

describe("KeyStore", () => {
  it("keeps a key in memory only unless remember is ticked", () => {
    const s = memoryStorage();
    const store = new KeyStore(() => s);
    store.set("openai", "sk-secret-1234", false);
    expect(store.get("openai")).toEqual({ key: "sk-secret-1234", remember: false });
    expect(s.data.size).toBe(0);
    store.set("openai", "sk-secret-1234", true);
    expect(s.getItem(keyStorageName("openai"))).toBe("sk-secret-1234");
    store.set("openai", "sk-secret-1234", false);
    expect(s.data.size).toBe(0);
  });

  it("reads a remembered key in a new tab", () => {
    const s = memoryStorage();
    s.setItem(keyStorageName("horay"), "hk-1");
    expect(new KeyStore(() => s).get("horay")).toEqual({ key: "hk-1", remember: true });
  });

  it("masks keys", () => {
    expect(maskKey("sk-abcdefghijklmnop")).toBe("sk-…mnop");
    expect(maskKey("short")).toBe("•••••");
  });
});

describe("history", () => {
  it("stores runs capped, drops bad entries, never holds a key", () => {
    const s = memoryStorage();
    const record = newRecord();
    record.state = "done";
    const entries = Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) =>
      makeEntry({
        id: `r${i}`,
        at: i,
        session: emptySession("local", "m"),
        url: "/api/proxy/local/chat/completions",
        requestText: "{}",
        requestHeaders: { Authorization: "Bearer sk-…abcd" },
        record,
      }),
    );
    saveHistory(s, entries);
    const raw = s.getItem("playground.history.v1")!;
    const stored = JSON.parse(raw) as unknown[];
    expect(stored).toHaveLength(HISTORY_LIMIT);
    stored.splice(1, 0, { bogus: true });
    s.setItem("playground.history.v1", JSON.stringify(stored));
    expect(loadHistory(s)).toHaveLength(HISTORY_LIMIT);
  });
});

describe("firstConfiguredProvider", () => {
  it("keeps local unless the server holds a key for a remote provider", () => {
    expect(
      firstConfiguredProvider([
        { id: "local", hasServerKey: false },
        { id: "openai", hasServerKey: false },
      ]),
    ).toBeNull();
    expect(
      firstConfiguredProvider([
        { id: "local", hasServerKey: false },
        { id: "horay", hasServerKey: true },
      ]),
    ).toBe("horay");
  });
});
