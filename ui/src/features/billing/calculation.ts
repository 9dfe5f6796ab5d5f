// The pricing calculator's sum, asked of the backend (barrack-api costs::calculate): GPU ×
// hours plus the volume, computed in one place for the calculator and every other price.

import { commands, type CalcInput_Deserialize, type CalcResult_Serialize } from "../../bindings";
import { useCheck, type Check } from "../../lib/useCheck";

export const calculationCheck: Check<CalcInput_Deserialize, CalcResult_Serialize> = {
  name: "calculateCost",
  run: (input) => commands.calculateCost(input),
};

/** The cost of `input`; the previous answer while a new one is out; `undefined` when not `enabled`. */
export function useCalculation(input: CalcInput_Deserialize, enabled: boolean): CalcResult_Serialize | undefined {
  return useCheck(calculationCheck, input, enabled).data;
}
