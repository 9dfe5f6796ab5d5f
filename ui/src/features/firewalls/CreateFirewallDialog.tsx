// Creating a firewall (FW-03): name, description and region. The name is Rust's to check
// (unique among the account's firewalls); the description's limit is Rust's too, refused by
// the backend and shown at its field.

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { ErrorAlert } from "../../components/ui/Alert";
import { DescriptionField, Field } from "../../components/ui/Field";
import { Select } from "../../components/ui/Input";
import { Modal, ModalActions } from "../../components/ui/Modal";
import { NameField } from "../../components/ui/NameField";
import { toAppError } from "../../lib/ipc";
import { useResourceName } from "../../lib/useResourceName";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { fieldRefusal } from "../scripts/fieldRefusal";
import { useCreateFirewall } from "./mutations";

type Props = {
  /** Every firewall name in the account. */
  takenNames: readonly string[];
  regions: readonly string[];
  /** The page's region filter: preselected; "" (All regions) asks for the region first. */
  region: string;
  onOpenChange: (open: boolean) => void;
};

export function CreateFirewallDialog({ takenNames, regions, region: pageRegion, onOpenChange }: Props) {
  const create = useCreateFirewall();
  const guard = useSubmitGuard();
  const name = useResourceName("firewall", takenNames);
  const [description, setDescription] = useState("");
  const [region, setRegion] = useState(pageRegion);
  const [descriptionRefused, setDescriptionRefused] = useState(false);
  const error = create.error;
  const descriptionRefusal = descriptionRefused ? fieldRefusal(error, "description", "The description") : null;
  const regionRefusal = fieldRefusal(error, "region", "The region");
  const other = error && !["name", "description", "region"].includes(error.field ?? "") ? error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    void guard(() =>
      name.whenAccepted(async (accepted) => {
        try {
          const res = await create.mutateAsync({ name: accepted, description, region });
          toast.success(`Firewall ${res.firewall.name} created: add its rules next`);
          onOpenChange(false);
        } catch (err) {
          const appError = toAppError(err);
          name.refused(appError);
          setDescriptionRefused(appError.field === "description");
        }
      }),
    );
  }

  return (
    <Modal
      open
      onOpenChange={(o) => (create.isPending ? undefined : onOpenChange(o))}
      testId="firewall-dialog"
      title="Create Firewall"
      description="A firewall is a set of rules shared by the VMs it is attached to, in one region."
    >
      <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-4">
        <NameField id="firewall-name" name={name} unique="among your firewalls" />
        <DescriptionField
          id="firewall-description"
          value={description}
          error={descriptionRefusal}
          onChange={(v) => {
            setDescription(v);
            setDescriptionRefused(false);
          }}
        />
        <Field id="firewall-region" label="Region" error={regionRefusal}>
          <Select
            id="firewall-region"
            data-testid="firewall-region"
            value={region}
            onChange={(e) => setRegion(e.target.value)}
          >
            {region === "" && <option value="">Choose a region</option>}
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
        {other && <ErrorAlert testId="firewall-error" error={other} />}
        <ModalActions
          testId="firewall-submit"
          label="Create Firewall"
          pendingLabel="Creating…"
          pending={create.isPending}
          disabled={region === ""}
          holdCancel
        />
      </form>
    </Modal>
  );
}
