import { Controller, SetMetadata, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { finalize, interval, map, merge, Observable, startWith } from 'rxjs';
import { TYPED_ENDPOINT } from '../common/http/typed-api.js';
import { refOf } from '../common/http/openapi-schemas.js';
import { LiveEventSchema } from './live-events.dto.js';
import { LiveEventsService } from './live-events.service.js';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

@ApiTags('console')
@Controller('api/v1/live')
export class LiveEventsController {
  constructor(private readonly live: LiveEventsService) {}

  @Sse()
  @ApiOperation({
    summary:
      'Live updates as server-sent events (text/event-stream): each event’s data is a LiveEvent as JSON. ' +
      'Send the API key as a header (fetch, not EventSource, which cannot).',
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({
    status: 200,
    description: 'A stream of `data: <LiveEvent JSON>` events, a heartbeat every 15 s',
    content: { 'text/event-stream': { schema: refOf(LiveEventSchema) } },
  })
  @SetMetadata(TYPED_ENDPOINT, true)
  stream(): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      const disconnect = this.live.connected();
      // one at once, so a client knows the stream is open
      const heartbeat = interval(HEARTBEAT_MS).pipe(
        startWith(0),
        map(() => ({ kind: 'heartbeat' as const, at: Date.now() })),
      );
      return merge(this.live.stream, heartbeat)
        .pipe(
          map((event): MessageEvent => ({ data: event })),
          finalize(disconnect),
        )
        .subscribe(subscriber);
    });
  }
}
