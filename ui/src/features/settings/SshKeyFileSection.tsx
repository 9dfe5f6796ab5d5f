import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { call, toAppError } from "../../lib/ipc";
import { showErrorToast } from "../../lib/notify";
import { keys } from "../../lib/queryClient";
import type { Settings } from "./queries";

/**
 * The SSH private key file "Open in terminal" passes to `ssh -i` (issue 16). The backend
 * opens the file dialog and keeps the answer: the webview never names a path.
 */
export function SshKeyFileSection({ settings }: { settings: Settings }) {
  const qc = useQueryClient();
  const change = useMutation({
    mutationFn: (action: "choose" | "clear") =>
      call(action === "choose" ? commands.chooseSshKeyFile() : commands.clearSshKeyFile()),
    onSuccess: (saved) => qc.setQueryData(keys.settings, saved),
    // Closing the dialog without a file changes nothing and says nothing.
    onError: (e) => {
      const err = toAppError(e);
      if (err.code !== "Cancelled") showErrorToast(err);
    },
    meta: { quiet: true },
  });
  const file = settings.sshKeyFile ?? null;
  return (
    <Card>
      <CardTitle>SSH private key file</CardTitle>
      <div className="flex flex-col gap-2 text-sm">
        <p className="text-fg-muted">
          "Open in terminal" on a VM's page runs <code>ssh -i</code> with this file. Without one, SSH uses its own
          defaults (your keys in <code>~/.ssh</code> and your agent).
        </p>
        <p data-testid="ssh-key-file" className="font-mono break-all">
          {file ?? "None chosen"}
        </p>
        <div className="flex gap-2">
          <Button
            data-testid="choose-ssh-key-file"
            pending={change.isPending && change.variables === "choose"}
            disabled={change.isPending}
            onClick={() => change.mutate("choose")}
          >
            Choose file…
          </Button>
          {file && (
            <Button
              data-testid="clear-ssh-key-file"
              variant="ghost"
              pending={change.isPending && change.variables === "clear"}
              disabled={change.isPending}
              onClick={() => change.mutate("clear")}
            >
              Clear
            </Button>
          )}
        </div>
      </div>
    </Card>
  );
}
