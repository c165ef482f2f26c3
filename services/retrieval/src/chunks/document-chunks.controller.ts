import { Controller } from '@nestjs/common';

import type { DocumentChunksResponse, RpcRequest } from '@deskpilot/contracts';
import { KnowledgeRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';

import { ChunkRepository } from './chunk.repository';

@Controller()
export class DocumentChunksController {
  constructor(private readonly chunks: ChunkRepository) {}

  @OnRequest(KnowledgeRpc.DocumentChunks)
  list(request: RpcRequest<typeof KnowledgeRpc.DocumentChunks>): Promise<DocumentChunksResponse> {
    return this.chunks.documentChunks(request.documentId, request.offset, request.limit);
  }
}
