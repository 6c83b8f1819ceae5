/** Saves text as a file through a temporary object URL (nothing leaves the browser). */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A timestamp for file names: 2026-01-31-12-00-00. */
export const fileStamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
