import pino from 'pino';

/** One JSON line per event. Secrets never reach it: the redaction list below is a second line of defence. */
export function createLogger(level: string, name = 'corpgraph'): pino.Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: {
      paths: ['password', '*.password', 'authorization', '*.authorization', 'headers.authorization', 'token', '*.token'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type Logger = pino.Logger;
