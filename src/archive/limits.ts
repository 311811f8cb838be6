/**
 * What the archive reader accepts, in one place (documented in docs/security.md).
 *
 * The numbers are far above what a real archive needs — the longest seed document
 * is about 30 KB, its longest paragraph under 2,000 characters — and far below
 * what makes the Markdown parser, the YAML parser or Pagefind slow or out of
 * memory. A file over a limit is refused with a problem naming it; nothing is cut.
 */
export const limits = {
  /**
   * Largest Markdown or YAML file, in bytes: 2 MiB is about 700,000 Chinese
   * characters, a whole book. Checked before the file is read.
   */
  fileBytes: 2 * 1024 * 1024,
  /**
   * Longest line, in characters. A paragraph pasted without line breaks is one
   * line; 100,000 characters is some fifty pages of it.
   */
  lineChars: 100_000,
  /**
   * YAML aliases (`*name`) a file may expand: enough for real front matter,
   * far too few for a "billion laughs" file to blow up memory.
   */
  yamlAliases: 50,
} as const;

/** `2.0 MiB`, `512 KiB`: sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}
