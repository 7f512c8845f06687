/** Text with some ranges marked, built from React text nodes (never HTML: the text comes from pages). */
export function Highlighted({
  text,
  marks,
}: {
  text: string;
  marks: ReadonlyArray<readonly [number, number]>;
}) {
  if (marks.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
