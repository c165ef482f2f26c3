import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import {
  ArticleBody,
  ArticleEditBody,
  ArticleView,
  DocumentReplaceResponse,
  DocumentUploadResult,
} from '@deskpilot/contracts';

import type { AuthenticatedUser } from '../auth';
import { CurrentUser, Roles } from '../auth';
import { ApiErrorResponses, ApiJsonBody, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ArticlesService } from './articles.service';

const NOT_FOUND = { status: HttpStatus.NOT_FOUND, description: 'No such document' };
const NOT_EDITABLE = {
  status: HttpStatus.CONFLICT,
  description:
    'Not a Markdown or text document of its own (a PDF, a web page), or, for an edit, changed ' +
    'since the editor opened it',
};
const id = new ParseUUIDPipe();

@ApiTags('documents')
@Controller('documents')
@Roles('admin')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Post('articles')
  @ApiOperation({
    summary: 'Write an article in the console: a Markdown document under its title',
    description:
      'Answers the upload result: `created` (queued for ingestion, like an uploaded file) or ' +
      '`duplicate` (the same article is already a document). Audited as an upload.',
  })
  @ApiJsonBody(ArticleBody)
  @ApiJsonResponse(HttpStatus.CREATED, DocumentUploadResult)
  @ApiErrorResponses({
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    description: 'The article could not be stored',
  })
  write(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(ArticleBody)) body: z.output<typeof ArticleBody>,
  ): Promise<DocumentUploadResult> {
    return this.articles.write(user, body);
  }

  @Get(':id/article')
  @ApiParam({ name: 'id', description: 'Document id (UUID)' })
  @ApiOperation({ summary: 'A Markdown or text document as the article editor shows it' })
  @ApiJsonResponse(HttpStatus.OK, ArticleView)
  @ApiErrorResponses(NOT_FOUND, NOT_EDITABLE)
  read(@Param('id', id) documentId: string): Promise<ArticleView> {
    return this.articles.read(documentId);
  }

  @Put(':id/article')
  @ApiParam({ name: 'id', description: 'Document id (UUID)' })
  @ApiOperation({
    summary: 'Save an edited article as a new version of its document',
    description:
      'The old chunks stay searchable until the new version is indexed. `version` is the ' +
      'version the editor opened; `unchanged` when neither title nor text changed.',
  })
  @ApiJsonBody(ArticleEditBody)
  @ApiJsonResponse(HttpStatus.OK, DocumentReplaceResponse)
  @ApiErrorResponses(NOT_FOUND, NOT_EDITABLE)
  edit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) documentId: string,
    @Body(new ZodValidationPipe(ArticleEditBody)) body: z.output<typeof ArticleEditBody>,
  ): Promise<DocumentReplaceResponse> {
    return this.articles.edit(user, documentId, body);
  }
}
