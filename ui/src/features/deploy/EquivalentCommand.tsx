import { Copy } from "lucide-react";
import { toast } from "sonner";
import type { DeploymentRequest_Serialize } from "../../bindings";
import { Button } from "../../components/ui/Button";
import { useDeployExplain } from "./useDeployCatalog";

/**
 * The same deployment as a `barrack deploy` line and as the HTTP request (built by the
 * backend, so it is exactly what would be sent; the API key is never shown). A Jupyter
 * password is masked here: the command line reads it from $JUPYTER_PASSWORD instead.
 */
export function EquivalentCommand({ body }: { body: DeploymentRequest_Serialize }) {
  const masked = body.jupyter?.password ? { ...body, jupyter: { ...body.jupyter, password: "********" } } : body;
  const explain = useDeployExplain(masked);
  const e = explain.data;
  if (!e) {
    return (
      <p className="text-sm text-fg-muted">
        {explain.error ? `The command could not be built: ${explain.error.serverMessage}` : "Building the command…"}
      </p>
    );
  }
  const request = `${e.method} ${e.url}\n\n${e.body}`;
  return (
    <div className="flex flex-col gap-4">
      <Snippet label="Command line" testId="deploy-command" copyId="copy-command" text={e.command} />
      <Snippet label="API request" testId="deploy-request" copyId="copy-request" text={request} />
    </div>
  );
}

function Snippet({ label, testId, copyId, text }: { label: string; testId: string; copyId: string; text: string }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(`${label} copied`);
    } catch {
      toast.error("Could not copy; select the text and copy it by hand.");
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium">{label}</span>
        <Button data-testid={copyId} onClick={() => void copy()} aria-label={`Copy the ${label.toLowerCase()}`}>
          <Copy aria-hidden className="size-4" />
          Copy
        </Button>
      </div>
      <pre
        data-testid={testId}
        tabIndex={0}
        className="max-h-72 overflow-auto rounded-md bg-surface-2 px-3 py-2 font-mono text-xs whitespace-pre-wrap break-all select-all"
      >
        {text}
      </pre>
    </div>
  );
}
