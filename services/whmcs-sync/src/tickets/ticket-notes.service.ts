import { Inject, Injectable } from '@nestjs/common';

import type { RpcRequest, TicketNoteList } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { DraftsErrorCode, DraftsException } from '../drafts/drafts.exception';
import { TicketMirrorRepository } from '../mirror/ticket-mirror.repository';
import { TicketMirrorService } from '../mirror/ticket-mirror.service';
import { WhmcsGuard } from '../sync/whmcs-guard.service';
import { WhmcsClient } from '../whmcs/whmcs-client';
import { WhmcsErrorCode, WhmcsException } from '../whmcs/whmcs.exception';

/**
 * Private staff notes added from the console (AddTicketNote). WHMCS shows every API note as the
 * credential's admin, so the note ends with the name of the person who wrote it.
 */
@Injectable()
export class TicketNotesService {
  constructor(
    private readonly tickets: TicketMirrorRepository,
    private readonly mirror: TicketMirrorService,
    private readonly whmcs: WhmcsClient,
    private readonly guard: WhmcsGuard,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Adds the note and answers the ticket's notes as WHMCS then has them. */
  async add(request: RpcRequest<'tickets.notes.add'>): Promise<TicketNoteList> {
    const ticket = await this.tickets.find(request.ticketId);
    if (ticket === null) {
      throw new DraftsException(DraftsErrorCode.NotFound, `Ticket ${request.ticketId} not found`);
    }
    if (this.guard.isBlocked()) {
      throw new DraftsException(
        DraftsErrorCode.Unavailable,
        'WHMCS refused the credential; notes can be added once polling resumes',
      );
    }
    try {
      await this.whmcs.addNote(ticket.id, signed(request.text, request.addedBy.name));
    } catch (error) {
      throw refusal(error);
    }
    this.logger.info({ ticketId: ticket.id, by: request.addedBy.id }, 'Staff note added');
    try {
      const detail = await this.whmcs.ticket(ticket.id);
      await this.mirror.recordThread(detail);
    } catch (error) {
      this.logger.warn(
        { ticketId: ticket.id, err: String(error) },
        'Notes not read back; they show after the next read of the ticket',
      );
    }
    return { notes: (await this.tickets.find(ticket.id))?.notes ?? ticket.notes };
  }
}

function signed(text: string, name: string): string {
  return `${text.trim()}\n\n— ${name}, via Deskpilot`;
}

/** Whether the note was stored is unknown after anything but WHMCS's own refusal. */
function refusal(error: unknown): DraftsException {
  if (error instanceof WhmcsException && error.code === WhmcsErrorCode.Rejected) {
    return DraftsException.invalid(`WHMCS refused the note: ${error.detail}`);
  }
  const detail = error instanceof WhmcsException ? error.detail : String(error);
  if (error instanceof WhmcsException && error.code === WhmcsErrorCode.Forbidden) {
    // Refused before the action ran: nothing was stored.
    return new DraftsException(
      DraftsErrorCode.Unavailable,
      `WHMCS refused the note (${detail}); its API role needs AddTicketNote`,
    );
  }
  return new DraftsException(
    DraftsErrorCode.Unavailable,
    `WHMCS did not confirm the note (${detail}); look at the ticket in WHMCS before adding it again`,
  );
}
