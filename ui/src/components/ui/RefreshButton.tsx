import { RefreshCw } from "lucide-react";
import { cn } from "../../lib/cn";
import { Button } from "./Button";

/** Fetches the page's data again; the icon spins while anything is loading (SNAP-05). */
export function RefreshButton({ fetching, onRefresh }: { fetching: boolean; onRefresh: () => void }) {
  return (
    <Button data-testid="refresh" aria-busy={fetching || undefined} onClick={onRefresh}>
      <RefreshCw aria-hidden className={cn("size-4", fetching && "animate-spin")} />
      Refresh
    </Button>
  );
}
