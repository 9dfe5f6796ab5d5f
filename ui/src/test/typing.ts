// Typing into the app as the tests need it: a field replaced at once or key by key, and
// the sign-in form sent.

import { screen } from "@testing-library/react";
import type userEvent from "@testing-library/user-event";
import type { Call } from "./backend";

export type User = ReturnType<typeof userEvent.setup>;

/** Replaces a field's text in one go, so the rules are asked only about inputs of their case table. */
export async function replaceText(user: User, testId: string, text: string) {
  await user.clear(screen.getByTestId(testId));
  await user.paste(text);
}

/** Replaces a field's text key by key, as a person types it (once the field is there). */
export async function retype(user: User, testId: string, text: string) {
  const field = await screen.findByTestId(testId);
  await user.clear(field);
  await user.type(field, text);
}

/** Sends the sign-in form and waits for the app behind it; the request sign-in was given. */
export async function submitSignIn(user: User, backend: { called: (cmd: string) => Call[] }) {
  await user.click(screen.getByTestId("sign-in-submit"));
  await screen.findByTestId("app-shell");
  return backend.called("sign_in")[0]!.args.request;
}
