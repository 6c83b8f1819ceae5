"use client";
import { useEffect, useRef, useState } from "react";
import { formatList, parseJsonParam, parseList } from "@/lib/checks/param-check";
import { PARAMS, type ParamName } from "@/lib/params/catalog";
import type { ParamState } from "@/lib/session/schema";
import { inputClass, monoInputClass } from "../ui/fields";

interface Props {
  id: string;
  name: ParamName;
  state: ParamState | undefined;
  onChange: (next: ParamState | undefined) => void;
  describedBy: string;
  /** Values a choice offers: the provider's documented ones where its page lists them. */
  choices: readonly string[];
}

/** The value input of one parameter, by kind. Changing the value sets the parameter. */
export function ParamInput(props: Props) {
  switch (PARAMS[props.name].kind) {
    case "number":
    case "integer":
      return <NumberInput {...props} />;
    case "boolean":
      return <BooleanInput {...props} />;
    case "stringList":
      return <TextDraftInput {...props} rows={2} parse={parseList} format={formatList} placeholder="one per line (\n for a newline)" />;
    case "json":
      return (
        <TextDraftInput
          {...props}
          rows={props.name === "guided_json" || props.name === "tools" ? 5 : 2}
          parse={parseJsonParam}
          format={(v) => (typeof v === "string" ? v : JSON.stringify(v, null, 2))}
          placeholder={placeholders[props.name] ?? "JSON"}
        />
      );
    case "choice":
      return <ChoiceInput {...props} />;
    default:
      return <TextDraftInput {...props} rows={1} parse={(t) => t} format={(v) => (typeof v === "string" ? v : "")} placeholder="" />;
  }
}

const placeholders: Partial<Record<ParamName, string>> = {
  logit_bias: '{"1234": -100}',
  response_format: '{"type": "json_object"}',
  guided_json: '{"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}',
  tools: '[{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}]',
};

function NumberInput({ id, name, state, onChange, describedBy }: Props) {
  const def = PARAMS[name];
  const value = typeof state?.value === "number" && Number.isFinite(state.value) ? String(state.value) : "";
  const [text, setText] = useState(value);
  // Follow outside changes (reset, history) without fighting the user's half-typed "0.".
  const lastSent = useRef(value);
  useEffect(() => {
    if (value !== lastSent.current) {
      setText(value);
      lastSent.current = value;
    }
  }, [value]);
  return (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      step={def.kind === "integer" ? 1 : "any"}
      aria-describedby={describedBy}
      className={`${inputClass} font-mono`}
      placeholder="unset"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.trim() === "") {
          lastSent.current = "";
          onChange(undefined);
          return;
        }
        const n = Number(e.target.value);
        lastSent.current = String(n);
        onChange({ enabled: true, value: n });
      }}
    />
  );
}

function BooleanInput({ id, state, onChange, describedBy }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  const unset = state === undefined;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = unset;
  }, [unset]);
  return (
    <div className="flex items-center justify-end gap-2 text-xs text-zinc-500">
      <input
        ref={ref}
        id={id}
        type="checkbox"
        aria-describedby={describedBy}
        checked={state?.value === true}
        onChange={(e) => onChange({ enabled: true, value: e.target.checked })}
      />
      <span>{unset ? "default" : state?.enabled ? String(state.value) : "not sent"}</span>
    </div>
  );
}

function ChoiceInput({ id, state, onChange, describedBy, choices }: Props) {
  const value = typeof state?.value === "string" ? state.value : "";
  // A value the provider does not document (imported, or set for another provider) stays shown.
  const options = value === "" || choices.includes(value) ? choices : [...choices, value];
  return (
    <select
      id={id}
      aria-describedby={describedBy}
      className={`${inputClass} font-mono`}
      value={value}
      onChange={(e) => onChange(e.target.value === "" ? undefined : { enabled: true, value: e.target.value })}
    >
      <option value="">unset</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

interface DraftProps extends Props {
  rows: number;
  parse: (text: string) => unknown;
  format: (value: unknown) => string;
  placeholder: string;
}

/** A text editor whose draft is kept as typed; the parsed value is what is sent. */
function TextDraftInput({ id, state, onChange, describedBy, rows, parse, format, placeholder }: DraftProps) {
  const outside = state === undefined ? "" : format(state.value);
  const [text, setText] = useState(outside);
  const lastValue = useRef<unknown>(state?.value);
  useEffect(() => {
    if (state?.value !== lastValue.current) {
      lastValue.current = state?.value;
      setText(state === undefined ? "" : format(state.value));
    }
  }, [state, format]);
  const common = {
    id,
    "aria-describedby": describedBy,
    className: rows > 1 ? `${monoInputClass} mt-1` : `${inputClass} mt-1 font-mono`,
    placeholder,
    spellCheck: false,
    value: text,
    onChange: (e: { target: { value: string } }) => {
      const t = e.target.value;
      setText(t);
      const v = t.trim() === "" ? undefined : parse(t);
      lastValue.current = v;
      onChange(v === undefined ? undefined : { enabled: true, value: v });
    },
  };
  return rows > 1 ? <textarea rows={rows} {...common} /> : <input {...common} />;
}
