import { formatHourly } from "../instances/money";
import { ChoiceGroup, choiceClass } from "./ChoiceGroup";
import { countChoices, gpuOf, includesNvlink, lowestPrice, tierOffer, type Catalog, type GpuChoice } from "./gpuStep";
import type { StepProps } from "./wizard";

type Props = StepProps & { catalog: Catalog };

/** DEP-10…13: a card per model, then its tier (when it has several) and the count from live stock. */
export function GpuStep({ draft, update, errors, catalog }: Props) {
  const gpu = gpuOf(catalog, draft.gpuModel);
  return (
    <div className="flex flex-col gap-6">
      <ChoiceGroup
        field="gpuModel"
        legend="GPU model"
        error={errors.gpuModel}
        className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3"
      >
        {catalog.gpus.map((g) => (
          <GpuCard
            key={g.model}
            gpu={g}
            selected={g.model === draft.gpuModel}
            tier={draft.tier}
            count={g.model === draft.gpuModel ? draft.gpuCount : 0}
            currency={catalog.currency}
            onPick={() => update({ gpuModel: g.model })}
          />
        ))}
      </ChoiceGroup>
      {gpu && gpu.tiers.length > 1 && (
        <ChoiceGroup
          field="tier"
          legend="Tier"
          error={errors.tier}
          hint="The same GPU is priced per tier."
          className="flex flex-wrap gap-2"
        >
          {gpu.tiers.map((t) => (
            <button
              key={t.tier}
              type="button"
              data-testid={`tier-${t.tier}`}
              aria-pressed={draft.tier === t.tier}
              className={choiceClass(draft.tier === t.tier)}
              onClick={() => update({ tier: t.tier })}
            >
              <span className="font-medium capitalize">{t.tier}</span>{" "}
              <span className="text-fg-muted tabular-nums">{formatHourly(t.perGpuHour, catalog.currency)} per GPU</span>
            </button>
          ))}
        </ChoiceGroup>
      )}
      {gpu && <CountPicker gpu={gpu} draft={draft} update={update} error={errors.gpuCount} />}
    </div>
  );
}

function CountPicker({
  gpu,
  draft,
  update,
  error,
}: {
  gpu: GpuChoice;
  draft: Props["draft"];
  update: Props["update"];
  error?: string;
}) {
  const choices = countChoices(gpu, draft.tier);
  return (
    <ChoiceGroup
      field="gpuCount"
      legend="Number of GPUs"
      error={error}
      hint="Counts follow the live stock across regions and refresh every 15 seconds."
      className="flex flex-wrap gap-2"
    >
      {choices.map((c) => (
        <button
          key={c.count}
          type="button"
          data-testid={`gpu-count-${c.count}`}
          aria-pressed={draft.gpuCount === c.count}
          disabled={!c.enabled}
          title={c.reason ?? undefined}
          className={choiceClass(draft.gpuCount === c.count, "min-w-12 text-center tabular-nums")}
          onClick={() => update({ gpuCount: c.count })}
        >
          ×{c.count}
        </button>
      ))}
      {choices.length > 0 && choices.every((c) => !c.enabled) && (
        <p className="w-full text-sm text-fg-muted">{gpu.model} is out of stock in every region right now.</p>
      )}
    </ChoiceGroup>
  );
}

type CardProps = {
  gpu: GpuChoice;
  selected: boolean;
  tier: string | null;
  count: number;
  currency: string;
  onPick: () => void;
};

function GpuCard({ gpu, selected, tier, count, currency, onPick }: CardProps) {
  const offer = tierOffer(gpu, selected ? tier : null);
  const price = offer?.perGpuHour ?? lowestPrice(gpu);
  const free = gpu.stock.reduce((n, s) => n + s.available, 0);
  return (
    <button
      type="button"
      data-testid={`gpu-card-${gpu.model}`}
      aria-pressed={selected}
      onClick={onPick}
      className={choiceClass(selected, "flex flex-col gap-1 p-4")}
    >
      <span className="flex items-center justify-between gap-2">
        <span className="font-semibold">{gpu.model}</span>
        {gpu.memoryGb != null && <span className="text-xs text-fg-muted">{gpu.memoryGb} GB</span>}
      </span>
      {gpu.label && <span className="text-xs font-medium capitalize">{gpu.label}</span>}
      {gpu.bestFor && <span className="text-xs text-fg-muted">Best for {gpu.bestFor}</span>}
      {gpu.vcpusPerGpu != null && gpu.ramGbPerGpu != null && (
        <span className="text-xs text-fg-muted">
          Per GPU: {gpu.vcpusPerGpu} vCPU · {gpu.ramGbPerGpu} GB RAM
          {gpu.storageGbPerGpu != null && ` · ${gpu.storageGbPerGpu} GB disk`}
        </span>
      )}
      <span className="mt-1 flex flex-wrap items-center gap-2">
        <span data-testid={`gpu-price-${gpu.model}`} className="font-medium tabular-nums">
          {price == null ? "Price not listed" : `${offer ? "" : "from "}${formatHourly(price, currency)} per GPU`}
        </span>
        {includesNvlink(gpu, count) ? (
          <span
            data-testid={`nvlink-${gpu.model}`}
            className="rounded bg-success-soft px-1.5 py-0.5 text-xs text-success"
          >
            NVLink included
          </span>
        ) : (
          gpu.nvlink && (
            <span className="rounded bg-surface-2 px-1.5 py-0.5 text-xs text-fg-muted">NVLink with 2+ GPUs</span>
          )
        )}
      </span>
      <span className="text-xs text-fg-muted">{free > 0 ? `${free} GPUs free now` : "Out of stock right now"}</span>
    </button>
  );
}
