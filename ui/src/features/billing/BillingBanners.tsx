import { Link } from "react-router";
import { Alert } from "../../components/ui/Alert";
import { formatRunway } from "../instances/money";
import { billingBanners } from "./banners";
import { money } from "./format";

type Props = { balance: number | null; currency: string; threshold: number | null; runwayHours: number | null };

/** The warnings that matter before anything else on the page (rules.md §10, BILL-08). */
export function BillingBanners({ balance, currency, threshold, runwayHours }: Props) {
  const shown = billingBanners({ balance, threshold, runwayHours });
  if (shown.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      {shown.includes("zero-balance") && (
        <Alert testId="zero-balance-banner" title="Your balance has run out">
          Barrack hibernates running VMs when the balance reaches zero, so their data is kept; hibernated VMs keep
          billing the small hibernation rate. Add credits, then restore the VMs you need.
        </Alert>
      )}
      {shown.includes("low-balance") && (
        <Alert testId="low-balance-banner" tone="warning" title={`Balance below ${money(threshold, currency)}`}>
          {money(balance, currency)} left. At zero, Barrack hibernates running VMs. The threshold is set in{" "}
          <Link to="/settings" className="font-medium text-primary underline">
            Settings
          </Link>
          .
        </Alert>
      )}
      {shown.includes("runway") && (
        <Alert testId="runway-banner" tone="warning" title={`The balance lasts about ${formatRunway(runwayHours)}`}>
          Less than a day at the current burn rate. Add credits, or hibernate or delete what you do not need (see Still
          billing below).
        </Alert>
      )}
    </div>
  );
}
