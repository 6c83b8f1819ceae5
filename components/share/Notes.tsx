/** A short list of notes (no live region: shown with the content they describe). */
export function Notes({ items, label }: { items: string[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <ul
      aria-label={label}
      className="list-disc space-y-1 rounded-md border border-amber-300 bg-amber-50 py-2 pr-3 pl-7 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
    >
      {items.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
