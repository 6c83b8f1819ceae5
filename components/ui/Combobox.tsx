"use client";
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
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

/** Keys that move the highlight through the open list. */
const MOVES = new Set(["ArrowDown", "ArrowUp", "PageDown", "PageUp", "Home", "End"]);

/**
 * Where the highlight goes for a key, among `n` options with `page` of them visible at once:
 * arrows step and wrap around, PageUp/PageDown jump a page and stop at the ends, Home/End go to
 * the ends. `active` is -1 when nothing is highlighted yet.
 */
export function moveHighlight(key: string, active: number, n: number, page: number): number {
  const last = n - 1;
  switch (key) {
    case "ArrowDown":
      return active >= last ? 0 : active + 1;
    case "ArrowUp":
      return active <= 0 ? last : active - 1;
    case "PageDown":
      return Math.min(last, Math.max(active, 0) + page);
    case "PageUp":
      return active < 0 ? 0 : Math.max(0, active - page);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return active;
  }
}

/** How many options the list shows at once (at least 1). */
function pageSize(list: HTMLElement | null): number {
  const option = list?.firstElementChild as HTMLElement | null | undefined;
  if (!list || !option || option.offsetHeight === 0) return 10;
  return Math.max(1, Math.floor(list.clientHeight / option.offsetHeight));
}

/**
 * A text input that accepts any value and suggests options (WAI-ARIA combobox with a listbox
 * popup): typing filters; arrows, PageUp/PageDown and (while the list is open, as in MUI's
 * Autocomplete) Home/End move the highlight, which is kept scrolled into view; Enter picks,
 * Escape closes. A click in the input opens the list and never closes it.
 */
export function Combobox({ label, value, onChange, options, placeholder, className }: ComboboxProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [filter, setFilter] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
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
  useEffect(() => {
    if (!open || active < 0) return;
    list.current?.children[active]?.scrollIntoView({ block: "nearest" });
  }, [open, active]);
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const listKey = e.key === "Home" || e.key === "End" ? open : MOVES.has(e.key);
    if (listKey) {
      e.preventDefault();
      setOpen(true);
      if (shown.length > 0) setActive(moveHighlight(e.key, active, shown.length, pageSize(list.current)));
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
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
      />
      <ul
        ref={list}
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
