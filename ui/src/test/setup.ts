import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterAll, afterEach, beforeEach } from "vitest";
import { connection } from "../lib/connection";
import { keyRefusal } from "../features/account/keyRefusal";
import { setSystemDark } from "./media";

// jsdom lacks what Radix and cmdk measure with.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.releasePointerCapture ??= () => {};

beforeEach(() => {
  setSystemDark(false);
});

afterEach(() => {
  cleanup();
  clearMocks();
  connection.reset();
  keyRefusal.clear();
  document.documentElement.className = "";
  window.location.hash = "";
});

// sonner removes a dismissed toast on a short timer (200 ms) that can outlive an unmounted
// Toaster; one firing after the file's jsdom is torn down was reported as an unhandled error
// (seen once after CreateSnapshotDialog.test.tsx on a loaded machine). Let such timers run
// while the document still exists.
afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
});
