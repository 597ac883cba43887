// Reading the fields of an API answer: each helper takes whatever the server sent and gives the
// type a screen expects, throwing ApiError(502) only where an answer is unusable as a whole.
import { ApiError } from './api';

export const badAnswer = () => new ApiError(502, null);

/** A JSON object, or ApiError(502). */
export function record(data: unknown): Record<string, unknown> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw badAnswer();
  return data as Record<string, unknown>;
}

export function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}

export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
