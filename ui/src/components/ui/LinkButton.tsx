import type { ReactNode } from "react";
import { Link } from "react-router";
import { Button, buttonClass, type Variant } from "./Button";

type Props = {
  to: string;
  /** Why it cannot be used now, or null: then a disabled button says so instead. */
  reason?: string | null;
  variant?: Variant;
  testId?: string;
  title?: string;
  children: ReactNode;
};

/** A link that looks like a button: it goes to another page, or says why it cannot yet. */
export function LinkButton({ to, reason = null, variant = "secondary", testId, title, children }: Props) {
  if (reason !== null) {
    return (
      <Button variant={variant} data-testid={testId} disabled title={reason}>
        {children}
      </Button>
    );
  }
  return (
    <Link data-testid={testId} to={to} className={buttonClass(variant)} title={title}>
      {children}
    </Link>
  );
}
