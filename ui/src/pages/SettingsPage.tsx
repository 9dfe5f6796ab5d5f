import { useSession } from "../features/account/session";
import { useSettings } from "../features/settings/queries";
import { AccountsSection } from "../features/settings/AccountsSection";
import { AppearanceSection } from "../features/settings/AppearanceSection";
import { ConnectionCheck } from "../features/settings/ConnectionCheck";
import { OnBarrackAiSection } from "../features/settings/OnBarrackAiSection";
import { PreferencesForm } from "../features/settings/PreferencesForm";
import { SshKeyFileSection } from "../features/settings/SshKeyFileSection";
import { UpdatesSection } from "../features/settings/UpdatesSection";
import { LogsSection } from "../features/settings/LogsSection";
import { PageHeader } from "../components/ui/PageHeader";

export function SettingsPage() {
  const settings = useSettings();
  const session = useSession();
  return (
    <div data-testid="page-settings" className="flex max-w-4xl flex-col gap-6">
      <PageHeader page="settings" />
      {settings.data && session.data ? (
        <>
          <AccountsSection settings={settings.data} session={session.data} />
          <AppearanceSection theme={settings.data.theme} />
          <PreferencesForm settings={settings.data} />
          <SshKeyFileSection settings={settings.data} />
          <UpdatesSection settings={settings.data} />
          <LogsSection settings={settings.data} />
          <ConnectionCheck />
          <OnBarrackAiSection />
        </>
      ) : (
        <p className="text-sm text-fg-muted">
          {settings.isError ? "Settings could not be read." : "Loading settings…"}
        </p>
      )}
    </div>
  );
}
