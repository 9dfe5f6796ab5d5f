// The script editor: CodeMirror 6 with shell highlighting. Loaded only by the Scripts page
// (ScriptEditor.tsx imports it lazily), so the app's main bundle does not carry it.

import { useEffect, useRef } from "react";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { shell } from "@codemirror/legacy-modes/mode/shell";
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from "@codemirror/view";

export type CodeEditorProps = {
  /** The editable element's id and test id. */
  id: string;
  /** Its accessible name (a `<label for>` cannot name a content-editable element). */
  label: string;
  value: string;
  onChange?: (value: string) => void;
  /** Shown, not editable (the details view). */
  readOnly?: boolean;
  invalid?: boolean;
  /** The ids of the hint, size and error under it. */
  describedBy?: string;
  placeholderText?: string;
};

/** The app's colours, so the editor follows the light and dark themes. */
const appTheme = EditorView.theme({
  "&": {
    backgroundColor: "var(--color-surface)",
    color: "var(--color-fg)",
    fontSize: "12px",
    border: "1px solid var(--color-border)",
    borderRadius: "6px",
    // A long script (up to 16 KB) scrolls inside the editor, not the whole dialog.
    maxHeight: "24rem",
  },
  "&.cm-focused": { outline: "2px solid var(--color-ring)" },
  "&:has([aria-invalid='true'])": { borderColor: "var(--color-danger)" },
  ".cm-scroller": {
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace",
    minHeight: "12rem",
    overflow: "auto",
  },
  ".cm-gutters": {
    backgroundColor: "var(--color-surface-2)",
    color: "var(--color-fg-muted)",
    borderRight: "1px solid var(--color-border)",
  },
  ".cm-activeLine": { backgroundColor: "transparent" },
  "&.cm-focused .cm-activeLine": { backgroundColor: "var(--color-surface-2)" },
  ".cm-placeholder": { color: "var(--color-fg-muted)" },
});

function contentAttributes(id: string, label: string, invalid: boolean, describedBy: string | undefined) {
  return EditorView.contentAttributes.of({
    id,
    "data-testid": id,
    "aria-label": label,
    "aria-multiline": "true",
    ...(invalid ? { "aria-invalid": "true" } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
  });
}

export default function CodeEditor({
  id,
  label,
  value,
  onChange,
  readOnly = false,
  invalid = false,
  describedBy,
  placeholderText,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  // Reconfigured in place: the editor keeps its text, cursor and history.
  const attributes = useRef(new Compartment()).current;
  const view = useRef<EditorView | null>(null);
  // The latest callback, read by the listener the editor was created with.
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  // One editor per mount; its attributes and contents follow the props below.
  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          highlightActiveLine(),
          StreamLanguage.define(shell),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.lineWrapping,
          appTheme,
          placeholderText ? placeholder(placeholderText) : [],
          attributes.of(contentAttributes(id, label, invalid, describedBy)),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current?.(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The first value only: later ones are applied by the effect below, keeping the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readOnly, placeholderText]);

  // A value set from outside (a reset, another script) replaces the text.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    }
  }, [value]);

  // The editable element carries the field's id and state, for its label and screen readers.
  useEffect(() => {
    view.current?.dispatch({ effects: attributes.reconfigure(contentAttributes(id, label, invalid, describedBy)) });
  }, [attributes, id, label, invalid, describedBy]);

  return <div ref={host} data-testid={`${id}-editor`} />;
}
