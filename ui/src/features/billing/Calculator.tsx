import { useId, useMemo, useState } from "react";
import { Field } from "../../components/ui/Field";
import { Input, Select } from "../../components/ui/Input";
import { money } from "./format";
import { gpuRows, optionKey, parseOptionKey, volumeRows } from "./pricing";
import { useCalculation } from "./calculation";
import { useQuote, type Pricing } from "./queries";

function num(text: string): number {
  return text.trim() === "" ? NaN : Number(text);
}

/**
 * What a configuration costs over some hours. The GPU part is deploy_quote's price per
 * hour (the wizard's review uses the same, so the two never disagree) × hours; the volume
 * part is the table's price per TB-hour × size ÷ 1,000 × hours.
 */
export function Calculator({ pricing, currency }: { pricing: Pricing; currency: string }) {
  const gpus = useMemo(() => gpuRows(pricing, currency), [pricing, currency]);
  const volumes = useMemo(() => volumeRows(pricing, currency), [pricing, currency]);
  const [gpuKey, setGpuKey] = useState(() => (gpus[0] ? optionKey(gpus[0].tier, gpus[0].model) : ""));
  const [countText, setCountText] = useState("1");
  const [hoursText, setHoursText] = useState("10");
  const [volumeKey, setVolumeKey] = useState("");
  const [sizeText, setSizeText] = useState(String(pricing.pricing_data.volumes.minimum_size_gb ?? 100));
  const id = useId();

  const picked = parseOptionKey(gpuKey);
  const gpuRow = gpus.find((g) => optionKey(g.tier, g.model) === gpuKey);
  const count = num(countText);
  const hours = num(hoursText);
  const size = num(sizeText);
  const maxCount = gpuRow?.maxCount ?? null;
  const countError =
    !Number.isInteger(count) || count < 1
      ? "A whole number of GPUs, at least 1."
      : maxCount != null && count > maxCount
        ? `At most ${maxCount} for this model.`
        : null;
  const hoursError = Number.isFinite(hours) && hours > 0 ? null : "A number of hours above 0.";
  const volume = volumes.find((v) => optionKey(v.tier, v.type) === volumeKey) ?? null;
  const sizeError = volume && !(Number.isFinite(size) && size > 0) ? "A size in GB above 0." : null;

  const quote = useQuote(picked && !countError ? { model: picked.name, tier: picked.tier } : null, count);
  const fresh = quote.data && !quote.isPlaceholderData ? quote.data : undefined;
  const valid = !countError && !hoursError && !sizeError;
  // The sum is barrack-api's (costs::calculate), the same maths as every other price shown.
  const result = useCalculation(
    {
      gpuPerHour: fresh?.perHour ?? null,
      hours,
      volumePricePerTbHour: volume?.price ?? null,
      volumeSizeGb: volume ? size : 0,
    },
    valid && fresh !== undefined,
  );

  return (
    <div data-testid="calculator" className="grid gap-4 md:grid-cols-2 xl:grid-cols-5">
      <Field id={`${id}-gpu`} label="GPU">
        <Select id={`${id}-gpu`} data-testid="calc-gpu" value={gpuKey} onChange={(e) => setGpuKey(e.target.value)}>
          {gpus.map((g) => (
            <option key={optionKey(g.tier, g.model)} value={optionKey(g.tier, g.model)}>
              {g.model} ({g.tier})
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id={`${id}-count`}
        label="GPUs"
        error={countError}
        hint={maxCount != null ? `1 to ${maxCount}` : undefined}
      >
        <Input
          id={`${id}-count`}
          data-testid="calc-count"
          type="number"
          min={1}
          max={maxCount ?? undefined}
          step={1}
          value={countText}
          aria-invalid={countError ? true : undefined}
          onChange={(e) => setCountText(e.target.value)}
        />
      </Field>
      <Field id={`${id}-hours`} label="Hours" error={hoursError}>
        <Input
          id={`${id}-hours`}
          data-testid="calc-hours"
          type="number"
          min={0}
          step="any"
          value={hoursText}
          aria-invalid={hoursError ? true : undefined}
          onChange={(e) => setHoursText(e.target.value)}
        />
      </Field>
      <Field id={`${id}-vtype`} label="Volume">
        <Select
          id={`${id}-vtype`}
          data-testid="calc-volume-type"
          value={volumeKey}
          onChange={(e) => setVolumeKey(e.target.value)}
        >
          <option value="">No volume</option>
          {volumes.map((v) => (
            <option key={optionKey(v.tier, v.type)} value={optionKey(v.tier, v.type)}>
              {v.type} ({v.tier})
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${id}-vsize`} label="Volume size (GB)" error={sizeError}>
        <Input
          id={`${id}-vsize`}
          data-testid="calc-volume-size"
          type="number"
          min={1}
          step={1}
          disabled={!volume}
          value={sizeText}
          aria-invalid={sizeError ? true : undefined}
          onChange={(e) => setSizeText(e.target.value)}
        />
      </Field>
      <div className="md:col-span-2 xl:col-span-5">
        <p className="text-sm">
          Total{" "}
          <span data-testid="calc-total" className="text-lg font-semibold tabular-nums">
            {!valid ? "—" : quote.isError ? "—" : result?.total == null ? "…" : money(result.total, currency)}
          </span>
        </p>
        {valid && fresh && result && (
          <p data-testid="calc-breakdown" className="text-xs text-fg-muted tabular-nums">
            GPUs {money(fresh.perHour, fresh.currency)}/h × {hours} h = {money(result.gpu, fresh.currency)}
            {volume && volume.price != null && (
              <>
                {" "}
                · volume {money(volume.price, currency)}/TB-h × {size / 1000} TB × {hours} h ={" "}
                {money(result.volume, currency)}
              </>
            )}
          </p>
        )}
        {quote.isError && (
          <p role="alert" className="text-xs font-medium text-danger">
            {quote.error.serverMessage || quote.error.humanMessage}
          </p>
        )}
      </div>
    </div>
  );
}
