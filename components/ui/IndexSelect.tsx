import { cn } from "./cn";
import { inputClass } from "./fields";

interface IndexSelectProps {
  /** Visible text before the select. */
  label: string;
  /** The select's accessible name, where it says more than the visible text ("Diff target" for "Target"). */
  name?: string;
  /** The choices, in order; the value is a position in this list. */
  options: { key: string; label: string }[];
  value: number;
  onChange: (index: number) => void;
  /** The select's width. */
  className?: string;
}

/** Picks one of a list by its position, for lists whose items have no id of their own to hold. */
export function IndexSelect({ label, name = label, options, value, onChange, className }: IndexSelectProps) {
  return (
    <label className="flex items-center gap-1 text-xs">
      {label}
      <select aria-label={name} className={cn(inputClass, className)} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map((o, i) => (
          <option key={o.key} value={i}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
