/** The shape of one contract method; feature files declare their methods with `method()`. */
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line on what it does; shown in docs and logs. */
  summary: string;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): MethodSpec<I, O> => ({
  input,
  output,
  summary,
});
