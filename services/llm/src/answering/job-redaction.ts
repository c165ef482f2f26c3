import type { ConversationTurn } from '@deskpilot/contracts';

import type { RedactionKind } from '../safety/redaction-rules';
import type { SecretRedactor } from '../safety/secret-redactor';
import { withoutRedactionMarks } from '../safety/secret-redactor';
import type { AnswerJob, TicketContext } from './answer-job';

export interface RedactedInputs {
  readonly question: string;
  readonly searchQuery: string;
  readonly history: ConversationTurn[];
  readonly ticket: TicketContext | null;
  readonly kinds: RedactionKind[];
}

/** Every text of a job that could leave for a model (or a search embedder), redacted. */
export function redactJob(redactor: SecretRedactor, job: AnswerJob): RedactedInputs {
  const kinds = new Set<RedactionKind>();
  const clean = (text: string): string => {
    const result = redactor.redact(text);
    result.kinds.forEach((kind) => kinds.add(kind));
    return result.text;
  };
  const ticket: TicketContext | null = job.ticket
    ? {
        ...job.ticket,
        subject: clean(job.ticket.subject),
        customer: {
          ...job.ticket.customer,
          ...(job.ticket.customer.company === undefined
            ? {}
            : { company: clean(job.ticket.customer.company) }),
        },
        thread: job.ticket.thread.map((message) => ({ ...message, text: clean(message.text) })),
        ...(job.ticket.guidance === undefined ? {} : { guidance: clean(job.ticket.guidance) }),
        ...(job.ticket.notes === undefined
          ? {}
          : { notes: job.ticket.notes.map((note) => ({ ...note, text: clean(note.text) })) }),
      }
    : null;
  return {
    question: clean(job.question),
    searchQuery: withoutRedactionMarks(clean(job.searchQuery)),
    history: job.history.map((turn) => ({ ...turn, content: clean(turn.content) })),
    ticket,
    kinds: [...kinds],
  };
}

/** The texts written by users or customers, which injection detection inspects. */
export function untrustedTexts(job: AnswerJob): string[] {
  return [
    job.question,
    ...job.history.filter((turn) => turn.role === 'user').map((turn) => turn.content),
    ...(job.ticket
      ? [
          job.ticket.subject,
          ...job.ticket.thread
            .filter((message) => message.from === 'customer')
            .map((message) => message.text),
        ]
      : []),
  ];
}
