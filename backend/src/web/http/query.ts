import { z } from '@hono/zod-openapi';

/** A comma-separated query parameter of enum values, e.g. `status=dispatched,handling`. */
export const commaList = <const T extends readonly [string, ...string[]]>(values: T, example: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)))
    .openapi({ type: 'string', example, description: `Comma-separated, any of ${values.join(', ')}` });
