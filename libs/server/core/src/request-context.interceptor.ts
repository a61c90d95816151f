import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { Actor, RequestContext } from './request-context';

/** Runs each handler inside the tenant context of the actor the auth guard found. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ actor?: Actor; sessionId?: string; id?: string }>();
    return new Observable((subscriber) =>
      RequestContext.run(() => {
        if (request.actor) RequestContext.setActor(request.actor);
        if (request.sessionId) RequestContext.setSession(request.sessionId);
        return next.handle().subscribe(subscriber);
      }, request.id),
    );
  }
}
