import { Button } from "./Button";
import { pageCount } from "../../lib/paging";

/** Previous / page numbers / Next; nothing when everything fits on one page (SNAP-03). */
export function Pager({
  page,
  total,
  perPage,
  onPage,
}: {
  page: number;
  total: number;
  perPage: number;
  onPage: (p: number) => void;
}) {
  const pages = pageCount(total, perPage);
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" data-testid="pager" className="flex flex-wrap items-center justify-center gap-1">
      <Button data-testid="pager-previous" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      {Array.from({ length: pages }, (_, i) => i + 1).map((p) => (
        <Button
          key={p}
          data-testid={`pager-page-${p}`}
          variant={p === page ? "primary" : "ghost"}
          aria-current={p === page ? "page" : undefined}
          onClick={() => onPage(p)}
        >
          {p}
        </Button>
      ))}
      <Button data-testid="pager-next" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
