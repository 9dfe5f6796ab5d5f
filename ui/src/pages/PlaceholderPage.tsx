import { Construction } from "lucide-react";
import type { PageInfo } from "../app/pages";
import { Card } from "../components/ui/Card";
import { PageHeader } from "../components/ui/PageHeader";

/** A page not built yet: what it will be for, and that it comes later. */
export function PlaceholderPage({ page }: { page: PageInfo }) {
  return (
    <div data-testid={`page-${page.slug}`}>
      <PageHeader page={page.slug} />
      <Card className="flex items-center gap-4">
        <Construction aria-hidden className="size-6 shrink-0 text-fg-muted" />
        <p className="text-sm">The {page.label} page comes in a later release of Barrack Desktop.</p>
      </Card>
    </div>
  );
}
