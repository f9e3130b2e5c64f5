// Helpers for writing indicator definitions with precise types: the literal code is kept so the
// registry can be keyed by it, and the input type is inferred from `compute`.

import { safeRatio } from './compute';
import type { IndicatorDef, IndicatorInputs, MaybeNumber } from './types';

/** An indicator definition whose code is a literal type (used to key the registry). */
export type DefinedIndicator<C extends string, I extends IndicatorInputs> = IndicatorDef<I> & { code: C };

export function defineIndicator<const C extends string, I extends IndicatorInputs>(
  def: IndicatorDef<I> & { code: C },
): DefinedIndicator<C, I> {
  return def;
}

/** compute = inputs[num] ÷ inputs[den] (null when missing or den is 0). */
export function ratioOf<N extends string, D extends string>(num: N, den: D) {
  return (inputs: { [K in N | D]: MaybeNumber }): number | null => safeRatio(inputs[num], inputs[den]);
}

// compute's parameter is contravariant, so a list of definitions with different inputs is only
// assignable to a list of definitions with `any` inputs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDefined = DefinedIndicator<string, any>;

/** Build a record keyed by code from a list of definitions (keeps the order of the list). */
export function keyByCode<const T extends readonly AnyDefined[]>(defs: T): { [D in T[number] as D['code']]: D } {
  const out: Record<string, AnyDefined> = {};
  for (const d of defs) {
    if (out[d.code]) throw new Error(`重复的指标代码: ${d.code}`);
    out[d.code] = d;
  }
  return out as { [D in T[number] as D['code']]: D };
}
