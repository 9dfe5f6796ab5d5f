/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";

// The Tauri shell loads http://localhost:5173 in development (tauri.conf.json `devUrl`)
// and ui/dist in a release build.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    host: "localhost",
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // Split by route (app/shell/pageChunks.ts): the first chunk holds the shell and start-up
    // code only, and a page's parts (charts, the code editor, markdown) load with the page;
    // the code editor's own chunk is the largest (~300 kB raw).
    chunkSizeWarningLimit: 512,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    restoreMocks: true,
  },
});
