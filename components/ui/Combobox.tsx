"use client";
import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { cn } from "./cn";
import { inputClass } from "./fields";

export interface ComboOption {
  value: string;
  /** Small text after the value (where it came from). */
  hint?: string;
}

interface ComboboxProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ComboOption[];
  placeholder?: string;
  className?: string;
}

/**
 * A text input that accepts any value and suggests options (WAI-ARIA combobox with a listbox
 * popup): typing filters, arrows move, Enter picks, Escape closes.
 */
export function Combobox({ label, value, onChange, options, placeholder, className }: ComboboxProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [filter, setFilter] = useState<string | null>(null);
  const shown = useMemo(() => {
    const q = (filter ?? "").toLowerCase();
    return q === "" ? options : options.filter((o) => o.value.toLowerCase().includes(q));
  }, [options, filter]);
  const pick = (v: string) => {
    onChange(v);
    setOpen(false);
    setFilter(null);
    setActive(-1);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      const n = shown.length;
      if (n === 0) return;
      setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
    } else if (e.key === "Enter" && open && active >= 0 && shown[active]) {
      e.preventDefault();
      pick(shown[active].value);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  };
  return (
    <div className={cn("relative", className)}>
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
        className={inputClass}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          onChange(e.target.value);
          setFilter(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setFilter(null)}
        onClick={() => setOpen((o) => !o)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
      />
      <ul
        id={`${id}-list`}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: WAI-ARIA combobox popup; focus stays in the input
        role="listbox"
        aria-label={`${label} suggestions`}
        hidden={!open || shown.length === 0}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-zinc-300 bg-white py-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        {shown.map((o, i) => (
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the input (aria-activedescendant)
          <li
            key={o.value}
            id={`${id}-opt-${i}`}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: options are chosen with aria-activedescendant
            role="option"
            aria-selected={o.value === value}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(o.value);
            }}
            className={cn(
              "flex cursor-pointer justify-between gap-2 px-2 py-1",
              i === active && "bg-indigo-100 dark:bg-indigo-900",
              o.value === value && "font-medium",
            )}
          >
            <span className="truncate">{o.value}</span>
            {o.hint && <span className="shrink-0 text-xs text-zinc-500">{o.hint}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
