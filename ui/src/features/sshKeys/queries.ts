// The account's SSH keys: the list, importing a public key and generating a pair (the
// private key is written by the backend and never reaches the webview).

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { commands, type SSHKeyResponse_Serialize } from "../../bindings";
import { call } from "../../lib/ipc";

export type SshKey = SSHKeyResponse_Serialize;

export const sshKeyKeys = { list: ["ssh-keys"] as const };

export function useSshKeys() {
  return useQuery({
    queryKey: sshKeyKeys.list,
    queryFn: async () => (await call(commands.listSshKeys())).ssh_keys,
    meta: { quiet: true },
  });
}

/**
 * A new key goes straight into the cached list, so the step can select it at once; no
 * refetch, since a list fetched before the key spread could drop it from the selection again.
 */
function addToList(qc: QueryClient, key: SshKey) {
  qc.setQueryData<SshKey[]>(sshKeyKeys.list, (old = []) => (old.some((k) => k.id === key.id) ? old : [...old, key]));
}

export function useImportSshKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; public_key: string }) => (await call(commands.createSshKey(body))).ssh_key,
    onSuccess: (key) => addToList(qc, key),
    meta: { quiet: true },
  });
}

/**
 * The backend asks where to save the private key first (a native dialog), creates the pair,
 * writes the private key there and returns only the public part and the path: the private
 * key never reaches the webview. A cancelled dialog is the error code "Cancelled".
 */
export function useGenerateSshKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(commands.generateSshKey(name)),
    onSuccess: ({ sshKey }) => addToList(qc, sshKey),
    meta: { quiet: true },
  });
}
