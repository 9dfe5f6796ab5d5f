import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach } from "vitest";
import { connection } from "../connection";
import { keyRefusal } from "../keyRefusal";
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
