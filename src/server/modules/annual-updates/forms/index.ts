// The built-in first version of each kind's form: copied into an alliance's table the first time a year needs it.
import { FormDefinition, type UpdateKind } from '../form-definition.ts';
import { htxForm } from './htx.ts';
import { lhhtxForm } from './lhhtx.ts';
import { thtForm } from './tht.ts';

const BUILT_IN: Record<UpdateKind, FormDefinition> = { THT: thtForm, HTX: htxForm, LHHTX: lhhtxForm };

/** A copy of the built-in definition of a kind (checked against the schema, so a bad edit fails at once). */
export function builtInForm(kind: UpdateKind): FormDefinition {
  return FormDefinition.parse(structuredClone(BUILT_IN[kind]));
}
