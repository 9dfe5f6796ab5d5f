import { Search } from "lucide-react";
import { Input, Select } from "../../components/ui/Input";
import type { Filters } from "./table";

type Props = {
  filters: Filters;
  options: { statuses: string[]; regions: string[]; gpus: string[] };
  onChange: (patch: Partial<Filters>) => void;
  shown: number;
  total: number;
};

/** The select filters, in order: which filter, its label and the options it offers. */
const FILTERS: { key: Exclude<keyof Filters, "search">; label: string; options: keyof Props["options"] }[] = [
  { key: "status", label: "Status", options: "statuses" },
  { key: "region", label: "Region", options: "regions" },
  { key: "gpu", label: "GPU", options: "gpus" },
];

/** Search and the status, region and GPU filters. */
export function InstancesToolbar({ filters, options, onChange, shown, total }: Props) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="relative min-w-64 flex-1">
        <span className="sr-only">Search VMs</span>
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-muted"
        />
        <Input
          data-testid="instances-search"
          type="search"
          placeholder="Search by name, IP, GPU, region…"
          value={filters.search}
          onChange={(e) => onChange({ search: e.target.value })}
          className="pl-9"
        />
      </label>
      {FILTERS.map(({ key, label, options: of }) => (
        <FilterSelect
          key={key}
          testId={`filter-${key}`}
          label={label}
          value={filters[key]}
          values={options[of]}
          onChange={(value) => onChange({ [key]: value })}
        />
      ))}
      {/* A width of its own: "2000 VMs" becoming "1997 of 2000 VMs" must not resize the
          search box beside it (a relayout of the whole row on the keystroke's frame). */}
      <p
        data-testid="instances-count"
        className="min-w-36 pb-2 text-right text-sm text-fg-muted tabular-nums"
        aria-live="polite"
      >
        {shown === total ? `${total} VMs` : `${shown} of ${total} VMs`}
      </p>
    </div>
  );
}

type SelectProps = { testId: string; label: string; value: string; values: string[]; onChange: (v: string) => void };

function FilterSelect({ testId, label, value, values, onChange }: SelectProps) {
  // A value filtered on that has since gone from the list stays selectable.
  const all = value && !values.includes(value) ? [value, ...values] : values;
  return (
    <label className="flex flex-col gap-1 text-xs text-fg-muted">
      {label}
      <Select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} className="w-44">
        <option value="">All</option>
        {all.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </Select>
    </label>
  );
}
