import { describe, expect, it } from "vitest";
import { emptySession } from "../session/empty";
import { planTasks, cellTasks } from "./plan";
import { parseCases } from "./cases";
import { MAX_EVAL_TARGETS } from "./schema";
import { evalReducer, initialEvaluation } from "./state";

const session = { ...emptySession("local", "local-ngram"), messages: [{ id: "m", role: "user" as const, content: "About {{topic}}" }] };

describe("evaluation edits", () => {
  it("targets: added as a copy of the last, at most six, at least one", () => {
    let ev = initialEvaluation(session);
    expect(ev.targets).toHaveLength(1);
    expect(evalReducer(ev, { type: "removeTarget", id: ev.targets[0]!.id }).targets).toHaveLength(1);
    for (let i = 0; i < MAX_EVAL_TARGETS + 2; i++) ev = evalReducer(ev, { type: "addTarget" });
    expect(ev.targets).toHaveLength(MAX_EVAL_TARGETS);
    expect(new Set(ev.targets.map((t) => t.id)).size).toBe(MAX_EVAL_TARGETS);
    expect(evalReducer(ev, { type: "removeTarget", id: ev.targets[2]!.id }).targets).toHaveLength(MAX_EVAL_TARGETS - 1);
  });

  it("a target's edit stays in that target; a template edit changes the conversation only", () => {
    let ev = evalReducer(initialEvaluation(session), { type: "addTarget" });
    const [a, b] = ev.targets;
    ev = evalReducer(ev, {
      type: "target",
      id: b!.id,
      action: { type: "setParam", name: "temperature", state: { enabled: true, value: 1.5 } },
    });
    expect(ev.targets[0]!.params.temperature).toBeUndefined();
    expect(ev.targets[1]!.params.temperature).toEqual({ enabled: true, value: 1.5 });
    ev = evalReducer(ev, { type: "template", action: { type: "setSystemPrompt", text: "Be brief about {{topic}}." } });
    expect(ev.session.systemPrompt).toBe("Be brief about {{topic}}.");
    expect(ev.targets.map((t) => t.id)).toEqual([a!.id, b!.id]);
  });

  it("repeats are kept within 1..10; assertions are added, edited and removed by id", () => {
    let ev = evalReducer(initialEvaluation(session), { type: "setRepeats", repeats: 40 });
    expect(ev.repeats).toBe(10);
    ev = evalReducer(ev, { type: "addAssertion", kind: "regex" });
    const a = ev.assertions[0]!;
    ev = evalReducer(ev, { type: "updateAssertion", assertion: { ...a, name: "digits" } });
    expect(ev.assertions[0]!.name).toBe("digits");
    expect(evalReducer(ev, { type: "removeAssertion", id: a.id }).assertions).toEqual([]);
  });

  it("plans one request per case × target × repeat with the case filled in; a retry plans one cell", () => {
    let ev = evalReducer({ ...initialEvaluation(session), casesText: "topic\ntides\nmoons" }, { type: "addTarget" });
    ev = evalReducer(ev, { type: "setRepeats", repeats: 2 });
    const cases = parseCases(ev.casesText).cases;
    const tasks = planTasks(ev, cases);
    expect(tasks).toHaveLength(8);
    expect(new Set(tasks.map((t) => t.key)).size).toBe(8);
    expect(tasks[0]!.session.messages[0]!.content).toBe("About tides");
    expect(tasks[7]!.session.messages[0]!.content).toBe("About moons");
    const retry = cellTasks(ev, cases, 1, ev.targets[1]!.id);
    expect(retry.map((t) => t.key)).toEqual(tasks.filter((t) => t.caseIndex === 1 && t.targetId === ev.targets[1]!.id).map((t) => t.key));
  });
});
