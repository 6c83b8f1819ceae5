"use client";
import type { ReactNode } from "react";
import { type AppPage, AppNav } from "./AppNav";
import { cn } from "./cn";
import { PageNotice } from "./PageNotice";
import { ThemeToggle } from "./ThemeToggle";

interface AppShellProps {
  page: AppPage;
  title: string;
  /** The page's own header controls, between the page links and the theme toggle. */
  tools: ReactNode;
  notice: string | null;
  onDismissNotice: () => void;
  /**
   * The playground's layout: the header and notice run edge to edge and the page pads itself, and
   * the tools sit straight in the header row so its provider bar can grow into the free width.
   * Other pages are padded as a whole, with their tools grouped at the end of the header.
   */
  workbench?: boolean;
  children: ReactNode;
}

/** Every page's frame: the header (title, page links, the page's tools, theme toggle), its notice, then the page. */
export function AppShell({ page, title, tools, notice, onDismissNotice, workbench = false, children }: AppShellProps) {
  const controls = (
    <>
      {tools}
      <ThemeToggle />
    </>
  );
  return (
    <div
      className={
        workbench ? "mx-auto flex min-h-screen max-w-[1600px] flex-col" : "mx-auto flex min-h-screen max-w-[1800px] flex-col gap-3 p-3"
      }
    >
      <header
        className={cn("flex flex-wrap items-center gap-3 border-b border-zinc-200 dark:border-zinc-800", workbench ? "px-3 py-2" : "pb-2")}
      >
        <h1 className="text-base font-semibold">{title}</h1>
        <AppNav current={page} />
        {workbench ? controls : <div className="ml-auto flex flex-wrap items-center gap-1">{controls}</div>}
      </header>
      <PageNotice className={workbench ? undefined : "rounded"} text={notice} onDismiss={onDismissNotice} />
      {children}
    </div>
  );
}
