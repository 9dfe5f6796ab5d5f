import { Select } from "./Input";
import { ALL_REGIONS } from "../../lib/regions";

/** The region filter (SNAP-01, IMG-03); "All regions" as well, since the data has them all. */
export function RegionSelect({
  value,
  options,
  onChange,
}: {
  value: string;
  options: string[];
  onChange: (r: string) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-fg-muted">Region</span>
      <Select data-testid="region-select" value={value} onChange={(e) => onChange(e.target.value)} className="w-auto">
        <option value={ALL_REGIONS}>All regions</option>
        {options.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Select>
    </label>
  );
}
