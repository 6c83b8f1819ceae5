"use client";
import { roleWarning } from "@/lib/checks/role-check";
import { useSession } from "../playground/context";

/** Under a message whose role the chosen provider does not document. */
export function RoleWarning({ role }: { role: string }) {
  const { profile } = useSession();
  const warning = roleWarning(profile, role);
  if (!warning) return null;
  return (
    <p role="status" className="mb-1 text-xs text-amber-700 dark:text-amber-400">
      ⚠ {warning}
    </p>
  );
}
