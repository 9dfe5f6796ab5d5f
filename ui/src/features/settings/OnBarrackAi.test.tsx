// The statement of what stays on barrack.ai is one text (ui/src/content/onBarrackAi.md):
// Settings renders it and the README carries it between its markers.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import statement from "../../content/onBarrackAi.md?raw";
import { mockBackend, renderApp } from "../../test/backend";

const ROOT = resolve(import.meta.dirname, "../../../..");

/** The statement without its Markdown: what a reader sees. */
function plain(markdown: string): string[] {
  return markdown
    .trim()
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => l.replace(/^- /, "").replace(/\*\*/g, ""));
}

describe("what stays on barrack.ai", () => {
  it("the README carries exactly the statement Settings shows", () => {
    const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
    const section = readme.split(/<!-- on-barrack-ai:[^>]*-->\n/)[1]?.split("<!-- /on-barrack-ai -->")[0];
    expect(section, "README.md has the on-barrack-ai markers").toBeDefined();
    expect(section).toBe(statement);
  });

  it("names each thing the app leaves to the site, by requirement id", () => {
    // Every id of AUTH-01…04, ACCT-01…07 and BILL-01/02, written out or within a range "X-01…03".
    const named = new Set<string>();
    for (const m of statement.matchAll(/\b([A-Z]+)-(\d\d)(?:…(\d\d))?/g)) {
      const last = Number(m[3] ?? m[2]);
      for (let n = Number(m[2]); n <= last; n++) named.add(`${m[1]}-${String(n).padStart(2, "0")}`);
    }
    const expected = [
      ...["01", "02", "03", "04"].map((n) => `AUTH-${n}`),
      ...["01", "02", "03", "04", "05", "06", "07"].map((n) => `ACCT-${n}`),
      "BILL-01",
      "BILL-02",
    ];
    for (const id of expected) expect(named, id).toContain(id);
    expect(statement).toMatch(/OTP.*Google/);
    expect(statement).toMatch(/GST\/VAT/);
    expect(statement).toMatch(/Razorpay/);
  });

  it("Settings shows the statement line by line and opens My Account in the browser", async () => {
    const backend = mockBackend({ "plugin:opener|open_url": null });
    renderApp("/settings");
    const section = await screen.findByTestId("on-barrack-ai");
    const lines = plain(statement);
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(section.textContent).toContain(line);
    expect(within(section).getAllByRole("listitem")).toHaveLength(lines.length - 1);
    expect(section.innerHTML).not.toContain("**");
    await userEvent.setup().click(screen.getByTestId("on-barrack-ai-account"));
    await waitFor(() => expect(backend.called("plugin:opener|open_url")).toHaveLength(1));
    expect(backend.called("plugin:opener|open_url")[0]!.args.url).toBe("https://barrack.ai/account");
  });
});
