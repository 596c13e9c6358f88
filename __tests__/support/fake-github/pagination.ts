/**
 * Page slicing and the `Link` header, as GitHub's REST API paginates lists.
 */

/** One page of a list, plus the Link header value (undefined when everything fits on one page). */
export interface Page<T> {
  items: T[];
  link?: string;
}

/** GitHub's reading of per_page: default 30, values above 100 capped at 100. */
export function perPageOf(query: Record<string, string>): number {
  const raw = Number(query.per_page);
  if (!Number.isInteger(raw) || raw < 1) return 30;
  return Math.min(raw, 100);
}

function pageOf(query: Record<string, string>): number {
  const raw = Number(query.page);
  return Number.isInteger(raw) && raw >= 1 ? raw : 1;
}

/**
 * Slices `all` for the requested page and builds the Link header with rel="prev", "next",
 * "last", "first" in GitHub's order. `pageUrl` is the absolute URL of the list without query.
 */
export function paginate<T>(all: T[], query: Record<string, string>, pageUrl: string): Page<T> {
  const perPage = perPageOf(query);
  const page = pageOf(query);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  if (lastPage === 1 && page === 1) return { items };
  const urlFor = (n: number) => {
    const params = new URLSearchParams(query);
    params.set('page', String(n));
    return `<${pageUrl}?${params.toString()}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${urlFor(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) parts.push(`${urlFor(page + 1)}; rel="next"`, `${urlFor(lastPage)}; rel="last"`);
  if (page > 1) parts.push(`${urlFor(1)}; rel="first"`);
  return { items, link: parts.join(', ') };
}
