import * as Switch from "@radix-ui/react-switch";
import type { UpdateOffer } from "../../bindings";
import type { AppError } from "../../lib/ipc";
import { Alert, ErrorAlert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import type { Settings } from "./queries";
import { useCheckForUpdate, useInstallUpdate, useSetAutoUpdateCheck } from "./updates";

/**
 * Signed updates: the automatic check (a while after start-up, never with the API key), a
 * check on demand, the offered version with its notes, and "Install and restart". The
 * backend installs nothing whose signature is not the project's.
 */
export function UpdatesSection({ settings }: { settings: Settings }) {
  const check = useCheckForUpdate();
  const install = useInstallUpdate();
  const setAuto = useSetAutoUpdateCheck();
  const offer = check.data?.offer ?? null;

  return (
    <Card data-testid="updates-section">
      <CardTitle
        actions={
          <Button
            data-testid="update-check"
            pending={check.isPending}
            disabled={install.isPending || install.isSuccess}
            onClick={() => {
              install.reset();
              check.mutate();
            }}
          >
            {check.isPending ? "Checking…" : "Check for updates"}
          </Button>
        }
      >
        Software updates
      </CardTitle>
      <div className="flex flex-col gap-4">
        <label className="relative flex items-center gap-3 text-sm">
          <Switch.Root
            data-testid="auto-update-check"
            checked={settings.autoUpdateCheck}
            onCheckedChange={(on) => setAuto.mutate(on)}
            className="relative h-5 w-9 shrink-0 rounded-full bg-border data-[state=checked]:bg-primary"
          >
            <Switch.Thumb className="block size-4 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[18px]" />
          </Switch.Root>
          Check for updates automatically, shortly after start-up
        </label>
        <p className="text-sm text-fg-muted">
          Updates are downloaded from the project's release page and installed only if their signature matches the key
          built into this app. The check sends no account data and never your API key.
        </p>
        {check.isError && <ErrorAlert testId="update-error" error={check.error} />}
        {check.data && !offer && (
          <p data-testid="update-latest" className="text-sm">
            Barrack Desktop <span data-testid="update-current-version">{check.data.currentVersion}</span> is the latest
            version.
          </p>
        )}
        {offer && <Offer offer={offer} />}
        {offer && (
          <InstallStep
            install={() => install.mutate(offer.version)}
            pending={install.isPending}
            installed={install.data ?? null}
            error={install.error}
          />
        )}
      </div>
    </Card>
  );
}

function Offer({ offer }: { offer: UpdateOffer }) {
  return (
    <div data-testid="update-offer" className="flex flex-col gap-2 rounded-md border border-border px-3 py-2">
      <p className="text-sm">
        Version{" "}
        <span data-testid="update-offer-version" className="font-semibold">
          {offer.version}
        </span>{" "}
        is available (you have <span data-testid="update-current-version">{offer.currentVersion}</span>)
        {offer.date ? `, published ${offer.date.slice(0, 10)}` : ""}.
      </p>
      {offer.notes ? (
        <div>
          <p className="text-sm font-medium">What is new</p>
          <p data-testid="update-offer-notes" className="whitespace-pre-line text-sm text-fg-muted">
            {offer.notes}
          </p>
        </div>
      ) : (
        <p className="text-sm text-fg-muted">No release notes were published.</p>
      )}
    </div>
  );
}

type InstallProps = { install: () => void; pending: boolean; installed: string | null; error: AppError | null };

function InstallStep({ install, pending, installed, error }: InstallProps) {
  if (installed) {
    return (
      <p data-testid="update-restarting" role="status" className="text-sm">
        Version {installed} is installed. Restarting…
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {error &&
        (error.code === "UpdateSignatureRefused" ? (
          <Alert testId="update-refused" title="Update refused: its signature is not valid.">
            {error.serverMessage}
          </Alert>
        ) : (
          <ErrorAlert testId="update-error" error={error} />
        ))}
      <div className="flex items-center gap-3">
        <Button data-testid="update-install" variant="primary" pending={pending} onClick={install}>
          {pending ? "Installing…" : "Install and restart"}
        </Button>
        {pending && (
          <span data-testid="update-installing" className="text-sm text-fg-muted">
            Downloading, verifying the signature and installing. The app restarts when it is done.
          </span>
        )}
      </div>
    </div>
  );
}
