import { Injectable } from '@nestjs/common';

import type {
  FindBySourceResponse,
  GetDocumentResponse,
  KnowledgeRpc,
  ListDocumentsResponse,
  RpcRequest,
} from '@deskpilot/contracts';
import { KnowledgeRpc as Rpc } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';

import { toDocumentSummary } from './document-view';
import { DocumentsException } from './documents.exception';
import { DocumentsRepository } from './documents.repository';

/** Lists and single documents for the console; the chunks come from retrieval, which owns them. */
@Injectable()
export class DocumentQueriesService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly bus: MessageBus,
  ) {}

  async list(request: RpcRequest<typeof KnowledgeRpc.List>): Promise<ListDocumentsResponse> {
    const { page, pageSize } = request;
    const { items, total } = await this.documents.findPage({
      search: request.search,
      status: request.status,
      source: request.source,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: items.map(toDocumentSummary), total, page, pageSize };
  }

  async findBySource(
    request: RpcRequest<typeof KnowledgeRpc.FindBySource>,
  ): Promise<FindBySourceResponse> {
    const documents = await this.documents.findBySourceUrls(request.urls);
    return { documents: documents.map(toDocumentSummary) };
  }

  async get(request: RpcRequest<typeof KnowledgeRpc.Get>): Promise<GetDocumentResponse> {
    const document = await this.documents.findById(request.documentId);
    if (document === null) {
      throw DocumentsException.notFound(request.documentId);
    }
    const { chunks, total, languages } =
      request.chunkLimit === 0 && request.chunkOffset === 0
        ? { chunks: [], total: document.chunkCount, languages: undefined }
        : await this.bus.request(Rpc.DocumentChunks, {
            documentId: request.documentId,
            offset: request.chunkOffset,
            limit: request.chunkLimit,
          });
    return {
      document: toDocumentSummary(document),
      chunks,
      totalChunks: total,
      ...(languages === undefined ? {} : { languages }),
    };
  }
}
