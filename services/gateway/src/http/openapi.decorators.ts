import { HttpStatus, applyDecorators } from '@nestjs/common';
import type { ApiResponseSchemaHost } from '@nestjs/swagger';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

import { ApiError } from '@deskpilot/contracts';

type SchemaObject = ApiResponseSchemaHost['schema'];

function openApiSchema(schema: z.ZodType, io: 'input' | 'output'): SchemaObject {
  return z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
  }) as SchemaObject;
}

/** Documents a JSON request body with its schema from @deskpilot/contracts. */
export function ApiJsonBody(schema: z.ZodType): MethodDecorator {
  return ApiBody({ schema: openApiSchema(schema, 'input') });
}

/** Documents a JSON response with its schema from @deskpilot/contracts. */
export function ApiJsonResponse(
  status: HttpStatus,
  schema: z.ZodType,
  description?: string,
): MethodDecorator {
  return ApiResponse({
    status,
    schema: openApiSchema(schema, 'output'),
    ...(description === undefined ? {} : { description }),
  });
}

/** Documents each field of a query schema as a query parameter. */
export function ApiJsonQuery(schema: z.ZodObject): MethodDecorator {
  const json = openApiSchema(schema, 'input');
  const required = new Set(json.required ?? []);
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), schema: property as SchemaObject }),
    ),
  );
}

/** Documents error statuses with the shared error body. */
export function ApiErrorResponses(
  ...statuses: readonly { status: HttpStatus; description: string }[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map(({ status, description }) =>
      ApiResponse({ status, description, schema: openApiSchema(ApiError, 'output') }),
    ),
  );
}
