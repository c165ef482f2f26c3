import type { OutputModality } from '../catalog/model-catalog';
import { toWireModel } from '../catalog/model-catalog';
import { errorReply } from '../faults/error-replies';
import type { ApiContext } from './api-context';
import { replyError, replyJson } from './api-context';

const MAX_PAGE = 1_000;

/** `GET /models`: text models unless `output_modalities` says otherwise; `offset`/`limit` pages. */
export function handleListModels(context: ApiContext): void {
  const requested = (context.query.get('output_modalities') ?? 'text')
    .split(',')
    .map((value) => value.trim());
  const modalities: OutputModality[] = requested.includes('all')
    ? ['text', 'embeddings']
    : requested.filter(
        (value): value is OutputModality => value === 'text' || value === 'embeddings',
      );
  const models = context.state.catalog.list(modalities);
  const offset = Math.max(0, Number(context.query.get('offset') ?? 0) || 0);
  const limit = Math.min(
    MAX_PAGE,
    Math.max(1, Number(context.query.get('limit') ?? MAX_PAGE) || MAX_PAGE),
  );
  replyJson(context, 200, {
    data: models.slice(offset, offset + limit).map(toWireModel),
    total_count: models.length,
  });
}

/** `GET /embeddings/models`. */
export function handleListEmbeddingModels(context: ApiContext): void {
  replyJson(context, 200, { data: context.state.catalog.list(['embeddings']).map(toWireModel) });
}

/** `GET /model/{author}/{slug}`. */
export function handleGetModel(context: ApiContext, id: string): void {
  const model = context.state.catalog.get(id);
  if (!model) {
    replyError(context, errorReply(404, `Model ${id} not found`));
    return;
  }
  replyJson(context, 200, { data: toWireModel(model) });
}
