import { useState } from "react";
import { Code, NotebookPen, SquareTerminal } from "lucide-react";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { commands, type LaunchAnswer } from "../../bindings";
import { Button } from "../../components/ui/Button";
import { call } from "../../lib/ipc";
import { normalizeStatus, type VM } from "./status";

type Target = "terminal" | "vscode" | "jupyter";

/** Each button's command: the backend reads the VM and builds the command line or URL itself. */
const OPEN: Record<Target, (id: string) => Promise<LaunchAnswer>> = {
  terminal: (id) => call(commands.openInTerminal(id)),
  vscode: (id) => call(commands.openInVscode(id)),
  jupyter: (id) => call(commands.openJupyter(id)),
};

/** Why the VM cannot be opened now, or `null`; the backend checks the same again. */
export function unreachableReason(vm: VM): string | null {
  const status = normalizeStatus(vm.status);
  if (status !== "ACTIVE")
    return `${vm.name} is ${vm.status || "in no known state"}: it can be reached only while ACTIVE.`;
  if (!vm.public_ip_enabled || !vm.public_ip) return `${vm.name} has no public IP address to connect to.`;
  return null;
}

/** What the person can do about a refusal, beside the backend's words. */
const HINTS: Partial<Record<string, string>> = {
  NoTerminal: "Install a terminal (for example gnome-terminal or konsole) and try again.",
  Failed: "Check that VS Code (with Remote-SSH) or a browser is installed and set as the handler of such links.",
};

/**
 * "Open in terminal", "Open in VS Code" and, with Jupyter on, "Open Jupyter" (issue 16):
 * disabled with the reason while the VM cannot be reached; in the sandbox the backend
 * launches nothing and says so, shown here.
 */
export function OpenVm({ vm }: { vm: VM }) {
  const [answer, setAnswer] = useState<LaunchAnswer | null>(null);
  const open = useMutation({
    mutationFn: (target: Target) => OPEN[target](vm.id),
    onMutate: () => setAnswer(null),
    onSuccess: (res) => {
      setAnswer(res);
      if (res.outcome === "launched") toast.success(res.message);
    },
  });
  const reason = unreachableReason(vm);
  const busy = (t: Target) => open.isPending && open.variables === t;
  const button = (t: Target, label: string, Icon: typeof Code) => (
    <Button
      data-testid={`open-${t}`}
      disabled={reason !== null || open.isPending}
      pending={busy(t)}
      title={reason ?? undefined}
      aria-describedby={reason ? "open-vm-reason" : undefined}
      onClick={() => open.mutate(t)}
    >
      <Icon aria-hidden className="size-4" />
      {label}
    </Button>
  );
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {button("terminal", "Open in terminal", SquareTerminal)}
        {button("vscode", "Open in VS Code", Code)}
        {vm.jupyter_enabled && button("jupyter", "Open Jupyter", NotebookPen)}
      </div>
      {reason && (
        <p id="open-vm-reason" data-testid="open-vm-reason" className="text-xs text-fg-muted">
          {reason}
        </p>
      )}
      {answer && answer.outcome !== "launched" && (
        <p
          data-testid={answer.outcome === "simulated" ? "launch-simulated" : "launch-refused"}
          data-reason={answer.outcome === "refused" ? answer.reason : undefined}
          role="status"
          className={answer.outcome === "refused" ? "text-sm text-danger" : "text-sm text-fg-muted"}
        >
          {answer.message}
          {answer.outcome === "refused" && HINTS[answer.reason] ? ` ${HINTS[answer.reason]}` : ""}
        </p>
      )}
    </div>
  );
}
