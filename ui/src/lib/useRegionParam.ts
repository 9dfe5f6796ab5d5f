import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { ALL_REGIONS } from "./regions";

/**
 * The region filter lives in the address (`?region=US-1`), so a link can open a page on a
 * region and the choice survives going to a detail and back.
 */
export function useRegionParam(): [string, (region: string) => void] {
  const [params, setParams] = useSearchParams();
  const region = params.get("region") ?? ALL_REGIONS;
  const setRegion = useCallback(
    (r: string) =>
      setParams(
        (old) => {
          const next = new URLSearchParams(old);
          if (r === ALL_REGIONS) next.delete("region");
          else next.set("region", r);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [region, setRegion];
}

/**
 * A one-shot instruction in the address (`?create=ID`, `?details=ID`): read it, and drop
 * it when the dialog it opened closes, so a refresh or Back does not open it again.
 */
export function useParamAction(name: string): [string | null, () => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name);
  const clear = useCallback(
    () =>
      setParams(
        (old) => {
          const next = new URLSearchParams(old);
          next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [value, clear];
}
