import { render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { editorText, findEditor, setEditorText } from "./editorTesting";
import { ScriptEditor } from "./ScriptEditor";

function Harness({ initial, onText }: { initial: string; onText: (t: string) => void }) {
  const [text, setText] = useState(initial);
  return (
    <ScriptEditor
      id="code"
      label="Script"
      value={text}
      onChange={(t) => {
        setText(t);
        onText(t);
      }}
      invalid={text.includes("bad")}
      describedBy="code-hint"
    />
  );
}

describe("the script editor", () => {
  it("loads on demand, highlights shell and reports each edit", async () => {
    const seen: string[] = [];
    render(<Harness initial={'#!/bin/bash\necho "hi" # greet'} onText={(t) => seen.push(t)} />);
    const content = await screen.findByTestId("code");
    expect(content).toHaveAttribute("contenteditable", "true");
    expect(content).toHaveAttribute("aria-describedby", "code-hint");
    expect(screen.getByRole("textbox", { name: "Script" })).toBe(content);
    // The shell mode marks the comment and the string as tokens of their own.
    const tokens = [...content.querySelectorAll("span")].map((s) => s.textContent);
    expect(tokens).toContain("# greet");
    expect(tokens).toContain('"hi"');
    await setEditorText("code", "echo bad");
    expect(seen).toEqual(["echo bad"]);
    expect(content).toHaveAttribute("aria-invalid", "true");
  });

  it("shows a value set from outside, and is not editable when read-only", async () => {
    const { rerender } = render(<ScriptEditor id="view" label="Script" value="echo one" readOnly />);
    expect(await editorText("view")).toBe("echo one");
    rerender(<ScriptEditor id="view" label="Script" value="echo two" readOnly />);
    expect(await editorText("view")).toBe("echo two");
    expect((await findEditor("view")).state.readOnly).toBe(true);
    expect(screen.getByTestId("view")).toHaveAttribute("contenteditable", "false");
  });
});
