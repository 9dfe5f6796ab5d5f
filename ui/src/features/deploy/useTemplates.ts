// Saved configurations (Deliver 6), per account, kept by the backend beside the draft. Each
// change answers with the whole list, which replaces the cached one.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call } from "../../lib/ipc";
import { commands, type DeployTemplate_Serialize } from "../../bindings";
import type { Draft } from "./wizard";

export type DeployTemplate = DeployTemplate_Serialize;

export const templateKeys = { list: ["deploy", "templates"] as const };

export function useTemplates() {
  return useQuery({
    queryKey: templateKeys.list,
    queryFn: () => call(commands.listDeployTemplates()),
    meta: { local: true, quiet: true },
  });
}

function useTemplateChange<A>(run: (arg: A) => Promise<DeployTemplate[]>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (list) => qc.setQueryData(templateKeys.list, list),
    // The panel shows a bad or taken name at its field.
    meta: { quiet: true },
  });
}

export function useSaveTemplate() {
  return useTemplateChange(({ name, draft }: { name: string; draft: Draft }) =>
    // A template is a configuration: which step was open and the VM's name are not part of it.
    call(commands.saveDeployTemplate(name, { ...draft, step: "review", name: "" })),
  );
}

export function useRenameTemplate() {
  return useTemplateChange(({ from, to }: { from: string; to: string }) =>
    call(commands.renameDeployTemplate(from, to)),
  );
}

export function useDeleteTemplate() {
  return useTemplateChange((name: string) => call(commands.deleteDeployTemplate(name)));
}
