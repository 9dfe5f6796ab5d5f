import { useMemo, useState } from "react";
import { Upload } from "lucide-react";
import { RULE_LIMITS } from "../bindings";
import { Button } from "../components/ui/Button";
import { Card } from "../components/ui/Card";
import { Input, Select } from "../components/ui/Input";
import { ListPage } from "../components/ui/ListPage";
import { Pager } from "../components/ui/Pager";
import { RegionSelect } from "../components/ui/RegionSelect";
import { DeleteSshKeyDialog } from "../features/sshKeys/DeleteSshKeyDialog";
import { KeyFormDialog, type KeyFormMode } from "../features/sshKeys/KeyFormDialog";
import { KEY_SORTS, KEYS_PER_PAGE, shownKeys, type KeySort } from "../features/sshKeys/list";
import { useSshKeys, type SshKey } from "../features/sshKeys/queries";
import { SshKeyTable } from "../features/sshKeys/SshKeyTable";
import { useKeyUsers } from "../features/sshKeys/usedBy";
import { clampPage, pageSlice } from "../lib/paging";
import { regionOptions } from "../lib/regions";
import { useRegionParam } from "../lib/useRegionParam";

const NONE: never[] = [];
const LIMIT = RULE_LIMITS.sshKeysPerRegion;

/**
 * SSH-01…21: the account's SSH keys (each in every region): search, region, sort and pages;
 * the VMs that use each; Create Key and Import Key (the deploy wizard's forms); delete.
 */
export function SshKeysPage() {
  const query = useSshKeys();
  const keys = query.data ?? NONE;
  const usersOf = useKeyUsers();
  const [search, setSearch] = useState("");
  const [region, setRegion] = useRegionParam();
  const [sort, setSort] = useState<KeySort>("newest");
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<KeyFormMode | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const shown = useMemo(() => shownKeys(keys, search, region, sort), [keys, search, region, sort]);
  const toDelete = keys.find((k) => k.id === deleting);
  // Filters change the list under the pager: back to its first page.
  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <ListPage
      page="ssh-keys"
      query={query}
      create={{
        testId: "ssh-keys-create",
        label: "Create Key",
        disabled: !query.data,
        onClick: () => setForm("create"),
      }}
      loading="Loading SSH keys…"
      toolbar={
        <>
          <Input
            type="search"
            data-testid="ssh-key-search"
            aria-label="Search keys by name"
            placeholder="Search by name…"
            value={search}
            onChange={(e) => filtered(setSearch)(e.target.value)}
            className="max-w-xs"
          />
          <RegionSelect value={region} options={regionOptions([])} onChange={filtered(setRegion)} />
          <label className="flex items-center gap-2 text-sm">
            <span className="text-fg-muted">Sort</span>
            <Select
              data-testid="ssh-key-sort"
              value={sort}
              onChange={(e) => filtered(setSort)(e.target.value as KeySort)}
              className="w-auto"
            >
              {Object.entries(KEY_SORTS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </label>
          <span data-testid="ssh-key-count" className="text-sm text-fg-muted">
            {keys.length} of {LIMIT} keys
          </span>
          <Button
            data-testid="ssh-keys-import"
            disabled={!query.data}
            onClick={() => setForm("import")}
            className="ml-auto"
          >
            <Upload aria-hidden className="size-4" />
            Import Key
          </Button>
        </>
      }
      dialogs={
        <>
          {form && <KeyFormDialog mode={form} keys={keys} onOpenChange={(o) => !o && setForm(null)} />}
          {toDelete && (
            <DeleteSshKeyDialog
              sshKey={toDelete}
              users={usersOf(toDelete)}
              onOpenChange={(o) => !o && setDeleting(null)}
            />
          )}
        </>
      }
    >
      {() => {
        if (shown.length === 0) {
          return (
            <Card data-testid="ssh-keys-empty" className="text-sm text-fg-muted">
              {keys.length === 0
                ? "No SSH keys yet. A VM needs at least one: create a key here, or import the public key you already use."
                : "No key matches the search."}
            </Card>
          );
        }
        const current = clampPage(page, shown.length, KEYS_PER_PAGE);
        return (
          <div className="flex flex-col gap-3">
            <SshKeyTable
              keys={pageSlice(shown, current, KEYS_PER_PAGE)}
              usersOf={usersOf}
              onDelete={(k: SshKey) => setDeleting(k.id)}
            />
            <Pager page={current} total={shown.length} perPage={KEYS_PER_PAGE} onPage={setPage} />
          </div>
        );
      }}
    </ListPage>
  );
}
