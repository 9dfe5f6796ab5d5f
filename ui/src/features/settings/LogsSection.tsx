import type { LogLevel } from "../../bindings";
import { ErrorAlert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { Field } from "../../components/ui/Field";
import { Select } from "../../components/ui/Input";
import { LOG_LEVELS, useCopyDiagnostics, useOpenLogFolder, useSetLogLevel } from "./logs";
import type { Settings } from "./queries";

/**
 * Logs a user can send: how much the app writes to its log file, the folder that holds the
 * files, and a diagnostics text for a bug report (versions, system, webview, settings — never
 * the API key, nor its last characters).
 */
export function LogsSection({ settings }: { settings: Settings }) {
  const setLevel = useSetLogLevel();
  const openFolder = useOpenLogFolder();
  const diagnostics = useCopyDiagnostics();
  const shown = diagnostics.data;

  return (
    <Card data-testid="logs-section">
      <CardTitle>Logs</CardTitle>
      <div className="flex flex-col gap-4">
        <div className="max-w-xs">
          <Field
            id="log-level"
            label="Log level"
            hint="Applies at once. Debug and Trace help when reporting a problem; the API key is never written."
          >
            <Select
              id="log-level"
              data-testid="log-level"
              value={settings.logLevel}
              onChange={(e) => setLevel.mutate(e.target.value as LogLevel)}
            >
              {LOG_LEVELS.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button data-testid="open-logs-folder" pending={openFolder.isPending} onClick={() => openFolder.mutate()}>
            Open logs folder
          </Button>
          <Button data-testid="copy-diagnostics" pending={diagnostics.isPending} onClick={() => diagnostics.mutate()}>
            Copy diagnostics
          </Button>
        </div>
        {setLevel.isError && <ErrorAlert testId="log-level-error" error={setLevel.error} />}
        {openFolder.isError && <ErrorAlert testId="open-logs-folder-error" error={openFolder.error} />}
        {diagnostics.isError && <ErrorAlert testId="diagnostics-error" error={diagnostics.error} />}
        {shown && (
          <div className="flex flex-col gap-1">
            <p data-testid="diagnostics-status" role="status" className="text-sm">
              {shown.copied
                ? "Diagnostics copied to the clipboard. This is what was copied:"
                : "The clipboard refused the text: select it below and copy it by hand."}
            </p>
            <textarea
              data-testid="diagnostics-text"
              aria-label="Diagnostics"
              readOnly
              rows={12}
              value={shown.text}
              onFocus={(e) => e.currentTarget.select()}
              className="w-full rounded-md border border-border bg-surface-2 px-3 py-2 font-mono text-xs text-fg"
            />
          </div>
        )}
      </div>
    </Card>
  );
}
