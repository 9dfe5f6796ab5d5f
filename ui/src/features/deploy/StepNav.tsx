import { Check } from "lucide-react";
import { cn } from "../../lib/cn";
import { STEPS, STEP_LABELS, type StepId } from "./wizard";

type Props = {
  current: StepId;
  visited: ReadonlySet<StepId>;
  onGo: (step: StepId) => void;
};

/** The steps in order; any step already visited can be gone back (or forward) to. */
export function StepNav({ current, visited, onGo }: Props) {
  return (
    <nav aria-label="Deploy steps">
      <ol className="flex flex-wrap gap-2">
        {STEPS.map((s, i) => {
          const here = s === current;
          const done = visited.has(s) && STEPS.indexOf(current) > i;
          return (
            <li key={s}>
              <button
                type="button"
                data-testid={`deploy-nav-${s}`}
                aria-current={here ? "step" : undefined}
                disabled={!visited.has(s) || here}
                onClick={() => onGo(s)}
                className={cn(
                  "flex items-center gap-2 rounded-full border px-3 py-1 text-sm disabled:cursor-default",
                  here ? "border-primary bg-primary text-primary-fg" : "border-border",
                  !visited.has(s) && "text-fg-muted opacity-60",
                  visited.has(s) && !here && "hover:bg-surface-2",
                )}
              >
                <span aria-hidden className="tabular-nums">
                  {done ? <Check className="size-3.5" /> : i + 1}
                </span>
                {STEP_LABELS[s]}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
