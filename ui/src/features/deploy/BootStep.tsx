import { useState, type KeyboardEvent } from "react";
import type { AppError } from "../../lib/ipc";
import { cn } from "../../lib/cn";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { ChoiceGroup, choiceClass } from "./ChoiceGroup";
import {
  BOOT_KINDS,
  BOOT_KIND_LABEL,
  customImageHint,
  emptyText,
  isBootKind,
  type BootItem,
  type BootKind,
  type BootLists,
} from "./bootStep";
import type { StepProps } from "./wizard";

type ListStatus = { isPending: boolean; error: AppError | null; refetch: () => unknown };

type Props = StepProps & {
  lists: BootLists;
  status: Record<BootKind, ListStatus>;
};

/** DEP-30…35: OS images, bootable volumes or custom images, all of the chosen region. */
export function BootStep({ draft, update, errors, lists, status }: Props) {
  const [tab, setTab] = useState<BootKind>(isBootKind(draft.bootKind) ? draft.bootKind : "os_image");
  const region = draft.region ?? "";

  // Arrow keys move between the tabs, as in any tab list.
  function onTabKey(e: KeyboardEvent) {
    const dir = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!dir) return;
    const next = BOOT_KINDS[(BOOT_KINDS.indexOf(tab) + dir + BOOT_KINDS.length) % BOOT_KINDS.length]!;
    setTab(next);
    document.getElementById(`boot-tab-${next}`)?.focus();
  }

  return (
    <div className="flex flex-col gap-4">
      <div
        role="tablist"
        aria-label="Boot source kind"
        className="flex gap-1 border-b border-border"
        onKeyDown={onTabKey}
      >
        {BOOT_KINDS.map((k) => (
          <button
            key={k}
            id={`boot-tab-${k}`}
            type="button"
            role="tab"
            data-testid={`boot-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="boot-panel"
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              tab === k ? "border-primary text-fg" : "border-transparent text-fg-muted hover:text-fg",
            )}
          >
            {BOOT_KIND_LABEL[k]}
            {draft.bootKind === k && draft.bootId ? " ✓" : ""}
          </button>
        ))}
      </div>
      <div id="boot-panel" role="tabpanel" aria-labelledby={`boot-tab-${tab}`}>
        <ChoiceGroup
          field="bootId"
          legend={`${BOOT_KIND_LABEL[tab]} in ${region}`}
          error={errors.bootId}
          className="flex flex-col gap-2"
        >
          <BootList
            kind={tab}
            items={lists[tab]}
            status={status[tab]}
            region={region}
            chosen={draft.bootKind === tab ? draft.bootId : null}
            onPick={(item) => update({ bootKind: item.kind, bootId: item.id })}
          />
        </ChoiceGroup>
        {tab === "custom_image" && (
          <p data-testid="boot-custom-hint" className="mt-3 text-xs text-fg-muted">
            {customImageHint(region)}
          </p>
        )}
      </div>
    </div>
  );
}

type ListProps = {
  kind: BootKind;
  items: BootItem[] | undefined;
  status: ListStatus;
  region: string;
  chosen: string | null;
  onPick: (item: BootItem) => void;
};

function BootList({ kind, items, status, region, chosen, onPick }: ListProps) {
  if (!items) {
    if (status.error) return <ErrorBanner error={status.error} onRetry={() => void status.refetch()} />;
    return <p className="text-sm text-fg-muted">Loading…</p>;
  }
  if (items.length === 0) {
    return (
      <p data-testid={`boot-empty-${kind}`} className="text-sm text-fg-muted">
        {emptyText(kind, region)}
      </p>
    );
  }
  return (
    <div role="radiogroup" aria-label={BOOT_KIND_LABEL[kind]} className="flex flex-col gap-2">
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="radio"
          data-testid={`boot-item-${item.id}`}
          aria-checked={chosen === item.id}
          onClick={() => onPick(item)}
          className={choiceClass(chosen === item.id, "flex flex-col gap-0.5")}
        >
          <span className="font-medium">{item.name}</span>
          <BootItemDetail item={item} />
        </button>
      ))}
    </div>
  );
}

function BootItemDetail({ item }: { item: BootItem }) {
  const parts = [
    item.sizeGb != null ? `${item.sizeGb} GB` : null,
    item.createdAt ? `created ${new Date(item.createdAt).toLocaleDateString()}` : null,
    item.kind === "custom_image" && item.source ? `from snapshot ${item.source}` : null,
    item.detail,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <span className="text-xs text-fg-muted">{parts.join(" · ")}</span>;
}
