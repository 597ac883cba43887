// Maps API failures to the message the person sees; never shows server text verbatim.
import { ApiError, NetworkError } from './api';
import type { MessageKey } from './i18n';

export function errorMessageKey(error: unknown): MessageKey {
  if (error instanceof NetworkError) return 'error.network';
  if (error instanceof ApiError) {
    // The server names its throttling problem too-many-requests; too-many-attempts is accepted too.
    if (error.status === 429 || error.problemType?.startsWith('urn:vigil:problem:too-many-')) {
      return 'error.tooManyAttempts';
    }
    if (error.problemType === 'urn:vigil:problem:invalid-credentials' || error.status === 401) {
      return 'error.invalidCredentials';
    }
  }
  return 'error.generic';
}
