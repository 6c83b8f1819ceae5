"use client";
import { useEffect, useState } from "react";
import { browserStorage, readText, writeText } from "@/lib/storage/browser-storage";
import { Button } from "./Button";

const KEY = "playground.theme";
type Theme = "light" | "dark";

function initialTheme(): Theme {
  const saved = readText(browserStorage(), KEY);
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Light and dark themes: class `dark` on <html>, remembered in localStorage. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.classList.toggle("dark", theme === "dark");
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const toggle = () => {
    const next = theme === "dark" ? "light" : "dark";
    setTheme(next);
    writeText(browserStorage(), KEY, next); // not remembered where storage refuses
  };
  return (
    <Button variant="ghost" size="sm" className="ml-auto" onClick={toggle} aria-pressed={theme === "dark"} aria-label="Dark theme">
      {theme === "dark" ? "☾ Dark" : "☀ Light"}
    </Button>
  );
}
