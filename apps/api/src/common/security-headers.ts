import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's response headers for the given options, computed once. (@fastify/helmet builds the whole
 * helmet middleware again on every request; the headers never change, so the app sets this object.)
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name] = value;
    },
    removeHeader: () => undefined,
  };
  helmet(options)({} as never, response as never, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}
