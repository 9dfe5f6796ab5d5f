import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { useBalance } from "../billing/balance";
import { type AppError } from "../../lib/ipc";
import { withoutFieldPrefix } from "../settings/preferences";
import { Alert, ErrorAlert } from "../../components/ui/Alert";
import { DescriptionField, Field } from "../../components/ui/Field";
import { Select } from "../../components/ui/Input";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { Modal, ModalActions } from "../../components/ui/Modal";
import { NameField } from "../../components/ui/NameField";
import { useCreateSnapshot } from "./mutations";
import { useResourceName } from "../../lib/useResourceName";
import { RULE_LIMITS } from "../../bindings";
import type { Snapshot, Vm } from "../storage/queries";
import { snapshotsPath } from "./paths";
import { vmLabel } from "./eligibility";
import { regionOptions } from "../../lib/regions";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The VMs to choose from: the region's ACTIVE VMs, or just the VM whose page this is. */
  vms: readonly Vm[];
  /** Opened from a VM's page: that VM, not a choice. */
  fixedVm?: boolean;
  /** The page shows all regions: the region is asked first, then only its VMs are offered
   * (SNAP-11, GEN-04). */
  askRegion?: boolean;
  /** Every snapshot name in the account (names are unique across it, SNAP-12). */
  takenNames: readonly string[];
  /** False when Barrack will refuse for an incomplete profile (SNAP-06). */
  profileComplete?: boolean;
  /**
   * The test ids the VM page's dialog had before this one replaced it (`snapshot-create`
   * submit, `snapshot-name-count`); the Snapshots page has its own `snapshot-create` button.
   */
  legacyIds?: boolean;
};

/**
 * The one "Create snapshot" dialog, for the Snapshots page and a VM's page (SNAP-10…14):
 * VM, name with counter and live checks, and under "Show advanced options" a description
 * and "Create as Image". Errors stay inside; on success it closes and the snapshot shows
 * at once as CREATING.
 */
export function CreateSnapshotDialog(props: Props) {
  const { open, onOpenChange, vms, fixedVm } = props;
  const title = fixedVm && vms[0] ? `Snapshot ${vms[0].name}` : "Create snapshot";
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      testId="snapshot-dialog"
      title={title}
      description="A point-in-time copy of a VM's disk, in the VM's region, billed as storage while it exists. The VM keeps running; creation may take several minutes."
    >
      {/* Mounted with the dialog, so each opening starts from a clean form. */}
      <CreateSnapshotForm {...props} onDone={() => onOpenChange(false)} />
    </Modal>
  );
}

function CreateSnapshotForm({
  vms: offered,
  fixedVm,
  askRegion,
  takenNames,
  profileComplete,
  legacyIds,
  onDone,
}: Props & { onDone: () => void }) {
  const create = useCreateSnapshot();
  const guard = useSubmitGuard();
  const navigate = useNavigate();
  const balance = useBalance();
  // SNAP-06: known before (balance) or learnt from the server's refusal (field "profile").
  const incomplete =
    profileComplete === false || balance.data?.profile_complete === false || create.error?.field === "profile";
  const [region, setRegion] = useState("");
  const vms = askRegion ? offered.filter((v) => region !== "" && v.region === region) : offered;
  const [vmId, setVmId] = useState(askRegion ? "" : (offered[0]?.id ?? ""));
  function chooseRegion(r: string) {
    setRegion(r);
    setVmId(offered.find((v) => v.region === r)?.id ?? "");
  }
  const name = useResourceName("snapshot", takenNames);
  const [advanced, setAdvanced] = useState(false);
  const [description, setDescription] = useState("");
  const [asImage, setAsImage] = useState(false);
  const otherError: AppError | null =
    create.error && create.error.field !== "name" && create.error.field !== "profile" ? create.error : null;
  const vm = vms.find((v) => v.id === vmId);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!vm) return;
    // The name as Rust accepted it, for exactly what is typed now (SNAP-12).
    void guard(() =>
      name.whenAccepted((accepted) =>
        create.mutateAsync(
          { instanceId: vm.id, name: accepted, description, asImage },
          {
            onSuccess: (res) => {
              announce(res.snapshot, fixedVm ? (to) => void navigate(to) : null);
              onDone();
            },
            onError: name.refused,
          },
        ),
      ),
    );
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-4">
      {incomplete && (
        <Alert
          tone="warning"
          testId={create.error?.field === "profile" ? "snapshot-error" : undefined}
          title="Your Barrack profile is incomplete"
        >
          Barrack refuses snapshots until the profile in My Account (address, postal code, country) is complete.
          {create.error?.field === "profile" && (
            <> Barrack said: {withoutFieldPrefix(create.error.serverMessage, "profile")}</>
          )}
        </Alert>
      )}
      {askRegion && (
        <Field id="snapshot-region" label="Region" hint="A snapshot stays in its VM's region.">
          <Select
            id="snapshot-region"
            data-testid="snapshot-region"
            value={region}
            onChange={(e) => chooseRegion(e.target.value)}
          >
            <option value="">Choose a region first</option>
            {regionOptions(offered.map((v) => v.region)).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field id="snapshot-vm" label="VM" hint="Only ACTIVE (running) VMs can be snapshotted.">
        <Select
          id="snapshot-vm"
          data-testid="snapshot-vm"
          value={vmId}
          disabled={fixedVm || vms.length === 0}
          onChange={(e) => setVmId(e.target.value)}
        >
          {askRegion && region === "" ? (
            <option value="">Choose a region first</option>
          ) : vms.length === 0 ? (
            <option value="">{askRegion ? `No ACTIVE VM in ${region}` : "No active VMs available"}</option>
          ) : (
            vms.map((v) => (
              <option key={v.id} value={v.id}>
                {vmLabel(v)}
              </option>
            ))
          )}
        </Select>
      </Field>
      <NameField
        id="snapshot-name"
        name={name}
        unique="in your account"
        placeholder={vm ? `${vm.name}-backup`.slice(0, RULE_LIMITS.nameMax) : undefined}
        counterTestId={legacyIds ? "snapshot-name-count" : "snapshot-name-counter"}
      />
      <button
        type="button"
        data-testid="snapshot-advanced"
        aria-expanded={advanced}
        onClick={() => setAdvanced((a) => !a)}
        className="self-start text-sm font-medium text-primary underline"
      >
        {advanced ? "Hide advanced options" : "Show advanced options"}
      </button>
      {advanced && (
        <div className="flex flex-col gap-4 rounded-md border border-border p-3">
          <DescriptionField id="snapshot-description" value={description} onChange={setDescription} />
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              data-testid="snapshot-as-image"
              checked={asImage}
              onChange={(e) => setAsImage(e.target.checked)}
              className="mt-0.5"
            />
            <span>
              Create as Image
              <span className="block text-xs text-fg-muted">
                Its type becomes "Image", so it can be picked as a boot source when deploying in this region.
              </span>
            </span>
          </label>
        </div>
      )}
      {otherError && <ErrorAlert testId="snapshot-error" error={otherError} />}
      <ModalActions
        testId={legacyIds ? "snapshot-create" : "snapshot-submit"}
        label="Create snapshot"
        pendingLabel="Creating…"
        pending={create.isPending}
        disabled={!vm}
      />
    </form>
  );
}

/** Says it has started; from a VM's page, with the way to it on the Snapshots page. */
function announce(snapshot: Snapshot, navigate: ((to: string) => void) | null) {
  toast.success(`Snapshot ${snapshot.name} is being created`, {
    description: "It may take several minutes; the VM keeps running. You are notified when it is ready.",
    action: navigate
      ? { label: "View in Snapshots", onClick: () => navigate(snapshotsPath({ details: snapshot.id })) }
      : undefined,
  });
}
