import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
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
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && path !== RENDERER) {
          if (importsRenderer(path, readFileSync(path, "utf8"))) offenders.push(path);
        }
      }
    };
    scan(SRC);
    expect(offenders).toEqual([]);
    const body = readFileSync(join(SRC, "features/aiChat/AnswerBody.tsx"), "utf8");
    expect(body).toContain('lazy(() => import("./Markdown"))');
  });

  it("finds a static import of the renderer or the parser from any folder, in any form", () => {
    const page = join(SRC, "pages/SomePage.tsx");
    const other = join(SRC, "features/other/Thing.tsx");
    for (const [path, text] of [
      [page, 'import Markdown from "../features/aiChat/Markdown";'],
      [other, 'import Markdown from "../aiChat/Markdown";'],
      [other, "import Markdown from '../aiChat/Markdown.tsx';"],
      [other, 'import {\n  default as Md,\n} from "../aiChat/Markdown"'],
      [other, 'export { default } from "../aiChat/Markdown";'],
      [other, 'import "../aiChat/Markdown";'],
      [join(SRC, "features/aiChat/Other.tsx"), 'import Markdown from "./Markdown";'],
      [join(SRC, "features/aiChat/Other.tsx"), 'import { fromMarkdown } from "mdast-util-from-markdown";'],
      [page, 'import { micromark } from "micromark";'],
    ] as const) {
      expect(importsRenderer(path, text), text).toBe(true);
    }
    // The lazy import, another module named like it, or a type-only import, are not.
    expect(importsRenderer(join(SRC, "features/aiChat/AnswerBody.tsx"), 'lazy(() => import("./Markdown"))')).toBe(
      false,
    );
    expect(importsRenderer(other, 'import { x } from "../aiChat/markdownUnits";')).toBe(false);
    expect(importsRenderer(page, 'import { Markdown } from "../components/Markdown";')).toBe(false);
    expect(importsRenderer(other, 'import type { X } from "../aiChat/Markdown";')).toBe(false);
  });
});

/** The lazily loaded renderer. */
const RENDERER = join(SRC, "features/aiChat/Markdown.tsx");

/** Every module `text` imports or re-exports statically (`import … from`, `import "…"`, `export … from`), type-only imports aside. */
function staticImports(text: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s)?([^;"']*?\sfrom\s+)?["']([^"']+)["']/gm;
  for (const m of text.matchAll(statement)) {
    if (m[2]) continue;
    if (m[1] === "export" && !m[3]) continue;
    found.push(m[4]!);
  }
  return found;
}

/** Whether the file at `path` with `text` statically imports the renderer or a Markdown parser. */
function importsRenderer(path: string, text: string): boolean {
  return staticImports(text).some((spec) => {
    if (/^(mdast-util-from-markdown|micromark)(\/|-|$)/.test(spec)) return true;
    if (!spec.startsWith(".")) return false;
    return resolve(dirname(path), spec).replace(/\.tsx?$/, "") === RENDERER.replace(/\.tsx$/, "");
  });
}
