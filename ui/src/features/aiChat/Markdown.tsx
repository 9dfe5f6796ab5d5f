// An answer's Markdown as React elements, never as HTML: the text is parsed to a syntax
// tree (CommonMark, mdast-util-from-markdown) and each kind of node becomes one element
// chosen here. Nothing from the answer becomes markup or an attribute the webview acts on:
// raw HTML is shown as text, images are not loaded (their address is shown), and a link is
// a button that opens the system browser only when its address is one the opener
// capability allows (openableUrls.ts) — any other is shown as text with its address.
// The text is parsed in small units (markdownUnits.ts: the parser is super-linear on some
// input), each memoised, and a unit that looks pathological shows as plain text. A link
// reference whose definition is in another unit stays the text it is.
// Loaded only by the AI Chat page (AnswerBody.tsx imports it lazily), so the parser stays
// out of the main bundle.

import type { ReactNode } from "react";
import { memo, useMemo } from "react";
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Definition, Nodes, Root } from "mdast";
import { openBarrackPage } from "../../lib/barrackSite";
import { CopyButton } from "./CopyButton";
import { markdownUnits, parsesSafely } from "./markdownUnits";
import { openableUrl } from "./openableUrls";

type Definitions = ReadonlyMap<string, Definition>;

/** Every `[label]: url` definition of the tree, by identifier (references may point ahead). */
function definitionsOf(root: Root): Definitions {
  const found = new Map<string, Definition>();
  const walk = (node: Nodes) => {
    if (node.type === "definition" && !found.has(node.identifier)) found.set(node.identifier, node);
    if ("children" in node) node.children.forEach(walk);
  };
  walk(root);
  return found;
}

/** A node's text without markup (an image's alt text counts). */
function plainText(node: Nodes): string {
  if ("value" in node) return node.value;
  if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
  if ("children" in node) return node.children.map(plainText).join("");
  return "";
}

function LinkOrText({ url, title, children }: { url: string; title: string; children: ReactNode }) {
  const target = openableUrl(url);
  if (target) {
    return (
      <button
        type="button"
        data-testid="md-link"
        title={`Opens ${target} in your browser`}
        onClick={() => void openBarrackPage(target)}
        className="font-medium text-primary underline"
      >
        {children}
      </button>
    );
  }
  // Not a place the app may open: the words, then the address as text to judge and copy.
  return (
    <span data-testid="md-link-text">
      {children}
      {title !== url && url && <span className="text-fg-muted"> ({url})</span>}
    </span>
  );
}

function ImageText({ alt, url }: { alt: string; url: string }) {
  return (
    <span data-testid="md-image-text" className="text-fg-muted">
      [image{alt ? `: ${alt}` : ""}]{url && ` (${url})`}
    </span>
  );
}

function CodeBlock({ code, lang }: { code: string; lang: string | null | undefined }) {
  return (
    <div data-testid="md-code" className="my-2 overflow-hidden rounded-md border border-border bg-surface-2">
      <div className="flex items-center justify-between gap-2 border-b border-border px-3 py-1 text-xs text-fg-muted">
        <span>{lang || "code"}</span>
        <CopyButton text={code} testId="md-copy" label="Copy this code" what="Code" />
      </div>
      <pre className="overflow-x-auto p-3 text-xs">
        <code>{code}</code>
      </pre>
    </div>
  );
}

const HEADING = ["text-lg", "text-base", "text-sm", "text-sm", "text-sm", "text-sm"] as const;

function render(nodes: readonly Nodes[], defs: Definitions): ReactNode[] {
  return nodes.map((n, i) => renderNode(n, i, defs));
}

function renderNode(node: Nodes, key: number, defs: Definitions): ReactNode {
  switch (node.type) {
    case "root":
      return <div key={key}>{render(node.children, defs)}</div>;
    case "paragraph":
      return (
        <p key={key} className="my-2">
          {render(node.children, defs)}
        </p>
      );
    case "heading":
      return (
        <p
          key={key}
          role="heading"
          aria-level={node.depth + 2}
          className={`mt-3 mb-1 font-semibold ${HEADING[node.depth - 1]}`}
        >
          {render(node.children, defs)}
        </p>
      );
    case "text":
      return node.value;
    case "emphasis":
      return <em key={key}>{render(node.children, defs)}</em>;
    case "strong":
      return <strong key={key}>{render(node.children, defs)}</strong>;
    case "inlineCode":
      return (
        <code key={key} className="rounded bg-surface-2 px-1 text-[0.85em]">
          {node.value}
        </code>
      );
    case "break":
      return <br key={key} />;
    case "thematicBreak":
      return <hr key={key} className="my-3 border-border" />;
    case "blockquote":
      return (
        <blockquote key={key} className="my-2 border-l-2 border-border pl-3 text-fg-muted">
          {render(node.children, defs)}
        </blockquote>
      );
    case "list":
      return node.ordered ? (
        <ol key={key} start={node.start ?? undefined} className="my-2 list-decimal pl-6">
          {render(node.children, defs)}
        </ol>
      ) : (
        <ul key={key} className="my-2 list-disc pl-6">
          {render(node.children, defs)}
        </ul>
      );
    case "listItem":
      return <li key={key}>{render(node.children, defs)}</li>;
    case "code":
      return <CodeBlock key={key} code={node.value} lang={node.lang} />;
    case "html":
      // Raw HTML is shown as the text it is, never parsed by the webview.
      return (
        <span key={key} data-testid="md-raw-html" className="font-mono text-xs whitespace-pre-wrap text-fg-muted">
          {node.value}
        </span>
      );
    case "link":
      return (
        <LinkOrText key={key} url={node.url} title={plainText(node)}>
          {render(node.children, defs)}
        </LinkOrText>
      );
    case "linkReference": {
      const def = defs.get(node.identifier);
      if (!def) return <span key={key}>{render(node.children, defs)}</span>;
      return (
        <LinkOrText key={key} url={def.url} title={plainText(node)}>
          {render(node.children, defs)}
        </LinkOrText>
      );
    }
    case "image":
      return <ImageText key={key} alt={node.alt ?? ""} url={node.url} />;
    case "imageReference":
      return <ImageText key={key} alt={node.alt ?? ""} url={defs.get(node.identifier)?.url ?? ""} />;
    case "definition":
      return null;
    default:
      // A kind this renderer does not know (a newer parser): its text, nothing else.
      return <span key={key}>{plainText(node)}</span>;
  }
}

/** One unit's elements, built once per text; a pathological unit is plain text (as inert). */
const MarkdownUnit = memo(function MarkdownUnit({ text }: { text: string }) {
  const elements = useMemo(() => {
    if (!parsesSafely(text)) return null;
    const tree = fromMarkdown(text);
    return render(tree.children, definitionsOf(tree));
  }, [text]);
  if (elements === null) {
    return (
      <p data-testid="md-plain" className="my-2 whitespace-pre-wrap">
        {text}
      </p>
    );
  }
  return <div data-testid="md-unit">{elements}</div>;
});

/** `text` as Markdown, inert (see the top of this file). */
export default function Markdown({ text }: { text: string }) {
  const units = useMemo(() => markdownUnits(text), [text]);
  return (
    <div data-testid="md" className="text-sm leading-relaxed break-words">
      {units.map((unit, i) => (
        // By position: "Show more" keeps the earlier units, whose memoised elements stay.
        <MarkdownUnit key={i} text={unit} />
      ))}
    </div>
  );
}
