// Types of scenario.mjs for the Jest version (apps/api/test/fault.integration-spec.ts).

export interface FaultMentor {
  username: string;
  token: string;
  courseIds: string[];
}

export interface FaultCycle {
  restart: number;
  stopCalledAt: number;
  stopMs: number;
  downAt: number;
  startCalledAt: number;
  startMs: number;
  upAt: number;
  first2xxAt?: number;
  contactRecoveryS: number | null;
  healthRecoveryS: number | null;
  healthWhileDown: { probes: number; answered503ProblemJson: number; other: (number | string)[] };
}

export interface FaultFigures {
  durationS: number;
  connections: number;
  restarts: number;
  requests: number;
  answered2xx: number;
  answered4xx: number;
  answered5xx: number;
  noAnswer: number;
  byStatus: Record<string, number>;
  autocannon: { errors: number; timeouts: number };
  keys: number;
  keysAnswered2xx: number;
  retries: number;
  replays: number;
  replays2xx: number;
  inFlightAtStop: number;
  stored: number;
  duplicates: number;
  lost: number;
  storedWithout2xx: number;
  auditMismatches: number;
  cycles: FaultCycle[];
  healthAtEnd: number | string;
}

export interface FaultDatabase {
  /** Resolves (with the milliseconds it took) once PostgreSQL has stopped. */
  stop(): Promise<number>;
  /** Resolves (with the milliseconds it took) once PostgreSQL accepts connections again. */
  start(): Promise<number>;
}

export function signInMentors(baseUrl: string, usernames: string[], password: string): Promise<FaultMentor[]>;

export function runFaultScenario(options: {
  baseUrl: string;
  databaseUrl: string;
  database: FaultDatabase;
  mentors: FaultMentor[];
  connections?: number;
  restarts?: number;
  upS?: number;
  downS?: number;
  timeoutS?: number;
  recoveryLimitS?: number;
  log?: (message: string) => void;
}): Promise<FaultFigures>;

export function fmtS(seconds: number | null | undefined): string;

export function figureRows(figures: FaultFigures): [string, string | number][];

export function faultProblems(figures: FaultFigures, options?: { recoveryLimitS?: number }): string[];
