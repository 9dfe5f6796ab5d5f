import type { ReactNode } from "react";

export function PageHeader({ title, purpose, actions }: { title: string; purpose?: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {purpose && <p className="mt-1 text-sm text-fg-muted">{purpose}</p>}
      </div>
      {actions}
    </div>
  );
}
