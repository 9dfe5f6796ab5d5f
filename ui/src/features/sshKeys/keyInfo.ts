// What a key's public line says about it (SSH-10): its type and size in bits, read by Rust
// (barrack-api's `ssh_key_kind_and_bits`, the same decoder that checks an imported key), and
// the regions it is in — every one, since a key is copied to all of them (SSH-06).

import { useQuery } from "@tanstack/react-query";
import { commands, type SshKeyInfo_Serialize } from "../../bindings";
import { call } from "../../lib/ipc";
import { KNOWN_REGIONS } from "../../lib/regions";
import type { SshKey } from "./queries";

export type KeyInfo = SshKeyInfo_Serialize;

/** Each listed key's type and bits, by public line, described in one call. */
export function useKeyInfo(keys: readonly SshKey[]): (publicKey: string) => KeyInfo | undefined {
  const lines = keys.map((k) => k.public_key);
  const info = useQuery({
    queryKey: ["ssh-key-info", lines],
    queryFn: () => call(commands.describeSshKeys(lines)),
    meta: { quiet: true },
    staleTime: Infinity,
  });
  return (publicKey) => {
    const i = lines.indexOf(publicKey);
    return i < 0 ? undefined : info.data?.[i];
  };
}

/** Every region: the server copies each key to all of them. */
export function keyRegions(_key: SshKey): readonly string[] {
  return KNOWN_REGIONS;
}
