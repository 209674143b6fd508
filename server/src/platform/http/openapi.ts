import { z, type ZodType } from 'zod';
import { ErrorBody } from '@zhike/shared/errors';
import type { RouteDefinition } from './api-router';

type JsonSchema = Record<string, unknown>;

/** Named schemas (`.meta({ id })`) collected while converting, emitted once under components.schemas. */
type Components = Record<string, JsonSchema>;

const pointToComponents = (json: unknown): JsonSchema =>
  JSON.parse(JSON.stringify(json).replace(/"#\/(definitions|\$defs)\//g, '"#/components/schemas/')) as JsonSchema;

function schemaOf(schema: ZodType, io: 'input' | 'output', components: Components): JsonSchema {
  const { definitions, $defs, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema & {
    definitions?: Components;
    $defs?: Components;
  };
  for (const [id, definition] of Object.entries({ ...definitions, ...$defs })) components[id] = pointToComponents(definition);
  return pointToComponents(json);
}

function parametersOf(schema: ZodType | undefined, location: 'query' | 'path', components: Components): object[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input', components) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    description: property.description,
    schema: property,
  }));
}


/** The OpenAPI 3 document, generated from the route declarations and their shared zod schemas. */
export function buildOpenApiDocument(routes: RouteDefinition[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, object>> = {};
  const components: Components = {};
  const errorBody = schemaOf(ErrorBody, 'output', components);
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorBody } } });
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const success = route.redirects
      ? { '302': { description: 'Redirect' } }
      : {
          [String(route.successStatus ?? 200)]: {
            description: 'Success',
            content: route.binaryResponse
              ? { [route.binaryResponse.contentType]: { schema: { type: 'string', format: 'binary' } } }
              : route.response
                ? {
                    'application/json': { schema: schemaOf(route.response, 'output', components) },
                    ...(route.download ? { [route.download.contentType]: { schema: { type: 'string', format: 'binary' } } } : {}),
                  }
                : undefined,
          },
        };
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      'x-access': route.access,
      security: route.access === 'anonymous' ? [] : [{ bearer: [] }, { staffCookie: [] }],
      parameters: [...parametersOf(route.query, 'query', components), ...parametersOf(route.params, 'path', components)],
      requestBody: route.binaryBody
        ? { required: true, content: Object.fromEntries(route.binaryBody.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) }
        : route.body
          ? { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input', components) } } }
          : undefined,
      responses: {
        ...success,
        '400': errorResponse('Bad input: malformed JSON or a field that fails validation'),
        ...(route.access === 'anonymous' ? {} : { '401': errorResponse('No valid session'), '403': errorResponse('Not allowed') }),
        '500': errorResponse('Unexpected error (details are only in the server log)'),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info,
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        staffCookie: { type: 'apiKey', in: 'cookie', name: 'zhike_staff_session' },
      },
    },
  };
}
