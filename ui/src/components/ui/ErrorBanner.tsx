import { Link } from "react-router";
import type { AppError } from "../../lib/ipc";
import { errorDetail } from "../../lib/notify";
import { pagePath } from "../../app/pages";
import { Alert } from "./Alert";

/**
 * An error where it happened: what to do (humanMessage) as the title, the server's own
 * words (and request id) under it, and a way forward when there is one.
 */
export function ErrorBanner({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const detail = errorDetail(error);
  return (
    <Alert testId="error-banner" title={error.humanMessage}>
      {detail && <p>{detail}</p>}
      {error.code === "InsufficientCredits" && (
        <Link to={pagePath("billing")} className="mt-1 inline-block font-medium text-primary underline">
          Add credits
        </Link>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-1 font-medium text-primary underline">
          Try again
        </button>
      )}
    </Alert>
  );
}
