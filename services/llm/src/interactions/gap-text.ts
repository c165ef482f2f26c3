/**
 * What a weakly answered question asks, as its knowledge gap is grouped and a dismissed topic
 * recognises it: a ticket's subject names its topic in a few words, and counts twice against the
 * message's greetings and details.
 */
export function gapText(question: string, ticketSubject: string | null): string {
  return ticketSubject === null ? question : `${ticketSubject}\n${ticketSubject}\n${question}`;
}
