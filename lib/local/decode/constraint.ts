import { ApiError, badRequest } from "../../errors";
import { compileConstraint } from "./constraints/index";
import type { Constraint, Vocab } from "./constraints/types";
import type { CommonRequest } from "../api/schema";

/**
 * The bridge to the guided-decoding engines of `./constraints`. At most one kind of guidance may
 * be set; `response_format: {type: "text"}` is no guidance at all.
 */
type GuidedFields = Pick<CommonRequest, "guided_json" | "guided_regex" | "guided_choice" | "response_format">;
type Compile = (request: GuidedFields, vocab: Vocab) => Constraint | null;

let compiler: Compile = compileConstraint;

/** Replaces the engines (tests of the decoder's side only); null restores them. */
export function setConstraintCompiler(compile: Compile | null): void {
  compiler = compile ?? compileConstraint;
}

/** The guidance fields that are set (null and absent ones dropped, as the engines expect). */
export function guidanceFields(req: CommonRequest): GuidedFields {
  const out: GuidedFields = {};
  if (req.guided_json !== null && req.guided_json !== undefined) out.guided_json = req.guided_json;
  if (req.guided_regex !== null && req.guided_regex !== undefined) out.guided_regex = req.guided_regex;
  if (req.guided_choice) out.guided_choice = req.guided_choice;
  if (req.response_format && req.response_format.type !== "text") out.response_format = req.response_format;
  return out;
}

/** Names of the kinds of guidance a request sets. */
export function hasGuidance(g: GuidedFields): string[] {
  return Object.keys(g);
}

export async function requestConstraint(req: CommonRequest, vocab: Vocab): Promise<Constraint | null> {
  const fields = guidanceFields(req);
  const set = hasGuidance(fields);
  if (set.length === 0) return null;
  if (set.length > 1) throw badRequest(`Only one kind of guided decoding may be set; got ${set.join(", ")}.`, set[1]);
  try {
    return compiler(fields, vocab);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw badRequest(`Invalid ${set[0]}: ${e instanceof Error ? e.message : String(e)}`, set[0]);
  }
}

/** A constraint from a JSON schema given elsewhere in the request (a function's parameters). */
export function schemaConstraint(schema: unknown, vocab: Vocab, param: string, what: string): Constraint {
  try {
    const constraint = compiler({ guided_json: schema as CommonRequest["guided_json"] }, vocab);
    if (!constraint) throw badRequest(`${what} could not be compiled.`, param);
    return constraint;
  } catch (e) {
    const message = `${what}: ${e instanceof Error ? e.message : String(e)}`;
    if (e instanceof ApiError) throw new ApiError(e.status, e.type, message, { param, code: e.code });
    throw badRequest(message, param);
  }
}
