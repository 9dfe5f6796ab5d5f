import { useEffect, useRef, type ReactNode } from "react";
import { useSearchParams } from "react-router";
import { Plus } from "lucide-react";
import type { PageSlug } from "../../app/pages";
import type { AppError } from "../../lib/ipc";
import { Button } from "./Button";
import { DataStatus } from "./DataStatus";
import { PageHeader } from "./PageHeader";
import { RefreshButton } from "./RefreshButton";

type Props<D> = {
  page: PageSlug;
  query: {
    data: D | undefined;
    error: AppError | null;
    isPending: boolean;
    isFetching: boolean;
    dataUpdatedAt: number;
    refetch: () => unknown;
  };
  /** The header's "Create …" button. */
  create: { testId: string; label: string; disabled: boolean; title?: string | undefined; onClick: () => void };
  /** The filters under the header. */
  toolbar: ReactNode;
  /** Why creating is blocked, when it needs more than a line (an incomplete profile). */
  notice?: ReactNode;
  /** Said while the first answer is awaited. */
  loading: string;
  /** The page's body, once there is data. */
  children: (data: D) => ReactNode;
  /** The page's dialogs, outside its flow. */
  dialogs: ReactNode;
};

/**
 * A list page (images, snapshots): header with refresh and create, filters, the data's
 * status (stale, failed), then the list once there is data.
 */
export function ListPage<D>({ page, query, create, toolbar, notice, loading, children, dialogs }: Props<D>) {
  const data = query.data;
  useCreateFromLink(create, data !== undefined);
  return (
    // `page-<slug>` is the shell's convention for every page; `<slug>-page` the e2e suite's.
    <div data-testid={`page-${page}`}>
      <div data-testid={`${page}-page`} className="flex flex-col gap-4">
        <PageHeader
          page={page}
          actions={
            <div className="flex flex-wrap items-center justify-end gap-2">
              <RefreshButton fetching={query.isFetching} onRefresh={() => void query.refetch()} />
              <Button
                variant="primary"
                data-testid={create.testId}
                disabled={create.disabled}
                title={create.title}
                onClick={create.onClick}
              >
                <Plus aria-hidden className="size-4" />
                {create.label}
              </Button>
            </div>
          }
        />
        <div className="flex flex-wrap items-center gap-3">{toolbar}</div>
        {notice}
        <DataStatus query={query} />
        {query.isPending ? (
          <p className="text-sm text-fg-muted">{loading}</p>
        ) : data !== undefined ? (
          children(data)
        ) : null}
      </div>
      {dialogs}
    </div>
  );
}

/**
 * `?new=1` (the palette's "Create …") opens the create dialog once the data is there; when
 * creating is blocked the link is just dropped, and the page says why as it always does.
 */
function useCreateFromLink(create: Props<unknown>["create"], loaded: boolean) {
  const [params, setParams] = useSearchParams();
  const asked = params.get("new") === "1";
  // Once per link: the page's other links (region, details) may write the query again while
  // this one is being dropped; a later `?new=1` (the palette again) opens the dialog again.
  const handled = useRef(false);
  useEffect(() => {
    if (!asked) {
      handled.current = false;
      return;
    }
    if (!loaded || handled.current) return;
    handled.current = true;
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.delete("new");
        return next;
      },
      { replace: true },
    );
    if (!create.disabled) create.onClick();
  }, [asked, loaded, create, setParams]);
}
