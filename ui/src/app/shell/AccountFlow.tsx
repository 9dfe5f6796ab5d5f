import { createContext, useContext } from "react";

/** Opens the sign-in screen over the signed-in app ("Add account"), optionally for a profile. */
export type AccountFlow = { addAccount: (profile?: string) => void };

export const AccountFlowContext = createContext<AccountFlow>({ addAccount: () => {} });

export function useAccountFlow(): AccountFlow {
  return useContext(AccountFlowContext);
}
