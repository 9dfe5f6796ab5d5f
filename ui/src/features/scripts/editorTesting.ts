// Driving the CodeMirror editor in component tests: jsdom has no layout, so the text is
// changed as a user edit would change it (a transaction on the view), not key by key.

import { act, screen } from "@testing-library/react";
import { EditorView } from "@codemirror/view";

/** The editor whose editable element has `testId`, once it has loaded. */
export async function findEditor(testId: string): Promise<EditorView> {
  const content = await screen.findByTestId(testId);
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error(`${testId} is not a CodeMirror editor`);
  return view;
}

/** Replaces the editor's whole text, as a paste over a selection of everything would. */
export async function setEditorText(testId: string, text: string) {
  const view = await findEditor(testId);
  act(() => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: "input.paste" });
  });
}

/** The editor's text. */
export async function editorText(testId: string): Promise<string> {
  return (await findEditor(testId)).state.doc.toString();
}
