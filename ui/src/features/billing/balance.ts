// The account's balance: one query serves the header, the dashboard and the Billing page;
// the poller patches it in place when it sees a change.

import { useQuery, type QueryClient } from "@tanstack/react-query";
import { commands, type CreditBalanceResponse_Serialize } from "../../bindings";
import { call } from "../../lib/ipc";
import { keys } from "../../lib/queryClient";
import { useSession } from "../account/session";

export type CreditBalance = CreditBalanceResponse_Serialize;

export function useBalance() {
  const session = useSession();
  return useQuery({
    queryKey: keys.balance,
    queryFn: () => call(commands.getBalance()),
    enabled: session.data?.signedIn === true,
  });
}

/** The balance in the account's own currency (balances are kept per currency, BILL-06). */
export function primaryBalance(b: CreditBalance): { amount: number; currency: string } {
  const own = b.balances.find((x) => x.currency === b.currency);
  return { amount: own?.amount ?? 0, currency: b.currency };
}

/**
 * Puts a balance pushed by the poller into the cache (no request): every currency's when the
 * change carries them (credits in another currency move too), else the account's own.
 */
export function patchBalance(
  qc: QueryClient,
  amount: number,
  currency: string | null,
  balances: CreditBalance["balances"] = [],
): void {
  qc.setQueryData<CreditBalance>(keys.balance, (old) => {
    if (!old) return old;
    const cur = currency ?? old.currency;
    if (balances.length > 0) return { ...old, currency: cur, balances };
    const others = old.balances.filter((b) => b.currency !== cur);
    return { ...old, currency: cur, balances: [...others, { currency: cur, amount }] };
  });
}

export type Balances = {
  /** The account's own currency. */
  currency: string;
  /** The balance in that currency; `null` before anything has loaded. */
  amount: number | null;
  /** Every currency's balance (credits cannot move between them, BILL-06/07). */
  balances: { currency: string; amount: number | null }[];
};

type BalanceCopy = {
  currency: string;
  balance: number | null;
  balances: { currency: string; amount: number | null }[];
};

/**
 * The balance every page shows: the one balance query (the poller patches it), so the header,
 * the dashboard and the Billing page never disagree. An overview's copy (`fallback`) is shown
 * only until that query has loaded.
 */
export function useBalances(fallback?: BalanceCopy): Balances {
  const b = useBalance().data;
  if (b) return { currency: b.currency, amount: primaryBalance(b).amount, balances: b.balances };
  if (fallback) return { currency: fallback.currency, amount: fallback.balance, balances: fallback.balances };
  return { currency: "USD", amount: null, balances: [] };
}
