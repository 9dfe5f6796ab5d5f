// "Create Volume" (VOL-10…16), from the Volumes page, the palette and a VM's page (VM-02):
// name (the server's suggestion, live counter, live duplicate check), region, size within
// its type's limits (from the volume-types endpoint), and "Make Bootable" with an OS image of
// the region. Every rule is Rust's (check_volume), the profile and minimum balance included:
// a refused form sends nothing and says why at the field.

import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { commands, RULE_LIMITS, type VolumeForm_Deserialize } from "../../bindings";
import { Alert, ErrorAlert } from "../../components/ui/Alert";
import { Field, fieldAria } from "../../components/ui/Field";
import { Input, Select } from "../../components/ui/Input";
import { Modal, ModalActions } from "../../components/ui/Modal";
import { CountedNameInput } from "../../components/ui/NameField";
import { IncompleteProfile } from "../../components/IncompleteProfile";
import { call, type AppError } from "../../lib/ipc";
import { errorAt } from "../../lib/checks";
import { useCheck, useCheckNow } from "../../lib/useCheck";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { primaryBalance, useBalance } from "../billing/balance";
import { withoutFieldPrefix } from "../settings/preferences";
import { volumeCheck } from "./checks";
import { useCreateVolume } from "./mutations";
import { typeLabel } from "./VolumeCard";
import { useVolumeTypes, type VolumeType } from "./queries";

type Props = {
  onOpenChange: (open: boolean) => void;
  /** Every volume name in the account (names are unique across it, VOL-13). */
  takenNames: readonly string[];
  /** The server's suggestion (VOL-12); `undefined` while it is not known. */
  suggestedName: string | null | undefined;
  /** The region, fixed (a VM's, or the page's filter); empty: asked first (GEN-04). */
  region: string;
  /** The regions to choose from when it is asked. */
  regions: readonly string[];
  /** Opened from a VM's page: the volume is for this VM (its region). */
  forVm?: string;
};

const FIELDS = ["name", "region", "sizeGb", "osImageId", "profile", "balance"];
/** How the server names the fields the form names otherwise (its refusals show there too). */
const SERVER_FIELD: Record<string, string> = { sizeGb: "size_gb", osImageId: "os_image_id" };
const onServer = (field: string) => SERVER_FIELD[field] ?? field;

/** The type's key in the select: its name and tier (a name may exist in several tiers). */
function typeKey(t: VolumeType): string {
  return `${t.tier ?? ""}|${t.name}`;
}

function useOsImages(region: string, enabled: boolean) {
  return useQuery({
    queryKey: ["volumes", "os-images", region],
    queryFn: async () => (await call(commands.listOsImages({ region }))).images,
    enabled: enabled && region !== "",
    meta: { quiet: true },
  });
}

export function CreateVolumeDialog(props: Props) {
  return (
    <Modal
      open
      onOpenChange={props.onOpenChange}
      testId="volume-dialog"
      title={props.forVm ? `Create a volume for ${props.forVm}` : "Create Volume"}
      description="Block storage in one region, billed hourly on its size. Attach it to a running VM of the same region."
    >
      <CreateVolumeForm {...props} />
    </Modal>
  );
}

function CreateVolumeForm({ onOpenChange, takenNames, suggestedName, region: fixedRegion, regions, forVm }: Props) {
  const create = useCreateVolume();
  const guard = useSubmitGuard();
  const checkNow = useCheckNow();
  const balanceQuery = useBalance();
  const balance = balanceQuery.data;
  const typesQuery = useVolumeTypes();
  const types = typesQuery.data ?? [];
  // Asked once the type's limits and the balance are known (or failed to load), not about a half-known form.
  const ready = !typesQuery.isPending && !balanceQuery.isPending;
  const [typedName, setTypedName] = useState<string | null>(null);
  const [region, setRegion] = useState(fixedRegion);
  const [typeChoice, setTypeChoice] = useState<string | null>(null);
  const type = types.find((t) => typeKey(t) === typeChoice) ?? types[0];
  const limits = { minGb: type?.min_size_gb ?? null, maxGb: type?.max_size_gb ?? null };
  const [typedSize, setTypedSize] = useState<string | null>(null);
  const sizeGb = typedSize ?? String(limits.minGb ?? RULE_LIMITS.volumeMinGb);
  const [bootable, setBootable] = useState(false);
  const [osImageId, setOsImageId] = useState("");
  const [tried, setTried] = useState(false);
  const images = useOsImages(region, bootable);
  const name = typedName ?? suggestedName ?? "";
  const standing = balance
    ? {
        profileComplete: balance.profile_complete,
        balance: primaryBalance(balance).amount,
        currency: balance.currency,
      }
    : null;
  const form: VolumeForm_Deserialize = {
    name,
    taken: [...takenNames],
    region,
    sizeGb,
    bootable,
    osImageId: bootable ? osImageId : "",
    volumeType: type?.name ?? "",
    limits,
    standing,
  };
  const answer = useCheck(volumeCheck, form, ready).data;
  const refused: AppError | null = create.error;
  // Shown once typed or tried (a suggested name at once): the field errors from Rust, or the server's refusal.
  const at = (field: string, touched: boolean) =>
    (touched || tried ? errorAt(answer?.errors, field) : null) ??
    (refused?.field === onServer(field) ? withoutFieldPrefix(refused.serverMessage, onServer(field)) : null);
  const nameError = at("name", typedName !== null || typeof suggestedName === "string");
  const sizeError = at("sizeGb", typedSize !== null);
  const regionError = at("region", false);
  const imageError = at("osImageId", false);
  const profileError =
    errorAt(answer?.errors, "profile") ?? (refused?.field === "profile" ? refused.serverMessage : null);
  const balanceError = errorAt(answer?.errors, "balance");
  const other = refused && !FIELDS.map(onServer).includes(refused.field ?? "") ? refused : null;
  const noImages = bootable && images.data !== undefined && images.data.length === 0;

  function toggleBootable(on: boolean) {
    setBootable(on);
    // VOL-15: a bootable volume needs at least the bootable minimum; a smaller size is raised.
    const n = Number(sizeGb);
    if (on && (!Number.isFinite(n) || n < RULE_LIMITS.bootableVolumeMinGb)) {
      setTypedSize(String(RULE_LIMITS.bootableVolumeMinGb));
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    void guard(async () => {
      // Rust's answer for exactly what is on screen: a refused form sends nothing.
      const checked = await checkNow(volumeCheck, form);
      if (!checked.value) return;
      const res = await create.mutateAsync(checked.value);
      toast.success(`Volume ${res.volume.name} is being created`, {
        description: forVm
          ? `Attach it to ${forVm} from this page once it is AVAILABLE.`
          : "It shows as CREATING, then AVAILABLE.",
      });
      onOpenChange(false);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-4">
      {standing && !standing.profileComplete && <IncompleteProfile what="new volumes" testId="volume-profile" />}
      {profileError && standing?.profileComplete !== false && (
        <Alert tone="warning" testId="volume-profile-error" title="Your Barrack profile is incomplete">
          {profileError}
        </Alert>
      )}
      {balanceError && (
        <Alert tone="warning" testId="volume-balance-error" title="Not enough credits">
          {balanceError}
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="volume-name" label="Name" error={nameError} hint="Unique in your account.">
          <CountedNameInput
            {...fieldAria("volume-name", nameError)}
            data-testid="volume-name"
            counterTestId="volume-name-counter"
            autoFocus
            value={name}
            onChange={(e) => setTypedName(e.target.value)}
          />
        </Field>
        <Field id="volume-region" label="Region" error={regionError}>
          <Select
            id="volume-region"
            data-testid="volume-region"
            value={region}
            disabled={fixedRegion !== ""}
            onChange={(e) => {
              setRegion(e.target.value);
              setOsImageId("");
            }}
          >
            {fixedRegion === "" && <option value="">Choose a region first</option>}
            {(fixedRegion === "" ? regions : [fixedRegion]).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="volume-size"
          label="Size (GB)"
          error={sizeError}
          hint={`${(limits.minGb ?? RULE_LIMITS.volumeMinGb).toLocaleString("en-US")} to ${(limits.maxGb ?? RULE_LIMITS.volumeMaxGb).toLocaleString("en-US")} GB; bootable: at least ${RULE_LIMITS.bootableVolumeMinGb} GB.`}
        >
          <Input
            {...fieldAria("volume-size", sizeError)}
            data-testid="volume-size"
            inputMode="numeric"
            value={sizeGb}
            onChange={(e) => setTypedSize(e.target.value)}
          />
        </Field>
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium">Make Bootable</span>
          <button
            type="button"
            role="switch"
            aria-checked={bootable}
            data-testid="volume-bootable"
            onClick={() => toggleBootable(!bootable)}
            className={"relative h-6 w-11 rounded-full transition-colors " + (bootable ? "bg-primary" : "bg-surface-2")}
          >
            <span
              aria-hidden
              className={
                "absolute top-0.5 left-0.5 size-5 rounded-full bg-white shadow transition-transform " +
                (bootable ? "translate-x-5" : "")
              }
            />
            <span className="sr-only">Make Bootable</span>
          </button>
          <span className="text-xs text-fg-muted">A bootable volume is made from an OS image and can boot a VM.</span>
        </div>
      </div>
      {types.length > 1 && (
        <Field id="volume-type" label="Type">
          <Select
            id="volume-type"
            data-testid="volume-type"
            value={type ? typeKey(type) : ""}
            onChange={(e) => setTypeChoice(e.target.value)}
          >
            {types.map((t) => (
              <option key={typeKey(t)} value={typeKey(t)}>
                {typeLabel(t.name)}
                {t.tier ? ` (${t.tier})` : ""}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {bootable && (
        <Field id="volume-os-image" label="OS image" error={imageError} testId="volume-os-image">
          {noImages ? (
            <p data-testid="volume-no-images" role="alert" className="text-sm font-medium text-danger">
              {region} has no OS images: a bootable volume cannot be made there.
            </p>
          ) : (
            <Select
              id="volume-os-image"
              data-testid="volume-os-image"
              value={osImageId}
              disabled={region === ""}
              onChange={(e) => setOsImageId(e.target.value)}
            >
              <option value="">{region === "" ? "Choose a region first" : "Choose an OS image"}</option>
              {(images.data ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      {other && <ErrorAlert testId="volume-error" error={other} />}
      <ModalActions
        testId="volume-submit"
        label="Create Volume"
        pendingLabel="Creating…"
        pending={create.isPending}
        disabled={standing?.profileComplete === false}
        holdCancel
      />
    </form>
  );
}
