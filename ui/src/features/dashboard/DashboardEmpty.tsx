import { Rocket } from "lucide-react";
import { Link } from "react-router";
import { pagePath } from "../../app/pages";
import { Card } from "../../components/ui/Card";

/** No VM yet: the way to the deploy wizard. */
export function DashboardEmpty() {
  return (
    <Card data-testid="dashboard-empty" className="flex flex-col items-center gap-4 py-12 text-center lg:col-span-2">
      <Rocket aria-hidden className="size-8 text-fg-muted" />
      <div>
        <h2 className="text-lg font-semibold">No virtual machines yet</h2>
        <p className="mt-1 text-sm text-fg-muted">
          Pick a GPU, a region and an image, add your SSH key, and see the price before you deploy.
        </p>
      </div>
      <Link
        to={pagePath("deploy")}
        data-testid="dashboard-deploy"
        className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-fg hover:opacity-90"
      >
        Deploy a VM
      </Link>
    </Card>
  );
}
