// The code editor, fetched the first time a script is shown: CodeMirror stays out of the
// main bundle (the rest of the app never needs it).

import { lazy, Suspense } from "react";
import type { CodeEditorProps } from "./CodeEditor";

const CodeEditor = lazy(() => import("./CodeEditor"));

export function ScriptEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <p data-testid="script-editor-loading" className="text-xs text-fg-muted">
          Loading the editor…
        </p>
      }
    >
      <CodeEditor {...props} />
    </Suspense>
  );
}
