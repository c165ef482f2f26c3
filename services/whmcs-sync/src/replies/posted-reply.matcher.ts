import { isStaffReply } from '../mirror/ticket-mirror.service';
import type { TicketDetail, TicketReply } from '../whmcs/whmcs-responses';
import { decodeEntities } from '../whmcs/whmcs-values';

function normalise(text: string): string {
  return decodeEntities(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/**
 * Our reply as WHMCS stored it: a staff reply newer than the last reply seen before posting,
 * with the same text. AddTicketReply returns no id, so this is how a post is confirmed after a
 * timeout, an error or a crash.
 */
export function findPostedReply(
  detail: TicketDetail,
  text: string,
  afterReplyId: string,
): TicketReply | undefined {
  const wanted = normalise(text);
  return detail.replies.find(
    (reply) =>
      isStaffReply(reply) &&
      Number(reply.replyid) > Number(afterReplyId) &&
      normalise(reply.message) === wanted,
  );
}

/** The highest reply id of the thread; the opening message is `"0"`. */
export function newestReplyId(detail: TicketDetail): string {
  return detail.replies.reduce(
    (max, reply) => (Number(reply.replyid) > Number(max) ? reply.replyid : max),
    '0',
  );
}

/**
 * Why the draft must not be posted any more, if it must not: the ticket was closed, staff
 * answered in WHMCS, or the customer wrote again after the message the draft answers.
 */
export function whyStale(detail: TicketDetail, basedOnReplyId: string): string | null {
  if (detail.status.toLowerCase() === 'closed') {
    return 'The ticket was closed in WHMCS';
  }
  const ordered = [...detail.replies].sort((a, b) => Number(a.replyid) - Number(b.replyid));
  const latest = ordered.at(-1);
  if (latest === undefined) {
    return null;
  }
  if (isStaffReply(latest)) {
    return 'Answered in WHMCS before the reply was posted';
  }
  if (Number(latest.replyid) > Number(basedOnReplyId)) {
    return 'The customer wrote again before the reply was posted';
  }
  return null;
}
