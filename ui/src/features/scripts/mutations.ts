// Creating, editing and deleting saved scripts. Each dialog shows its own error (`quiet`: no
// toast). Scripts are not followed by the poller, so on success the cached list is patched at
// once (the page shows the change straight away) and fetched again.

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { call } from "../../lib/ipc";
import { scriptKeys, type Script } from "./queries";

/** What the create and edit dialogs send: the description is left out when blank. */
export type ScriptInput = { name: string; description: string; content: string };

function applyScripts(qc: QueryClient, change: (scripts: Script[]) => Script[]) {
  qc.setQueryData<Script[]>(scriptKeys.list, (old) => (old ? change(old) : old));
  void qc.invalidateQueries({ queryKey: scriptKeys.list });
}

function body({ name, description, content }: ScriptInput) {
  const text = description.trim();
  return { name, content, ...(text ? { description: text } : {}) };
}

export function useCreateScript() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ScriptInput) => call(commands.createScript(body(input))),
    onSuccess: (res) =>
      applyScripts(qc, (all) => (all.some((s) => s.id === res.script.id) ? all : [...all, res.script])),
    meta: { quiet: true },
  });
}

export function useUpdateScript() {
  const qc = useQueryClient();
  return useMutation({
    // Every field is sent: an emptied description is sent as "" so that it is cleared.
    mutationFn: ({ id, input }: { id: string; input: ScriptInput }) =>
      call(
        commands.updateScript(id, { name: input.name, content: input.content, description: input.description.trim() }),
      ),
    onSuccess: (res) => applyScripts(qc, (all) => all.map((s) => (s.id === res.script.id ? res.script : s))),
    meta: { quiet: true },
  });
}

export function useDeleteScript() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(commands.deleteScript(id)),
    onSuccess: (_res, id) => applyScripts(qc, (all) => all.filter((s) => s.id !== id)),
    meta: { quiet: true },
  });
}

/** Several at once (the bulk endpoint): the answer says which were deleted and which were already gone. */
export function useDeleteScripts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: readonly string[]) => call(commands.deleteScripts({ ids: [...ids] })),
    onSuccess: (res) => {
      const gone = new Set([...res.deleted, ...res.not_found]);
      applyScripts(qc, (all) => all.filter((s) => !gone.has(s.id)));
    },
    meta: { quiet: true },
  });
}
