/** What an import loaded, and what it had to leave behind (a dropped key, an unknown field). */
export function ImportedSummary({ message, notices }: { message: string; notices: string[] }) {
  return (
    <>
      <p className="font-medium">{message}</p>
      {notices.length > 0 && (
        <ul className="list-disc pl-5">
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </>
  );
}
