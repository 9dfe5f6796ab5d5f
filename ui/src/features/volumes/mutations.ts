// Creating, cloning, resizing and deleting volumes, attaching and detaching them. Each dialog
// shows its own error (`quiet`). After each change the volumes, the VMs' attachments and the
// dashboard are fetched again (VOL-05).

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type CreateVolumeRequest_Deserialize } from "../../bindings";
import { call } from "../../lib/ipc";
import { refetchVolumes } from "./queries";

function useVolumeMutation<V, R>(send: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => refetchVolumes(qc), meta: { quiet: true } });
}

export function useCreateVolume() {
  return useVolumeMutation((body: CreateVolumeRequest_Deserialize) => call(commands.createVolume(body)));
}

export function useDeleteVolume() {
  return useVolumeMutation((id: string) => call(commands.deleteVolume(id)));
}

export function useCloneVolume(id: string) {
  return useVolumeMutation((name: string) => call(commands.cloneVolume(id, { name })));
}

export function useResizeVolume(id: string) {
  return useVolumeMutation((sizeGb: number) => call(commands.resizeVolume(id, { size_gb: sizeGb })));
}

export function useAttachVolume() {
  return useVolumeMutation(({ vmId, volumeId }: { vmId: string; volumeId: string }) =>
    call(commands.attachVolumes(vmId, { volume_ids: [volumeId] })),
  );
}

export function useDetachVolume() {
  return useVolumeMutation(({ vmId, volumeId }: { vmId: string; volumeId: string }) =>
    call(commands.detachVolumes(vmId, { volume_ids: [volumeId] })),
  );
}
