// A controllable prefers-color-scheme for jsdom (which has no matchMedia).

type Listener = (e: MediaQueryListEvent) => void;

let dark = false;
const listeners = new Set<Listener>();

function mediaList(query: string): MediaQueryList {
  const matches = query.includes("prefers-color-scheme: dark") ? dark : false;
  return {
    matches,
    media: query,
    onchange: null,
    addEventListener: (_: string, l: Listener) => listeners.add(l),
    removeEventListener: (_: string, l: Listener) => listeners.delete(l),
    addListener: (l: Listener) => listeners.add(l),
    removeListener: (l: Listener) => listeners.delete(l),
    dispatchEvent: () => true,
  } as unknown as MediaQueryList;
}

window.matchMedia = mediaList;

/** Sets the system preference and tells whoever listens. */
export function setSystemDark(value: boolean): void {
  dark = value;
  listeners.forEach((l) => l({ matches: value } as MediaQueryListEvent));
}
