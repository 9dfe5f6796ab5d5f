// Where to find a public key to import (SSH-05), per system.

/** The commands that print a public key, on Linux, macOS and Windows, and from GitHub. */
export function ImportHelp() {
  return (
    <details data-testid="ssh-import-help" className="rounded-md border border-border p-3 text-sm" open>
      <summary className="cursor-pointer font-medium">Where to find your public key</summary>
      <dl className="mt-2 flex flex-col gap-2">
        <div>
          <dt className="font-medium">Linux and macOS (also Git Bash and WSL on Windows)</dt>
          <dd className="text-fg-muted">
            In a terminal: <code className="select-all">cat ~/.ssh/id_ed25519.pub</code> or{" "}
            <code className="select-all">cat ~/.ssh/id_rsa.pub</code>. On macOS,{" "}
            <code className="select-all">pbcopy &lt; ~/.ssh/id_ed25519.pub</code> copies it.
          </dd>
        </div>
        <div>
          <dt className="font-medium">Windows (PowerShell)</dt>
          <dd className="text-fg-muted">
            <code className="select-all">Get-Content $env:USERPROFILE\.ssh\id_rsa.pub</code> (or{" "}
            <code>id_ed25519.pub</code>).
          </dd>
        </div>
        <div>
          <dt className="font-medium">From GitHub</dt>
          <dd className="text-fg-muted">
            The keys you added to GitHub are at <code className="select-all">https://github.com/&lt;user&gt;.keys</code>
            , one per line: paste one line.
          </dd>
        </div>
        <div>
          <dt className="font-medium">No key yet?</dt>
          <dd className="text-fg-muted">
            <code className="select-all">ssh-keygen -t ed25519</code> makes one in <code>~/.ssh</code> (all three
            systems), or use Create Key to have Barrack make one.
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-fg-muted">
        Paste the <code>.pub</code> file only, never the private key next to it.
      </p>
    </details>
  );
}
