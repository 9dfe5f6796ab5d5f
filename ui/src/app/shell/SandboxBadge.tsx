import { useSession } from "../../features/account/session";

/** Says plainly that nothing here is real: black on yellow, no icon, no colour-only cue. */
export function SandboxBadge() {
  const session = useSession();
  if (!session.data?.sandbox) return null;
  return (
    <span
      data-testid="sandbox-badge"
      title="You are in the sandbox: a local emulator with a demo account. Nothing is billed."
      className="rounded border-2 border-black bg-yellow-300 px-2 py-0.5 text-xs font-bold tracking-widest text-black"
    >
      SANDBOX
    </span>
  );
}
