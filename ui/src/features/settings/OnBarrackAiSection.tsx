import type { ReactNode } from "react";
import { ExternalLink } from "lucide-react";
import statement from "../../content/onBarrackAi.md?raw";
import { Button } from "../../components/ui/Button";
import { Card, CardTitle } from "../../components/ui/Card";
import { ACCOUNT_URL, openBarrackPage } from "../../lib/barrackSite";

/** `**bold**` spans of one line, the only markup the statement uses. */
function inline(line: string): ReactNode[] {
  return line.split(/\*\*(.+?)\*\*/g).map((part, i) => (i % 2 ? <strong key={i}>{part}</strong> : part));
}

/** The statement's paragraphs and its one list, as written in onBarrackAi.md. */
function Statement({ text }: { text: string }) {
  const lines = text.trim().split("\n");
  const items = lines.filter((l) => l.startsWith("- ")).map((l) => l.slice(2));
  const paragraphs = lines.filter((l) => l.trim() !== "" && !l.startsWith("- "));
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className="text-sm">
          {inline(p)}
        </p>
      ))}
      <ul className="ml-5 list-disc space-y-1 text-sm">
        {items.map((item, i) => (
          <li key={i}>{inline(item)}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * What the app leaves to barrack.ai's site (AUTH-01…04, ACCT-01…07, BILL-01/02): one text,
 * also the README's "What stays on barrack.ai".
 */
export function OnBarrackAiSection() {
  return (
    <Card data-testid="on-barrack-ai">
      <CardTitle>What stays on barrack.ai</CardTitle>
      <div className="flex flex-col gap-2">
        <Statement text={statement} />
        <Button
          className="self-start"
          data-testid="on-barrack-ai-account"
          onClick={() => void openBarrackPage(ACCOUNT_URL)}
        >
          <ExternalLink aria-hidden className="size-4" />
          Open My Account on barrack.ai
        </Button>
      </div>
    </Card>
  );
}
