import Link from "next/link";
import { cn } from "./cn";

export type AppPage = "playground" | "compare" | "sweep" | "evaluate";

const PAGES: { id: AppPage; href: string; label: string }[] = [
  { id: "playground", href: "/", label: "Playground" },
  { id: "compare", href: "/compare", label: "Compare" },
  { id: "sweep", href: "/sweep", label: "Sweep" },
  { id: "evaluate", href: "/evaluate", label: "Evaluate" },
];

/**
 * Links between the pages. Leaving a page with `?from=<page>` tells the next one to start
 * from that page's current session (each page keeps its own in localStorage).
 */
export function AppNav({ current }: { current: AppPage }) {
  return (
    <nav aria-label="Pages" className="flex items-center gap-1 text-sm">
      {PAGES.map((p) => (
        <Link
          key={p.id}
          href={p.id === current ? p.href : `${p.href}?from=${current}`}
          aria-current={p.id === current ? "page" : undefined}
          className={cn(
            "rounded px-2 py-0.5",
            p.id === current ? "bg-zinc-200 font-medium dark:bg-zinc-800" : "text-indigo-700 hover:underline dark:text-indigo-300",
          )}
        >
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
