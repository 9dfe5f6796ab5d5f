import { useState } from "react";
import { ExternalLink } from "lucide-react";
import { openUrl } from "@tauri-apps/plugin-opener";
import { toast } from "sonner";
import { toAppError } from "../../lib/ipc";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { CREDITS_URL, CREDIT_RULES, CURRENCY_TERMS } from "./credits";
import { money } from "./format";

/**
 * BILL-01…05: how buying credits works, and "Add credits", which opens Barrack's credits
 * page in the system browser: packages, payment (Razorpay) and tax are handled there.
 */
export function CreditsInfo({ currency }: { currency: string }) {
  const [opening, setOpening] = useState(false);

  async function open() {
    setOpening(true);
    try {
      await openUrl(CREDITS_URL);
    } catch (e) {
      // The link still works by hand: say where it goes.
      toast.error("The browser could not be opened", {
        description: `Open ${CREDITS_URL} yourself. (${toAppError(e).message})`,
      });
    } finally {
      setOpening(false);
    }
  }

  return (
    <Card data-testid="credits">
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
        <table className="w-full text-left">
          <thead className="text-xs text-fg-muted">
            <tr>
              <th className="py-1 pr-4 font-medium">Currency</th>
              <th className="py-1 pr-4 font-medium">Minimum purchase</th>
              <th className="py-1 pr-4 font-medium">Payment methods</th>
              <th className="py-1 font-medium">Tax</th>
            </tr>
          </thead>
          <tbody>
            {CURRENCY_TERMS.map((t) => (
              <tr
                key={t.currency}
                data-testid={`credits-terms-${t.currency}`}
                className={t.currency === currency ? "border-t border-border font-medium" : "border-t border-border"}
              >
                <td className="py-1.5 pr-4">
                  {t.currency}
                  {t.currency === currency && <span className="ml-1 text-xs text-fg-muted">(yours)</span>}
                </td>
                <td className="py-1.5 pr-4 tabular-nums">{money(t.minimum, t.currency)}</td>
                <td className="py-1.5 pr-4">{t.methods.join(", ")}</td>
                <td className="py-1.5">{t.tax ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="list-disc pl-5 text-fg-muted">
          {CREDIT_RULES.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
