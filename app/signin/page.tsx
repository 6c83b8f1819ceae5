import { safeRedirectPath } from "@/lib/net/redirect-path";

export const dynamic = "force-dynamic";

interface Props {
  searchParams: Promise<{ error?: string; next?: string }>;
}

/** The access-token form (only reachable in use when PLAYGROUND_ACCESS_TOKEN is set). */
export default async function SignInPage({ searchParams }: Props) {
  const { error, next } = await searchParams;
  return (
    <main className="mx-auto mt-24 max-w-sm p-6">
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      <form method="post" action="/signin/submit" className="flex flex-col gap-3">
        <input type="hidden" name="next" value={safeRedirectPath(next)} />
        <label className="flex flex-col gap-1 text-sm">
          Access token
          <input
            name="token"
            type="password"
            required
            autoComplete="current-password"
            className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>
        {error ? (
          <p role="alert" className="text-sm text-red-600">
            That token is not right.
          </p>
        ) : null}
        <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-white dark:bg-zinc-100 dark:text-zinc-900">
          Sign in
        </button>
      </form>
    </main>
  );
}
