import { useState, type FormEvent } from "react";
import * as Switch from "@radix-ui/react-switch";
import { toast } from "sonner";
import { keys } from "../../lib/queryClient";
import { preferencesOf, useSaveSettings, type Settings } from "./queries";
import { showErrorToast } from "../../lib/notify";
import { useQueryClient } from "@tanstack/react-query";
import type { Notifications_Serialize } from "../../bindings";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { TextField } from "../../components/ui/Field";
import {
  PREFERENCE_FIELDS,
  applyDraft,
  draftOf,
  validatePreferences,
  withoutFieldPrefix,
  type PreferenceErrors,
  type PreferenceField,
  type PreferencesDraft,
} from "./preferences";

const NOTIFICATIONS: { key: keyof Notifications_Serialize; testId: string; label: string }[] = [
  { key: "vmReady", testId: "notify-vm-ready", label: "A VM is ready (ACTIVE)" },
  { key: "snapshotReady", testId: "notify-snapshot-ready", label: "A snapshot is ready" },
  { key: "imageReady", testId: "notify-image-ready", label: "An image is available" },
  { key: "lowBalance", testId: "notify-low-balance", label: "The balance falls below the threshold" },
];

type InputSpec = {
  field: PreferenceField;
  id: string;
  label: string;
  hint: string;
  inputMode: "numeric" | "decimal";
};

const POLLING: InputSpec[] = [
  {
    field: "pollFastSecs",
    id: "poll-fast-secs",
    label: "Check every (seconds) while something is changing",
    hint: "1–60. Used while a VM, snapshot or image is between two states.",
    inputMode: "numeric",
  },
  {
    field: "pollIdleSecs",
    id: "poll-idle-secs",
    label: "Check every (seconds) when nothing is changing",
    hint: "15–3600. An idle app makes almost no requests.",
    inputMode: "numeric",
  },
];

const THRESHOLD: InputSpec = {
  field: "lowBalanceThreshold",
  id: "low-balance-threshold",
  label: "Low-balance threshold",
  hint: "In the account's currency. 0 or more.",
  inputMode: "decimal",
};

type InputProps = InputSpec & {
  draft: PreferencesDraft;
  errors: PreferenceErrors;
  onEdit: (patch: Partial<PreferencesDraft>) => void;
};

/** One typed preference, with its error from the last save. */
function PreferenceInput({ field, draft, errors, onEdit, ...spec }: InputProps) {
  return <TextField {...spec} error={errors[field]} value={draft[field]} onChange={(v) => onEdit({ [field]: v })} />;
}

/** Polling, notifications and the low-balance threshold, saved together. */
export function PreferencesForm({ settings }: { settings: Settings }) {
  const qc = useQueryClient();
  const save = useSaveSettings();
  const [draft, setDraft] = useState<PreferencesDraft>(() => draftOf(settings));
  const [errors, setErrors] = useState<PreferenceErrors>({});

  function edit(patch: Partial<PreferencesDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validatePreferences(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // Merge into the latest copy: the theme may have changed meanwhile.
    const latest = qc.getQueryData<Settings>(keys.settings) ?? settings;
    save.mutate(preferencesOf(applyDraft(latest, draft)), {
      onSuccess: () => toast.success("Settings saved"),
      onError: (err) => {
        const field = err.field as PreferenceField | undefined;
        if (field && PREFERENCE_FIELDS.includes(field)) {
          setErrors({ [field]: withoutFieldPrefix(err.serverMessage, field) });
        } else {
          showErrorToast(err);
        }
      },
    });
  }

  return (
    <Card>
      <CardTitle>Updates and notifications</CardTitle>
      <form onSubmit={submit} noValidate className="flex flex-col gap-5">
        <div className="grid gap-4 sm:grid-cols-2">
          {POLLING.map((f) => (
            <PreferenceInput key={f.field} {...f} draft={draft} errors={errors} onEdit={edit} />
          ))}
        </div>

        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-sm font-medium">Desktop notifications when…</legend>
          {NOTIFICATIONS.map(({ key, testId, label }) => (
            <label key={key} className="relative flex items-center gap-3 text-sm">
              <Switch.Root
                data-testid={testId}
                checked={draft.notifications[key]}
                onCheckedChange={(on) => edit({ notifications: { ...draft.notifications, [key]: on } })}
                className="relative h-5 w-9 shrink-0 rounded-full bg-border data-[state=checked]:bg-primary"
              >
                <Switch.Thumb className="block size-4 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[18px]" />
              </Switch.Root>
              {label}
            </label>
          ))}
        </fieldset>

        <div className="max-w-xs">
          <PreferenceInput {...THRESHOLD} draft={draft} errors={errors} onEdit={edit} />
        </div>

        <div>
          <Button type="submit" variant="primary" data-testid="settings-save" pending={save.isPending}>
            {save.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
