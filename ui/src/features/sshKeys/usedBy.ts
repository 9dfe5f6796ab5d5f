// The VMs that use a key (SSH-12), by name: the key lists their ids, the VM list their names.

import { useMemo } from "react";
import { useInstancesOverview } from "../instances/queries";
import type { SshKey } from "./queries";

export type KeyUser = { id: string; name: string };

/** A key's VMs with their names (the id when the VM list has not got it). */
export function useKeyUsers(): (key: SshKey) => KeyUser[] {
  const rows = useInstancesOverview().data?.rows;
  return useMemo(() => {
    const names = new Map((rows ?? []).map((r) => [r.vm.id, r.vm.name]));
    return (key: SshKey) => key.used_by.map((id) => ({ id, name: names.get(id) ?? id }));
  }, [rows]);
}
