import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, keys, toAppError, type Session, type Settings } from "../../api";
import { commands } from "../../bindings";

/**
 * Forgets a saved profile that is not the current one, and its key.
 *
 * There is no backend command that deletes another profile's keyring entry, so this goes
 * through the ones there are: switch to the profile, sign out of it (which deletes its
 * key), switch back, then save the profile list without it. The UI's session is set only
 * at the end, so the screen does not flicker through "signed out".
 */
async function removeProfile(name: string, current: Session): Promise<{ session: Session; settings: Settings }> {
  const before = await call(commands.getSettings());
  const target = before.profiles.find((p) => p.name === name);
  let session = current;
  if (target?.keyHint) {
    let switched = false;
    try {
      await call(commands.useProfile(name));
      switched = true;
    } catch (e) {
      // Its key is gone already: only the list entry is left to remove.
      if (toAppError(e).code !== "NotSignedIn") throw e;
    }
    if (switched) {
      try {
        await call(commands.signOut());
      } finally {
        session = current.sandbox
          ? await call(commands.startSandbox())
          : await call(commands.useProfile(current.profile ?? ""));
      }
    }
  }
  const latest = await call(commands.getSettings());
  const settings = await call(
    commands.setSettings({ ...latest, profiles: latest.profiles.filter((p) => p.name !== name) }),
  );
  return { session, settings };
}

export function useRemoveProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => {
      const current = qc.getQueryData<Session>(keys.session);
      if (!current?.signedIn) throw new Error("not signed in");
      return removeProfile(name, current);
    },
    onSuccess: ({ session, settings }) => {
      qc.setQueryData(keys.session, session);
      qc.setQueryData(keys.settings, settings);
    },
    onError: () => {
      // Whatever step failed, show what the backend now holds.
      void qc.invalidateQueries({ queryKey: keys.session });
      void qc.invalidateQueries({ queryKey: keys.settings });
    },
  });
}

