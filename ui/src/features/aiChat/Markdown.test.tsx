import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockBackend } from "../../test/backend";
import Markdown from "./Markdown";

const SRC = resolve(import.meta.dirname, "../..");

/** barrack-sim's hostile answer (crates/barrack-sim/src/handlers/ai.rs), the one the journey asks for. */
function simHostileAnswer(): string {
  const rust = readFileSync(resolve(SRC, "../../crates/barrack-sim/src/handlers/ai.rs"), "utf8");
  const start = rust.indexOf('pub const HOSTILE_ANSWER: &str = r#"');
  if (start < 0) throw new Error("HOSTILE_ANSWER not found in the emulator");
  const from = rust.indexOf('r#"', start) + 3;
  return rust.slice(from, rust.indexOf('"#;', from));
}

/** More ways to smuggle markup or script through Markdown. */
const MORE_HOSTILE = [
  '<a href="javascript:window.__pwned=1">html link</a>',
  "[mixed case](JaVaScRiPt:window.__pwned=1)",
  "[spaced](<javascript:window.__pwned=1>)",
  "[entity](&#106;avascript:window.__pwned=1)",
  "[ref link][evil]\n\n[evil]: javascript:window.__pwned=1",
  "![ref image][pix]\n\n[pix]: https://evil.example/p.png",
  "[data](data:text/html,<script>window.__pwned=1</script>)",
  "<svg onload=window.__pwned=1><circle r=5></circle></svg>",
  "<style>body{display:none}</style>",
  '<form action="https://evil.example/"><input name=x></form>',
  "<details open ontoggle=window.__pwned=1>x</details>",
  "<object data=x></object><embed src=x>",
].join("\n\n");

/** Everything the webview could act on in what was rendered (the app's own icons aside). */
function activeParts(root: HTMLElement) {
  const all = Array.from(root.querySelectorAll("*")).filter((e) => !e.closest("svg.lucide"));
  return {
    tags: all
      .map((e) => e.tagName.toLowerCase())
      .filter((t) =>
        ["img", "script", "iframe", "svg", "style", "form", "input", "object", "embed", "a", "details"].includes(t),
      ),
    handlers: all.flatMap((e) => e.getAttributeNames().filter((n) => n.toLowerCase().startsWith("on"))),
    urls: all.flatMap((e) =>
      ["href", "src", "action", "data", "formaction", "xlink:href"].filter((a) => e.hasAttribute(a)),
    ),
  };
}

describe("the answer renderer", () => {
  it("renders the emulator's hostile answer inert: no img, script or handler, no javascript: href", () => {
    const { container } = render(<Markdown text={simHostileAnswer()} />);
    expect(activeParts(container)).toEqual({ tags: [], handlers: [], urls: [] });
    expect(container.innerHTML).not.toMatch(/href=/i);
    // The raw HTML is shown as the text it is.
    const raw = screen.getAllByTestId("md-raw-html").map((e) => e.textContent);
    expect(raw.join("\n")).toContain("<img src=x onerror=\"window.__pwned = 'img'\">");
    expect(raw.join("\n")).toContain("<script>window.__pwned = 'script'</script>");
    // A javascript: link and one to an unknown host are text, with their address.
    const texts = screen.getAllByTestId("md-link-text").map((e) => e.textContent);
    expect(texts).toContain("Click for credits (javascript:window.__pwned='link')");
    expect(texts).toContain("A harmless-looking page (https://evil.example/phish)");
    expect(texts).toContain("javascript:window.__pwned='autolink'");
    // The image is not loaded: its alt text and address.
    expect(screen.getByTestId("md-image-text")).toHaveTextContent(
      "[image: tracking pixel] (https://evil.example/pixel.png)",
    );
    // Barrack's docs may be opened: the one clickable link.
    expect(screen.getAllByTestId("md-link").map((e) => e.textContent)).toEqual(["Barrack's docs"]);
    // The code block shows the script as code, with a copy button.
    const code = screen.getByTestId("md-code");
    expect(within(code).getByText("<script>window.__pwned = 'code'</script>")).toBeInTheDocument();
    expect(within(code).getByTestId("md-copy")).toBeInTheDocument();
  });

  it("renders other smuggling attempts inert too: entities, references, data:, svg, forms", () => {
    const { container } = render(<Markdown text={MORE_HOSTILE} />);
    expect(activeParts(container)).toEqual({ tags: [], handlers: [], urls: [] });
    expect(screen.queryAllByTestId("md-link")).toEqual([]);
    expect(container.textContent).toContain("<svg onload=window.__pwned=1>");
    expect(screen.getAllByTestId("md-link-text").map((e) => e.textContent)).toEqual([
      "mixed case (JaVaScRiPt:window.__pwned=1)",
      "spaced (javascript:window.__pwned=1)",
      "entity (javascript:window.__pwned=1)",
      "ref link (javascript:window.__pwned=1)",
      "data (data:text/html,<script>window.__pwned=1</script>)",
    ]);
    expect(screen.getByTestId("md-image-text")).toHaveTextContent("[image: ref image] (https://evil.example/p.png)");
  });

  it("renders Markdown: headings, emphasis, lists, inline code, quotes", () => {
    render(<Markdown text={"## Steps\n\n1. **Stop** the VM\n2. Run `barrack instances list`\n\n> *quoted*"} />);
    expect(screen.getByRole("heading", { name: "Steps" })).toBeInTheDocument();
    expect(screen.getByRole("list")).toHaveTextContent("Stop the VM");
    expect(screen.getByText("Stop").tagName).toBe("STRONG");
    expect(screen.getByText("barrack instances list").tagName).toBe("CODE");
    expect(screen.getByText("quoted").tagName).toBe("EM");
  });

  it("copies a code block with its copy button", async () => {
    const user = userEvent.setup();
    render(<Markdown text={"Run:\n\n```sh\nbarrack instances list\nbarrack pricing\n```"} />);
    expect(screen.getByTestId("md-code")).toHaveTextContent("sh");
    await user.click(screen.getByTestId("md-copy"));
    expect(await navigator.clipboard.readText()).toBe("barrack instances list\nbarrack pricing");
  });

  it("opens a link to Barrack's docs in the browser through the opener", async () => {
    const backend = mockBackend({ "plugin:opener|open_url": null });
    const user = userEvent.setup();
    render(<Markdown text="See [the docs](https://docs.barrack.ai/ai-chat-1861165m0)." />);
    await user.click(screen.getByTestId("md-link"));
    expect(backend.called("plugin:opener|open_url")[0]!.args).toMatchObject({
      url: "https://docs.barrack.ai/ai-chat-1861165m0",
    });
  });

  it("is loaded only lazily: nothing else imports the renderer or the parser", () => {
    const offenders: string[] = [];
    const scan = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) scan(path);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          const text = readFileSync(path, "utf8");
          const staticImport = /^\s*import\s[^;]*from\s+["'](?:mdast-util-from-markdown|[./]*Markdown)["']/m;
          if (staticImport.test(text) && !path.endsWith(join("aiChat", "Markdown.tsx"))) offenders.push(path);
        }
      }
    };
    scan(SRC);
    expect(offenders).toEqual([]);
    const body = readFileSync(join(SRC, "features/aiChat/AnswerBody.tsx"), "utf8");
    expect(body).toContain('lazy(() => import("./Markdown"))');
  });
});
