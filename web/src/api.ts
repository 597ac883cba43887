// The slice of Vigil's HTTP API that the shell uses: the session. The CSRF token lives only in
// memory (never in storage) and goes with every state-changing request.

export interface User {
  name: string;
  role: string;
}

/** RFC 9457 problem type, e.g. urn:vigil:problem:invalid-credentials. */
export type ProblemType = string;

/** The server answered with an error status (RFC 9457 problem details when it sent them). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problemType: ProblemType | null,
    /** The problem's whole body (detail and extension members such as a row), when it sent one. */
    readonly problem: Record<string, unknown> | null = null,
  ) {
    super(`HTTP ${status}${problemType ? ` ${problemType}` : ''}`);
  }
}

/** The request never got an answer (offline, server down, connection reset). */
export class NetworkError extends Error {}

let csrfToken: string | null = null;

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** One call to Vigil's API; throws ApiError for an error status and NetworkError for no answer. */
export async function request(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new NetworkError('network error');
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    const type = problem && typeof problem.type === 'string' ? problem.type : null;
    throw new ApiError(response.status, type, problem);
  }
  return response;
}

async function problemOf(response: Response): Promise<Record<string, unknown> | null> {
  if (!(response.headers.get('Content-Type') ?? '').includes('json')) return null;
  try {
    const problem: unknown = await response.json();
    if (problem && typeof problem === 'object' && !Array.isArray(problem)) {
      return problem as Record<string, unknown>;
    }
  } catch {
    // A malformed error body still leaves the status to go by.
  }
  return null;
}

function parseSession(data: unknown): User {
  if (!data || typeof data !== 'object') throw new ApiError(502, null);
  const { user, csrf_token: token } = data as { user?: unknown; csrf_token?: unknown };
  if (!user || typeof user !== 'object') throw new ApiError(502, null);
  const { name, role } = user as { name?: unknown; role?: unknown };
  if (typeof name !== 'string' || typeof role !== 'string') throw new ApiError(502, null);
  if (typeof token === 'string' && token) csrfToken = token;
  return { name, role };
}

/** The signed-in user, or null when there is no session (401). */
export async function loadSession(): Promise<User | null> {
  try {
    const response = await request('GET', '/api/v1/session');
    return parseSession(await response.json());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      csrfToken = null;
      return null;
    }
    throw error;
  }
}

export async function signIn(name: string, password: string): Promise<User> {
  const response = await request('POST', '/api/v1/session', { name, password });
  return parseSession(await response.json());
}

/** Ends the session; a session that had already ended counts as signed out. */
export async function signOut(): Promise<void> {
  try {
    await request('DELETE', '/api/v1/session');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  csrfToken = null;
}

// ---------------------------------------------------------------------------------------------
// Identify: the screening ruleset (questions in one language) and assessments.

/** The four answers a person can give to a screening question. */
export const ANSWERS = ['yes', 'no', 'unknown', 'declined'] as const;
export type Answer = (typeof ANSWERS)[number];

export interface RulesetQuestion {
  id: string;
  kind: string;
  /** Short English label, for summaries. */
  label: string;
  prompt: string;
  why: string;
  /** True when the prompt is in English because the language lacks it. */
  fallback: boolean;
  options?: Record<string, string>;
  dimension?: string;
}

export interface RulesetProtocol {
  id: string;
  items: string[];
  max_questions: number;
  escalate_to: string | null;
}

export interface Ruleset {
  id: string;
  version: string;
  status: string;
  lang: string;
  lang_fallback: boolean;
  ui: Record<string, string>;
  dimensions: { id: string; name: string }[];
  protocols: RulesetProtocol[];
  questions: RulesetQuestion[];
}

export interface Person {
  age: 'adult' | 'child' | 'unknown';
  exploitation: ('labour' | 'sexual')[];
}

export interface AssessmentRequest {
  protocol: string;
  person: Person;
  answers: Record<string, Answer>;
  store: boolean;
}

export interface Assessment {
  id?: string;
  ruleset: { id: string; version: string; status: string; unverified_items_used: string[] };
  protocol: string;
  escalate_to: string | null;
  sets: {
    set: string;
    outcome: string;
    dimensions: Record<string, { status: string; by: string[] }>;
  }[];
  palermo: {
    act: string;
    means: string;
    purpose: string;
    child_path: boolean;
    outcome: string;
    adult_outcome: string | null;
  };
  referral: { level: string; reasons: string[] };
  next_questions: string[];
}

export const RULESET_ID = 'ilo-2009';

function hasArrays(data: unknown, keys: string[]): boolean {
  if (!data || typeof data !== 'object') return false;
  const record = data as Record<string, unknown>;
  return keys.every((key) => Array.isArray(record[key]));
}

/** The ruleset with its questions and screen strings in `lang` (English where it lacks them). */
export async function loadRuleset(lang: string): Promise<Ruleset> {
  const response = await request(
    'GET',
    `/api/v1/identify/rulesets/${RULESET_ID}?lang=${encodeURIComponent(lang)}`,
  );
  const data: unknown = await response.json();
  if (!hasArrays(data, ['questions', 'protocols', 'dimensions'])) throw new ApiError(502, null);
  return data as Ruleset;
}

/** Evaluates the answers so far; with store: true the server also keeps it (and returns an id). */
export async function assess(body: AssessmentRequest): Promise<Assessment> {
  const response = await request('POST', '/api/v1/identify/assessments', {
    ruleset: RULESET_ID,
    ...body,
  });
  const data: unknown = await response.json();
  if (!hasArrays(data, ['sets', 'next_questions'])) throw new ApiError(502, null);
  return data as Assessment;
}
