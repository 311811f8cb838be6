/** How an attachment is described next to its link: 授课提纲（PDF，1.2 MB）. */

/** The file's extension in capitals (`PDF`, `DOCX`), or `undefined` when it has none. */
export function fileTypeLabel(file: string): string | undefined {
  const match = /\.([a-z0-9]{1,8})$/i.exec(file);
  return match ? match[1].toUpperCase() : undefined;
}

/** 512 B, 1.5 KB, 12 MB: one decimal below ten, none above. */
export function formatFileSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}
