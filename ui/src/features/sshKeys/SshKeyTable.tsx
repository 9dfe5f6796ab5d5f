// The account's keys as rows (SSH-10, SSH-12): name and fingerprint, type and size, the whole
// public key with a copy button, the VMs that use it, when it was made, its regions.

import { Copy } from "lucide-react";
import { Link } from "react-router";
import { Button } from "../../components/ui/Button";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { DeleteButton } from "../../components/ui/ItemButtons";
import { formatDateTime } from "../../lib/format";
import { actionsColumn } from "../storage/columns";
import { copyText } from "./copy";
import { keyRegions, useKeyInfo } from "./keyInfo";
import type { SshKey } from "./queries";
import type { KeyUser } from "./usedBy";

type Props = {
  keys: readonly SshKey[];
  usersOf: (key: SshKey) => KeyUser[];
  onDelete: (key: SshKey) => void;
};

function UsedBy({ users, name }: { users: KeyUser[]; name: string }) {
  if (users.length === 0) {
    return (
      <span data-testid={`ssh-key-used-by-${name}`} className="text-fg-muted">
        No VM
      </span>
    );
  }
  return (
    <ul data-testid={`ssh-key-used-by-${name}`} className="flex flex-col">
      {users.map((u) => (
        <li key={u.id}>
          <Link
            to={`/instances/${encodeURIComponent(u.id)}`}
            className="whitespace-nowrap text-primary underline-offset-2 hover:underline"
          >
            {u.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function SshKeyTable({ keys, usersOf, onDelete }: Props) {
  const infoOf = useKeyInfo(keys);
  const columns: Column<SshKey>[] = [
    {
      head: "Name",
      cell: (k) => (
        <div className="flex flex-col">
          <span className="font-medium break-all">{k.name}</span>
          {k.fingerprint && (
            <span data-testid={`ssh-key-fingerprint-${k.name}`} className="font-mono text-xs break-all text-fg-muted">
              {k.fingerprint}
            </span>
          )}
        </div>
      ),
    },
    {
      head: "Type",
      cell: (k) => {
        const info = infoOf(k.public_key);
        return (
          <span data-testid={`ssh-key-type-${k.name}`} className="whitespace-nowrap">
            {info?.kind ?? "…"}
            {info?.bits ? ` · ${info.bits} bits` : ""}
          </span>
        );
      },
    },
    {
      head: "Public key",
      cell: (k) => (
        <div className="flex items-start gap-2">
          <code
            data-testid={`ssh-key-public-${k.name}`}
            title={k.public_key}
            className="line-clamp-2 max-w-xs font-mono text-xs break-all select-all"
          >
            {k.public_key}
          </code>
          <Button
            data-testid={`ssh-key-copy-${k.name}`}
            aria-label={`Copy the public key ${k.name}`}
            title="Copy the public key"
            onClick={() => void copyText(k.public_key, "Public key")}
          >
            <Copy aria-hidden className="size-4" />
          </Button>
        </div>
      ),
    },
    { head: "Used by", cell: (k) => <UsedBy users={usersOf(k)} name={k.name} /> },
    { head: "Created", cell: (k) => formatDateTime(k.created_at), className: "whitespace-nowrap" },
    {
      head: "Regions",
      cell: (k) => (
        <ul data-testid={`ssh-key-regions-${k.name}`} className="flex flex-col">
          {keyRegions(k).map((r) => (
            <li key={r} className="whitespace-nowrap">
              {r}
            </li>
          ))}
        </ul>
      ),
      className: "text-xs text-fg-muted",
    },
    actionsColumn((k) => (
      <div className="flex justify-end">
        <DeleteButton testId={`ssh-key-delete-${k.name}`} onClick={() => onDelete(k)} />
      </div>
    )),
  ];
  return (
    <DataTable
      testId="ssh-key-table"
      look="boxed"
      alignTop
      columns={columns}
      rows={keys}
      rowKey={(k) => k.id}
      rowTestId={(k) => `ssh-key-row-${k.name}`}
    />
  );
}
