// The start's first questions, kept until the query that would have asked each takes it.
// Asked by app/startEarly.ts as the bundle begins to run (before React and the pages
// evaluate), so they travel meanwhile; each is taken once, and a query that finds nothing
// here (tests, a later session) asks as usual.

import type { AccountOverview_Serialize, LastKnown_Serialize, SessionInfo_Serialize } from "../bindings";
import type { CommandResult } from "./ipc";
import { markStart } from "./startMarks";

/** The questions asked early, by the command that answers them, with their answers. */
type Answers = {
  getSession: SessionInfo_Serialize;
  getLastKnown: LastKnown_Serialize | null;
  accountOverview: AccountOverview_Serialize;
};
export type EarlyName = keyof Answers;
type Answer<N extends EarlyName> = Promise<CommandResult<Answers[N]>>;

const asked: { [N in EarlyName]?: Answer<N> } = {};

/** Keeps `answer` for the first [`takeEarly`] of `name`. */
export function putEarly<N extends EarlyName>(name: N, answer: Answer<N>): void {
  (asked as Record<EarlyName, unknown>)[name] = answer;
  const answered = () => markStart(`answered:${name}`);
  answer.then(answered, answered);
}

/** The answer asked early for `name`, once; else undefined. */
export function takeEarly<N extends EarlyName>(name: N): Answer<N> | undefined {
  const answer = asked[name] as Answer<N> | undefined;
  delete asked[name];
  return answer;
}
