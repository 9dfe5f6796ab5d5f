// The volume rules, asked of Rust (barrack-api forms::volume) as the user types: the create
// form, the resize form, and which VMs a volume may be attached to or detached from.

import {
  commands,
  type AttachmentForm_Deserialize,
  type AttachmentRules_Serialize,
  type ResizeCheck_Serialize,
  type ResizeForm_Deserialize,
  type VolumeCheck_Serialize,
  type VolumeForm_Deserialize,
} from "../../bindings";
import type { Check } from "../../lib/useCheck";
import type { VM } from "../instances/status";
import type { Volume } from "./queries";

export const volumeCheck: Check<VolumeForm_Deserialize, VolumeCheck_Serialize> = {
  name: "volume",
  run: (form) => commands.checkVolume(form),
};

export const resizeCheck: Check<ResizeForm_Deserialize, ResizeCheck_Serialize> = {
  name: "volumeResize",
  run: (form) => commands.checkVolumeResize(form),
};

export const attachmentCheck: Check<AttachmentForm_Deserialize, AttachmentRules_Serialize> = {
  name: "volumeAttachment",
  run: (form) => commands.checkVolumeAttachment(form),
};

/** What the attach and detach rules need of a volume and of the VMs. */
export function attachmentForm(volume: Volume, vms: readonly VM[]): AttachmentForm_Deserialize {
  return {
    volume: {
      id: volume.id,
      region: volume.region,
      status: volume.status,
      bootable: volume.bootable,
      instanceId: volume.instance_id,
    },
    vms: vms.map((vm) => ({
      id: vm.id,
      name: vm.name,
      region: vm.region,
      status: vm.status,
      bootVolumeId: vm.image.type === "volume" ? vm.image.id : null,
    })),
  };
}
