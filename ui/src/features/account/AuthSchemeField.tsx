import { Field, fieldAria } from "../../components/ui/Field";
import { Input, Select } from "../../components/ui/Input";
import type { AuthKind, AuthSchemeValue } from "./authScheme";

type Props = {
  value: AuthSchemeValue;
  onChange: (v: AuthSchemeValue) => void;
  error?: string | null;
  disabled?: boolean;
};

/** How the key is sent: a bearer token, an X-API-Key header, or a header named here. */
export function AuthSchemeField({ value, onChange, error, disabled }: Props) {
  return (
    <Field
      id="auth-scheme"
      label="Auth scheme"
      hint="How the key is sent. Barrack's documentation does not say; bearer is the default."
      error={error}
    >
      <div className="flex gap-2">
        <Select
          {...fieldAria("auth-scheme", error)}
          data-testid="auth-scheme"
          value={value.kind}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, kind: e.target.value as AuthKind })}
          className="w-56"
        >
          <option value="bearer">Authorization: Bearer</option>
          <option value="x-api-key">X-API-Key header</option>
          <option value="header">Another header…</option>
        </Select>
        {value.kind === "header" && (
          <Input
            aria-label="Header name"
            data-testid="auth-header-name"
            placeholder="Header-Name"
            value={value.headerName}
            disabled={disabled}
            onChange={(e) => onChange({ ...value, headerName: e.target.value })}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </div>
    </Field>
  );
}
