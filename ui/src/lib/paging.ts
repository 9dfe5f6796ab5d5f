// Cards are shown 6 to a page (SNAP-03); the pager appears only when there are more.

export const CARDS_PER_PAGE = 6;

export function pageCount(total: number, perPage = CARDS_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** The page asked for, kept in range (a delete or a filter can shrink the list under it). */
export function clampPage(page: number, total: number, perPage = CARDS_PER_PAGE): number {
  return Math.min(Math.max(1, page), pageCount(total, perPage));
}

export function pageSlice<T>(items: readonly T[], page: number, perPage = CARDS_PER_PAGE): T[] {
  const p = clampPage(page, items.length, perPage);
  return items.slice((p - 1) * perPage, p * perPage);
}
