import { checkParam } from "../checks/param-check";
import { PARAM_NAMES, type ParamName } from "../params/catalog";
import { getProfile, offersEndpoint, type ProviderProfile } from "../providers";
import { buildRequest } from "../request/build";
import { axisLength, cellCount, targetsOf } from "./grid";
import { MAX_AXES, MAX_CELLS, type ParamAxis, type SweepAxis, type SweepDefinition, type SweepTarget } from "./schema";

/**
 * Everything wrong with a sweep before any request goes out. Errors block sending; warnings
 * (a value outside a provider's documented range) are shown and the user may send anyway, as
 * in the single playground. Every message names the axis or provider it is about.
 */
export interface SweepCheck {
  errors: string[];
  warnings: string[];
  count: number;
}

export interface ValidateOptions {
  /**
   * Whether a key is available for a provider (the browser's own or the server's). Asked only
   * for providers that authenticate; for custom, answer true if keyless local servers are fine.
   */
  hasKey: (providerId: string) => boolean;
  maxCells?: number;
}

export function validateSweep(def: SweepDefinition, options: ValidateOptions): SweepCheck {
  const errors: string[] = [...axisErrors(def.axes)];
  const warnings: string[] = [...repeatWarnings(def.axes)];
  const count = cellCount(def.axes);
  const maxCells = options.maxCells ?? MAX_CELLS;
  if (count > maxCells) errors.push(`This grid has ${count} cells; the limit is ${maxCells}.`);
  errors.push(...buildRequest(def.session).errors);
  const targets = targetsOf(def);
  errors.push(...targetErrors(def, targets));
  errors.push(...keyErrors(targets, count, options.hasKey));
  warnings.push(...rangeWarnings(def, targets));
  return { errors, warnings: [...new Set(warnings)], count };
}

function axisErrors(axes: readonly SweepAxis[]): string[] {
  const errors: string[] = [];
  if (axes.length === 0) errors.push("Add at least one axis.");
  if (axes.length > MAX_AXES) errors.push(`A sweep has at most ${MAX_AXES} axes; this one has ${axes.length}.`);
  const seen = new Set<string>();
  for (const axis of axes) {
    const name = axis.kind === "param" ? axis.param : "provider/model";
    if (axisLength(axis) === 0) {
      errors.push(axis.kind === "param" ? `Axis '${axis.param}' has no values.` : "The provider/model axis has no targets.");
    }
    if (seen.has(name)) {
      errors.push(
        axis.kind === "param" ? `Two axes vary '${name}'; merge their values into one axis.` : "Only one axis can vary the provider/model.",
      );
    }
    seen.add(name);
  }
  return errors;
}

/** A repeated value sends the same request twice: sometimes wanted (variance), usually a slip. */
function repeatWarnings(axes: readonly SweepAxis[]): string[] {
  const warnings: string[] = [];
  for (const axis of axes) {
    const texts = axis.kind === "param" ? axis.values.map((v) => JSON.stringify(v)) : axis.targets.map((t) => JSON.stringify(t));
    const repeated = texts.filter((t, i) => texts.indexOf(t) !== i);
    const name = axis.kind === "param" ? `Axis '${axis.param}'` : "The provider/model axis";
    for (const r of new Set(repeated)) warnings.push(`${name} repeats ${r}; those cells send the same request.`);
  }
  return warnings;
}

function targetErrors(def: SweepDefinition, targets: readonly SweepTarget[]): string[] {
  const errors: string[] = [];
  const onAxis = def.axes.some((a) => a.kind === "target");
  for (const [i, t] of targets.entries()) {
    const name = getProfile(t.providerId)?.name ?? t.providerId;
    errors.push(...targetProblems(t, def.session.mode, onAxis ? `Target ${i + 1} (${name})` : name));
  }
  return errors;
}

/** What keeps one target from being sent at all; `where` names it in each message. */
export function targetProblems(t: SweepTarget, mode: SweepDefinition["session"]["mode"], where: string): string[] {
  const profile = getProfile(t.providerId);
  if (!profile) return [`${where}: unknown provider.`];
  const errors: string[] = [];
  if (t.model.trim() === "") errors.push(`${where} has no model.`);
  if (profile.id === "custom" && t.baseUrl.trim() === "") errors.push(`${where} needs a base URL.`);
  const path = mode === "completions" ? "completions" : "chat/completions";
  if (!offersEndpoint(profile, path)) errors.push(`${where} does not offer the ${path} endpoint this session uses.`);
  return errors;
}

/** One message per provider without a key, with how many of the `count` requests (spread evenly over the targets) need it. */
export function keyErrors(targets: readonly SweepTarget[], count: number, hasKey: (id: string) => boolean): string[] {
  const perTarget = targets.length === 0 ? 0 : count / targets.length;
  const cellsByProvider = new Map<string, number>();
  for (const t of targets) cellsByProvider.set(t.providerId, (cellsByProvider.get(t.providerId) ?? 0) + perTarget);
  const errors: string[] = [];
  for (const [id, cells] of cellsByProvider) {
    const profile = getProfile(id);
    if (!profile || profile.auth === "none" || hasKey(id)) continue;
    const env = profile.keyEnv ? ` or set ${profile.keyEnv} on the server` : "";
    errors.push(`No API key for ${profile.name} (${cells} ${cells === 1 ? "cell" : "cells"}): add one in the key settings${env}.`);
  }
  return errors;
}

/**
 * Every axis value, and (when the provider varies) every parameter the session already sends,
 * checked against each provider the grid reaches, with the same check the panel uses.
 */
function rangeWarnings(def: SweepDefinition, targets: readonly SweepTarget[]): string[] {
  const profiles = distinctProfiles(targets);
  const paramAxes = def.axes.filter((a): a is ParamAxis => a.kind === "param");
  const warnings: string[] = [];
  for (const profile of profiles) {
    for (const axis of paramAxes) {
      const undocumented = undocumentedWarning(profile, axis.param);
      if (undocumented) warnings.push(`Axis '${axis.param}': ${undocumented}`);
      for (const v of axis.values) {
        const problem = checkParam(profile, axis.param, v);
        if (problem) warnings.push(`Axis '${axis.param}': ${problem}`);
      }
    }
    if (!def.axes.some((a) => a.kind === "target")) continue;
    const onAxes = new Set<ParamName>(paramAxes.map((a) => a.param));
    for (const name of PARAM_NAMES) {
      const p = def.session.params[name];
      if (!p?.enabled || onAxes.has(name)) continue;
      const problem = checkParam(profile, name, p.value) ?? undocumentedWarning(profile, name);
      if (problem) warnings.push(`${profile.name}: ${problem}`);
    }
  }
  return warnings;
}

function distinctProfiles(targets: readonly SweepTarget[]): ProviderProfile[] {
  const out = new Map<string, ProviderProfile>();
  for (const t of targets) {
    const p = getProfile(t.providerId);
    if (p) out.set(p.id, p);
  }
  return [...out.values()];
}

/** Custom documents nothing (it is any server), so silence there rather than a warning per parameter. */
function undocumentedWarning(profile: ProviderProfile, name: ParamName): string | null {
  if (Object.keys(profile.params).length === 0 || profile.params[name]) return null;
  return `${profile.name} does not document ${name}; it may be ignored or refused.`;
}
