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

/** Puts a balance pushed by the poller into the cache (no request). */
export function patchBalance(qc: QueryClient, amount: number, currency: string | null): void {
  qc.setQueryData<CreditBalance>(keys.balance, (old) => {
    if (!old) return old;
    const cur = currency ?? old.currency;
    const others = old.balances.filter((b) => b.currency !== cur);
    return { ...old, currency: cur, balances: [...others, { currency: cur, amount }] };
  });
}
