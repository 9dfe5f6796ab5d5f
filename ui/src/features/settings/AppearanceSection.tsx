import { useSetTheme } from "./queries";
import { type Theme } from "../../bindings";
import { Card, CardTitle } from "../../components/ui/Card";
import { Field } from "../../components/ui/Field";
import { Select } from "../../components/ui/Input";

/** Theme: applied the moment it is picked, then saved. */
export function AppearanceSection({ theme }: { theme: Theme }) {
  const setTheme = useSetTheme();
  return (
    <Card>
      <CardTitle>Appearance</CardTitle>
      <div className="max-w-xs">
        <Field id="theme-select" label="Theme" hint="System follows your desktop's light or dark setting.">
          <Select
            id="theme-select"
            data-testid="theme-select"
            value={theme}
            onChange={(e) => setTheme.mutate(e.target.value as Theme)}
          >
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </Select>
        </Field>
      </div>
    </Card>
  );
}
