// The wizard's reads: the catalog (stock is live: while the wizard is open the backend's poller
// follows it and the change feed marks the catalog stale when it moves), the boot sources of a
// region, the price of a configuration and the equivalent command. Keys start with "deploy",
// or with the resource's own word, so the change feed reaches the image and snapshot lists.

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { call } from "../../lib/ipc";
import { commands, type DeploymentRequest_Serialize } from "../../bindings";
import { useStockHeartbeat } from "./useStockHeartbeat";
import { deployKeys } from "./keys";
import { customImageItems, osImageItems, volumeItems, type BootKind, type BootLists } from "./bootStep";

export { deployKeys };

/**
 * DEP-11: the counts follow the stock "in real time". The poller is the one loop that watches
 * resources: while this is mounted and visible it follows the stock too (`useStockHeartbeat`),
 * and a change reaches the catalog through the change feed (kind `stock`).
 */
export function useDeployCatalog() {
  useStockHeartbeat();
  return useQuery({
    queryKey: deployKeys.catalog,
    queryFn: () => call(commands.deployCatalog()),
    staleTime: 0,
    meta: { quiet: true },
  });
}

type Paged<T> = { page: number; total_pages: number } & T;

/** Every page of a paged list (a user rarely has more than a page; the loop stops at 50). */
async function allPages<T, R>(fetch: (page: number) => Promise<Paged<R>>, items: (r: R) => T[]): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= 50; page++) {
    const r = await fetch(page);
    out.push(...items(r));
    if (page >= r.total_pages) break;
  }
  return out;
}

const LIMIT = 100;

/** The three tabs' lists for `region` (each loads on its own, so one failing leaves the others). */
export function useBootLists(region: string | null) {
  const r = region ?? "";
  const enabled = Boolean(region);
  const os = useQuery({
    queryKey: deployKeys.osImages(r),
    queryFn: async () => osImageItems((await call(commands.listOsImages({ region: r }))).images, r),
    enabled,
    meta: { quiet: true },
  });
  const volumes = useQuery({
    queryKey: deployKeys.volumes(r),
    queryFn: async () =>
      volumeItems(
        await allPages(
          (page) => call(commands.listVolumes({ region: r, page, limit: LIMIT })),
          (x) => x.volumes,
        ),
        r,
      ),
    enabled,
    meta: { quiet: true },
  });
  const snapshots = useQuery({
    queryKey: deployKeys.snapshots(r),
    queryFn: () =>
      allPages(
        (page) => call(commands.listSnapshots({ region: r, page, limit: LIMIT })),
        (x) => x.snapshots,
      ),
    enabled,
    meta: { quiet: true },
  });
  const images = useQuery({
    queryKey: deployKeys.images(r),
    queryFn: () =>
      allPages(
        (page) => call(commands.listImages({ region: r, page, limit: LIMIT })),
        (x) => x.images,
      ),
    enabled,
    meta: { quiet: true },
  });
  const custom = images.data !== undefined ? customImageItems(images.data, snapshots.data ?? [], r) : undefined;
  const lists: BootLists = { os_image: os.data, volume: volumes.data, custom_image: custom };
  const queries: Record<BootKind, { isPending: boolean; error: typeof os.error; refetch: () => unknown }> = {
    os_image: os,
    volume: volumes,
    custom_image: images,
  };
  return { lists, queries };
}

export function useDeployQuote(model: string | null, tier: string | null, count: number) {
  return useQuery({
    queryKey: deployKeys.quote(model ?? "", tier, count),
    queryFn: () => call(commands.deployQuote({ gpuModel: model ?? "", tier, gpuCount: count })),
    enabled: Boolean(model) && count > 0,
    placeholderData: keepPreviousData,
    meta: { quiet: true },
  });
}

/** The `barrack deploy` line and the HTTP request for `body` (built by the backend, key redacted). */
export function useDeployExplain(body: DeploymentRequest_Serialize) {
  const text = JSON.stringify(body);
  return useQuery({
    queryKey: deployKeys.explain(text),
    queryFn: () => call(commands.explainDeploy(body)),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    meta: { quiet: true },
  });
}
