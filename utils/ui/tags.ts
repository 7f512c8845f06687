/** Tags as typed: split on Latin and Chinese commas, enumeration marks, semicolons and new lines. */
export function parseTagList(text: string): string[] {
  const tags = text
    .split(/[,，、;；\n]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return [...new Set(tags)].slice(0, 100);
}
