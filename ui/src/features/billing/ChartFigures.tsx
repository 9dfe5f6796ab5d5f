/** A chart's figures as a table, folded away: for screen readers and for copying numbers. */
export function ChartFigures({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-fg-muted">Show the figures</summary>
      <table className="mt-2 w-full text-left tabular-nums [&_td]:pr-3 [&_th]:pr-3">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-fg-muted">
          <tr>
            {head.map((h) => (
              <th key={h} className="font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
