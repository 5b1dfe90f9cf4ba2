// Response declarations every signed-in route shares, for the OpenAPI document.
import { problemBody } from '../schemas.ts';

export const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const signedInResponses = {
  400: json(problemBody, 'A query parameter is invalid; each problem names it'),
  401: json(problemBody, 'No token, or a token that is expired, wrongly signed or for another audience'),
} as const;

export const security = [{ bearer: [] }];
