import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PARAM_NAMES } from "../params/catalog";
import { PROVIDER_IDS } from "../providers";
import { emptySession } from "../session/schema";
import { cellCount, cellsAlong, expandGrid, needsConfirmation } from "./grid";
import { type SweepAxis, type SweepDefinition, sweepDefinitionSchema } from "./schema";

const base = { ...emptySession("openai", "gpt-4o-mini"), messages: [{ id: "m1", role: "user" as const, content: "Hi" }] };
const def = (...axes: SweepAxis[]): SweepDefinition => ({ version: 1, session: base, axes });

const paramAxis = (param: (typeof PARAM_NAMES)[number], values: unknown[]): SweepAxis => ({ kind: "param", param, values });

// Up to three axes with distinct parameters (or one target axis), 1..6 values each.
const axesArb = fc
  .uniqueArray(fc.constantFrom(...PARAM_NAMES, "target" as const), { minLength: 1, maxLength: 3 })
  .chain((names) =>
    fc.tuple(
      ...names.map(
        (name): fc.Arbitrary<SweepAxis> =>
          name === "target"
            ? fc
                .array(
                  fc.record({ providerId: fc.constantFrom(...PROVIDER_IDS), model: fc.string({ maxLength: 5 }), baseUrl: fc.constant("") }),
                  { minLength: 1, maxLength: 6 },
                )
                .map((targets) => ({ kind: "target", targets }))
            : fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 6 }).map((values) => paramAxis(name, values)),
      ),
    ),
  );

describe("expandGrid", () => {
  it("makes the product of the axis lengths, each combination exactly once, applied to the session", () => {
    fc.assert(
      fc.property(axesArb, (axes) => {
        const d = def(...axes);
        const { cells, count, refused } = expandGrid(d);
        const product = axes.reduce((n, a) => n * (a.kind === "param" ? a.values.length : a.targets.length), 1);
        expect(refused).toBe(false);
        expect(count).toBe(product);
        expect(cells).toHaveLength(product);
        expect(new Set(cells.map((c) => c.coords.join(","))).size).toBe(product);
        expect(new Set(cells.map((c) => c.key)).size).toBe(product);
        for (const cell of cells) {
          for (const [a, axis] of axes.entries()) {
            const i = cell.coords[a]!;
            if (axis.kind === "param") expect(cell.session.params[axis.param]).toEqual({ enabled: true, value: axis.values[i] });
            else {
              const { providerId, model, baseUrl } = cell.session;
              expect({ providerId, model, baseUrl }).toEqual(axis.targets[i]);
            }
          }
          expect(sweepDefinitionSchema.shape.session.safeParse(cell.session).success).toBe(true);
          expect(cell.session.messages).toBe(base.messages);
        }
      }),
      { numRuns: 300, seed: 77 },
    );
  });

  it("puts the last axis fastest and labels each cell", () => {
    const { cells } = expandGrid(def(paramAxis("temperature", [0, 1]), paramAxis("seed", [1, 2, 3])));
    expect(cells.map((c) => c.key)).toEqual(["0-0", "0-1", "0-2", "1-0", "1-1", "1-2"]);
    expect(cells[4]!.label).toBe("temperature=1 · seed=2");
    expect(cells[4]!.session.params.seed).toEqual({ enabled: true, value: 2 });
  });

  it("leaves the original session and other parameters alone", () => {
    const session = { ...base, params: { max_tokens: { enabled: true, value: 50 }, temperature: { enabled: false, value: 0.3 } } };
    const { cells } = expandGrid({ version: 1, session, axes: [paramAxis("temperature", [0.9])] });
    expect(cells[0]!.session.params).toEqual({ max_tokens: { enabled: true, value: 50 }, temperature: { enabled: true, value: 0.9 } });
    expect(session.params.temperature).toEqual({ enabled: false, value: 0.3 });
  });

  it("labels targets and long values briefly", () => {
    const { cells } = expandGrid(
      def(
        { kind: "target", targets: [{ providerId: "custom", model: "llama3", baseUrl: "http://localhost:11434/v1" }] },
        paramAxis("guided_json", [{ type: "object", properties: { answer: { type: "string" } } }]),
      ),
    );
    expect(cells[0]!.label).toBe('custom:llama3 (http://localhost:11434/v… · guided_json={"type":"object","properties":{"answer"…');
  });

  it("counts a grid above the limit without building it", () => {
    const big = Array.from({ length: 500 }, (_, i) => i);
    const g = expandGrid(def(paramAxis("seed", big), paramAxis("temperature", big), paramAxis("top_k", big)));
    expect(g).toEqual({ cells: [], count: 125_000_000, refused: true });
    expect(cellCount([paramAxis("seed", []), paramAxis("top_k", [1])])).toBe(0);
  });
});

describe("cellsAlong and needsConfirmation", () => {
  it("selects one row, column or tab", () => {
    const { cells } = expandGrid(def(paramAxis("temperature", [0, 1]), paramAxis("top_p", [0.5, 1]), paramAxis("seed", [1, 2, 3])));
    expect(cellsAlong(cells, { 0: 1, 2: 2 }).map((c) => c.key)).toEqual(["1-0-2", "1-1-2"]);
    expect(cellsAlong(cells, { 1: 0, 2: 0 }).map((c) => c.key)).toEqual(["0-0-0", "1-0-0"]);
    expect(cellsAlong(cells, { 2: 1 })).toHaveLength(4);
  });

  it("asks above the threshold, not at it", () => {
    expect(needsConfirmation(50)).toBe(false);
    expect(needsConfirmation(51)).toBe(true);
    expect(needsConfirmation(11, 10)).toBe(true);
  });
});
