import { useEffect, useState, type FormEvent } from "react";
import { ChevronDown } from "lucide-react";
import type { Session } from "./session";
import { errorDetail } from "../../lib/notify";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Field, fieldAria, TextField } from "../../components/ui/Field";
import { Input } from "../../components/ui/Input";
import { AuthSchemeField } from "./AuthSchemeField";
import { DEFAULT_AUTH, authSchemeText, parseAuthScheme, type AuthSchemeValue } from "./authScheme";
import { useSignIn } from "./useSignIn";

export const DEFAULT_BASE_URL = "https://barrack.ai/api/";

/** The fields a sign-in error can be about (AppError.field). */
const FIELDS = ["apiKey", "profile", "baseUrl", "authScheme"] as const;
type FieldName = (typeof FIELDS)[number];

type Props = {
  /** The profile name to start with ("default", or a free one when adding an account). */
  initialProfile: string;
  /** A saved profile's base URL and auth scheme, when signing in to it again. */
  initialBaseUrl?: string;
  initialAuthScheme?: string;
  onSignedIn?: (session: Session) => void;
};

/** API key, profile name and (under Advanced) base URL and auth scheme. */
export function SignInForm({ initialProfile, initialBaseUrl, initialAuthScheme, onSignedIn }: Props) {
  const [apiKey, setApiKey] = useState("");
  const [profile, setProfile] = useState(initialProfile);
  const [baseUrl, setBaseUrl] = useState(initialBaseUrl ?? DEFAULT_BASE_URL);
  const [auth, setAuth] = useState<AuthSchemeValue>(
    initialAuthScheme ? parseAuthScheme(initialAuthScheme) : DEFAULT_AUTH,
  );
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const { signIn, pending, error, clearError } = useSignIn();

  const field = error?.field as FieldName | undefined;
  const fieldError = (name: FieldName) => (field === name ? error?.serverMessage : null);
  const generalError = error && !FIELDS.includes(field as FieldName) ? error : null;

  function edit<T>(set: (v: T) => void) {
    return (v: T) => {
      set(v);
      if (error) clearError();
    };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const session = await signIn({
      apiKey,
      profile: profile.trim() || null,
      baseUrl: baseUrl.trim() || null,
      authScheme: authSchemeText(auth),
    });
    if (session) {
      // The key now lives in the OS keyring only.
      setApiKey("");
      onSignedIn?.(session);
    }
  }

  // A refused base URL or auth scheme must be visible: open Advanced for it.
  useEffect(() => {
    if (field === "baseUrl" || field === "authScheme") setAdvancedOpen(true);
  }, [field]);
  const showAdvanced = advancedOpen || field === "baseUrl" || field === "authScheme";
  // Names and addresses, not words: no suggestions or spelling marks; locked while signing in.
  const plainText = { autoComplete: "off", spellCheck: false, disabled: pending };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <Field
        id="api-key"
        label="API key"
        hint="Stored in your system keychain, never on disk in plain text."
        error={fieldError("apiKey")}
      >
        <Input
          {...fieldAria("api-key", fieldError("apiKey"))}
          aria-invalid={fieldError("apiKey") || generalError?.code === "Unauthorized" ? true : undefined}
          data-testid="api-key"
          type="password"
          value={apiKey}
          onChange={(e) => edit(setApiKey)(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          disabled={pending}
        />
      </Field>
      <TextField
        id="profile-name"
        label="Profile name"
        hint="Letters, digits, _ - and . (up to 50). One profile per account."
        error={fieldError("profile")}
        value={profile}
        onChange={edit(setProfile)}
        {...plainText}
      />

      <div className="rounded-md border border-border">
        <button
          type="button"
          data-testid="advanced-toggle"
          aria-expanded={showAdvanced}
          aria-controls="signin-advanced"
          onClick={() => setAdvancedOpen(!showAdvanced)}
          className="flex w-full items-center justify-between px-3 py-2 text-sm font-medium"
        >
          Advanced
          <ChevronDown aria-hidden className={showAdvanced ? "size-4 rotate-180" : "size-4"} />
        </button>
        {showAdvanced && (
          <div id="signin-advanced" className="flex flex-col gap-4 border-t border-border p-3">
            <TextField
              id="base-url"
              label="Base URL"
              hint="HTTPS, or http only for this computer (127.0.0.1)."
              error={fieldError("baseUrl")}
              value={baseUrl}
              onChange={edit(setBaseUrl)}
              {...plainText}
            />
            <AuthSchemeField
              value={auth}
              onChange={edit(setAuth)}
              error={fieldError("authScheme")}
              disabled={pending}
            />
          </div>
        )}
      </div>

      {generalError && (
        <Alert testId="signin-error" title={generalError.humanMessage}>
          {errorDetail(generalError)}
        </Alert>
      )}

      <Button type="submit" variant="primary" data-testid="sign-in-submit" pending={pending} disabled={pending}>
        {pending ? "Checking the key…" : "Sign in"}
      </Button>
    </form>
  );
}
