import { useState } from "react";
import { ExternalLink } from "lucide-react";
import { openBarrackPage } from "../../lib/barrackSite";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { OFFSCREEN_UNTIL_NEAR } from "./layout";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { CREDITS_URL, CREDIT_RULES, CURRENCY_TERMS } from "./credits";
import { money } from "./format";

/** Each currency's terms; the user's own is marked. */
function termsColumns(currency: string): Column<(typeof CURRENCY_TERMS)[number]>[] {
  return [
    {
      head: "Currency",
      cell: (t) => (
        <>
          {t.currency}
          {t.currency === currency && <span className="ml-1 text-xs text-fg-muted">(yours)</span>}
        </>
      ),
    },
    { head: "Minimum purchase", cell: (t) => money(t.minimum, t.currency), className: "tabular-nums" },
    { head: "Payment methods", cell: (t) => t.methods.join(", ") },
    { head: "Tax", cell: (t) => t.tax ?? "—" },
  ];
}

/**
 * BILL-01…05: how buying credits works, and "Add credits", which opens Barrack's credits
 * page in the system browser: packages, payment (Razorpay) and tax are handled there.
 */
export function CreditsInfo({ currency }: { currency: string }) {
  const [opening, setOpening] = useState(false);

  async function open() {
    setOpening(true);
    await openBarrackPage(CREDITS_URL);
    setOpening(false);
  }

  return (
    <Card data-testid="credits" className={OFFSCREEN_UNTIL_NEAR}>
      <CardTitle
        actions={
          <Button variant="primary" data-testid="add-credits" pending={opening} onClick={() => void open()}>
            <ExternalLink aria-hidden className="size-4" />
            Add credits
          </Button>
        }
      >
        Credits
      </CardTitle>
      <div className="flex flex-col gap-3 text-sm">
        <p className="text-fg-muted">
          Credits are bought on barrack.ai (a package or a custom amount, paid through Razorpay) and added at once; this
          app takes no payment. Purchases are charged in the currency of your profile's country, which must be complete.
        </p>
        <DataTable
          columns={termsColumns(currency)}
          rows={CURRENCY_TERMS}
          rowKey={(t) => t.currency}
          rowTestId={(t) => `credits-terms-${t.currency}`}
          rowClassName={(t) => (t.currency === currency ? "font-medium" : undefined)}
        />
        <ul className="list-disc pl-5 text-fg-muted">
          {CREDIT_RULES.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
