import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Actor } from './actor.ts';
import { commonErrors } from './errors.ts';
import type { Locale } from './i18n.ts';

/** The Fastify instance routes are declared on: TypeBox schemas give typed request bodies. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Route answers without a session (login, health) */
    public?: boolean;
  }
}

/** The caller of an authenticated route (the auth hook has already refused anonymous calls). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw commonErrors.UNAUTHENTICATED();
  return request.actor;
}

/** Sends a file download with a UTF-8 file name (Chinese names survive). */
export function sendDownload(reply: FastifyReply, fileName: string, contentType: string) {
  reply.header('content-type', contentType);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  return reply;
}
