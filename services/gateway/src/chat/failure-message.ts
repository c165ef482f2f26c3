import type { AnswerFailure } from '@deskpilot/contracts';

/** What the console shows when an answer fails; the technical message stays in the log. */
export function failureMessageFor(failure: AnswerFailure): string {
  switch (failure.reason) {
    case 'midstream_error':
      return 'The model stopped with an error in the middle of the answer. The partial answer is kept but may be incomplete; please ask again.';
    case 'rate_limited':
      return 'The model is receiving too many requests. Please try again shortly.';
    case 'payment_required':
      return 'The model account has run out of credits. Ask an administrator to top it up.';
    case 'unauthorized':
      return 'The model key was refused. Ask an administrator to check the configuration.';
    case 'first_token_timeout':
    case 'stalled':
      return 'The model took too long to answer. Please try again.';
    case 'retrieval_unavailable':
      return 'The knowledge base is not available right now. Please try again shortly.';
    case 'refused':
      return 'The model refused this question.';
    case 'bad_request':
    case 'connection_error':
    case 'provider_error':
    case 'internal':
      return 'The answer could not be written. Please try again.';
  }
}
