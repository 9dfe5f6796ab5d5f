import { ChoiceGroup, choiceClass } from "./ChoiceGroup";
import type { Catalog } from "./gpuStep";
import { regionOptions } from "./regionStep";
import type { StepProps } from "./wizard";

type Props = StepProps & { catalog: Catalog };

/**
 * DEP-20…22: every region, but only those with the chosen model and count in stock can be
 * picked; the others say why, so a missing region is never a mystery.
 */
export function RegionStep({ draft, update, errors, catalog }: Props) {
  const options = regionOptions(catalog, draft);
  return (
    <ChoiceGroup
      field="region"
      legend={`Region for ${draft.gpuModel ?? "the GPU"} ×${draft.gpuCount}`}
      error={errors.region}
      hint="Volumes, images and firewalls belong to one region: the boot sources offered next are those of this region."
      className="grid gap-3 md:grid-cols-3"
    >
      {options.map((r) => (
        <div key={r.name} className="flex flex-col gap-1">
          <button
            type="button"
            data-testid={`region-${r.name}`}
            aria-pressed={draft.region === r.name}
            aria-describedby={r.reason ? `region-reason-${r.name}` : undefined}
            disabled={!r.selectable}
            onClick={() => update({ region: r.name })}
            className={choiceClass(draft.region === r.name, "flex flex-col gap-0.5 p-4")}
          >
            <span className="font-semibold">{r.name}</span>
            <span className="text-xs text-fg-muted">
              {[r.label !== r.name ? r.label : null, r.location].filter(Boolean).join(" · ") || "\u00a0"}
            </span>
            {r.selectable && <span className="text-xs text-fg-muted">{r.available} GPUs free</span>}
          </button>
          {r.reason && (
            <p id={`region-reason-${r.name}`} data-testid={`region-reason-${r.name}`} className="text-xs text-fg-muted">
              {r.reason}
            </p>
          )}
        </div>
      ))}
    </ChoiceGroup>
  );
}
