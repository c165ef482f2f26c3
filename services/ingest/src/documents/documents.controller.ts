import { Controller } from '@nestjs/common';

import type {
  ClaimWebRefreshesResponse,
  DeleteDocumentResponse,
  DocumentSummary,
  FindBySourceResponse,
  GetDocumentResponse,
  ListDocumentsResponse,
  RegisterDocumentResponse,
  ReindexAllResponse,
  ReplaceDocumentResponse,
  RequestWebRefreshesResponse,
  RpcRequest,
  SetDocumentLanguageResponse,
} from '@deskpilot/contracts';
import { KnowledgeRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';

import { DocumentQueriesService } from './document-queries.service';
import { DocumentsService } from './documents.service';

/** The document RPCs the gateway calls. */
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly queries: DocumentQueriesService,
  ) {}

  @OnRequest(KnowledgeRpc.Register)
  register(request: RpcRequest<typeof KnowledgeRpc.Register>): Promise<RegisterDocumentResponse> {
    return this.documents.register(request);
  }

  @OnRequest(KnowledgeRpc.Replace)
  replace(request: RpcRequest<typeof KnowledgeRpc.Replace>): Promise<ReplaceDocumentResponse> {
    return this.documents.replace(request);
  }

  @OnRequest(KnowledgeRpc.Delete)
  async delete(request: RpcRequest<typeof KnowledgeRpc.Delete>): Promise<DeleteDocumentResponse> {
    await this.documents.delete(request.documentId);
    return { deleted: true };
  }

  @OnRequest(KnowledgeRpc.Reindex)
  reindex(request: RpcRequest<typeof KnowledgeRpc.Reindex>): Promise<DocumentSummary> {
    return this.documents.reindex(request.documentId);
  }

  @OnRequest(KnowledgeRpc.SetLanguage)
  setLanguage(
    request: RpcRequest<typeof KnowledgeRpc.SetLanguage>,
  ): Promise<SetDocumentLanguageResponse> {
    return this.documents.setLanguage(request);
  }

  @OnRequest(KnowledgeRpc.ReindexAll)
  async reindexAll(): Promise<ReindexAllResponse> {
    return { queued: await this.documents.reindexAll() };
  }

  @OnRequest(KnowledgeRpc.ClaimWebRefreshes)
  claimWebRefreshes(
    request: RpcRequest<typeof KnowledgeRpc.ClaimWebRefreshes>,
  ): Promise<ClaimWebRefreshesResponse> {
    return this.documents.claimWebRefreshes(request);
  }

  @OnRequest(KnowledgeRpc.RequestWebRefreshes)
  requestWebRefreshes(
    request: RpcRequest<typeof KnowledgeRpc.RequestWebRefreshes>,
  ): Promise<RequestWebRefreshesResponse> {
    return this.documents.requestWebRefreshes(request);
  }

  @OnRequest(KnowledgeRpc.RecordWebCheck)
  recordWebCheck(
    request: RpcRequest<typeof KnowledgeRpc.RecordWebCheck>,
  ): Promise<DocumentSummary> {
    return this.documents.recordWebCheck(request);
  }

  @OnRequest(KnowledgeRpc.FindBySource)
  findBySource(
    request: RpcRequest<typeof KnowledgeRpc.FindBySource>,
  ): Promise<FindBySourceResponse> {
    return this.queries.findBySource(request);
  }

  @OnRequest(KnowledgeRpc.List)
  list(request: RpcRequest<typeof KnowledgeRpc.List>): Promise<ListDocumentsResponse> {
    return this.queries.list(request);
  }

  @OnRequest(KnowledgeRpc.Get)
  get(request: RpcRequest<typeof KnowledgeRpc.Get>): Promise<GetDocumentResponse> {
    return this.queries.get(request);
  }
}
