import { Type } from '@sinclair/typebox';

/** Rows an import took with a doubt, once per reason: the `warnings` of every import report. */
export const ImportWarningsSchema = Type.Array(
  Type.Object({
    line: Type.Integer({ description: 'First line with this warning.' }),
    reason: Type.String(),
    rows: Type.Integer({ description: 'Rows with this warning.' }),
  }),
  { description: 'Rows taken with a doubt (an option let them through), once per reason.' },
);
