// The model to chat with, from "Get available AI models" (AI-01), with its prices as the
// API gives them.

import type { AIModel_Serialize } from "../../bindings";
import { Select } from "../../components/ui/Input";
import { formatCount } from "./format";
import { formatRate } from "../../lib/format";

export type AiModel = AIModel_Serialize;

function priceLine(m: AiModel): string {
  const currency = m.currency ?? "";
  const parts = [
    `input ${formatRate(m.input_price_per_1k, currency)}`,
    `output ${formatRate(m.output_price_per_1k, currency)} per 1,000 tokens`,
  ];
  if (m.context_length != null) parts.push(`context ${formatCount(m.context_length)} tokens`);
  return parts.join(", ");
}

export function ModelPicker({
  models,
  value,
  onChange,
}: {
  models: readonly AiModel[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  const chosen = models.find((m) => m.id === value);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="ai-model" className="text-sm font-medium">
        Model
      </label>
      <Select
        id="ai-model"
        data-testid="ai-model"
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby="ai-model-prices"
      >
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name || m.id}
          </option>
        ))}
      </Select>
      <p id="ai-model-prices" data-testid="ai-model-prices" className="text-xs text-fg-muted">
        {chosen ? (
          <>
            {chosen.description && <span>{chosen.description}. </span>}
            Prices: {priceLine(chosen)}.
          </>
        ) : (
          "Pick a model."
        )}
      </p>
    </div>
  );
}
