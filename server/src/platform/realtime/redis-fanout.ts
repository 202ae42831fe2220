import type { Redis } from 'ioredis';
import type { Logger } from '../logger';

/** How long `subscribe` waits for Redis before letting the caller go on (the command stays queued). */
const SUBSCRIBE_WAIT_MS = 2000;

/**
 * Fan-out between nodes over Redis pub/sub. A node publishes what happened on it once; every node
 * subscribed to the topic gets it, except the publisher itself (it has delivered it locally
 * already, which also keeps local delivery working while Redis is away). Subscriptions live on a
 * second connection in subscriber mode; ioredis reconnects and resubscribes after a Redis restart.
 */
export class RedisFanout {
  private readonly subscriber: Redis;
  private readonly origin: string;
  private droppedSince: number | undefined;

  constructor(
    private readonly publisher: Redis,
    private readonly prefix: string,
    nodeId: string,
    private readonly log: Logger,
    onMessage: (topic: string, message: string) => void,
  ) {
    this.origin = `${nodeId}\n`;
    this.subscriber = publisher.duplicate({
      lazyConnect: true,
      // Subscribing waits for a reconnect instead of failing: a dropped SUBSCRIBE would be a silent hole.
      maxRetriesPerRequest: null,
      // Back within a second of Redis (ioredis' default backoff grows to 5 s).
      retryStrategy: (times: number) => Math.min(times * 100, 1000),
      connectionName: `rockethub-realtime-${nodeId}`,
    });
    this.subscriber.on('error', (error: Error) => log.warn({ err: error }, 'realtime: redis subscriber error'));
    this.subscriber.on('ready', () => log.debug('realtime: redis subscriber ready'));
    this.subscriber.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(this.prefix) || message.startsWith(this.origin)) return;
      const newline = message.indexOf('\n');
      if (newline < 0) return;
      try {
        onMessage(channel.slice(this.prefix.length), message.slice(newline + 1));
      } catch (error) {
        log.error({ err: error }, 'realtime: handling a message from redis failed');
      }
    });
  }

  /**
   * Sends to the other nodes; dropped while Redis is unreachable (live events are best effort:
   * clients resync from the API after any gap) rather than queued and delivered late.
   */
  publish(topic: string, message: string): void {
    if (this.publisher.status !== 'ready') {
      if (this.droppedSince === undefined) {
        this.droppedSince = Date.now();
        this.log.warn('realtime: redis unavailable, events reach only this node');
      }
      return;
    }
    if (this.droppedSince !== undefined) {
      this.log.info({ downMs: Date.now() - this.droppedSince }, 'realtime: redis back, publishing to other nodes again');
      this.droppedSince = undefined;
    }
    this.publisher.publish(this.prefix + topic, this.origin + message).catch((error: unknown) => {
      this.log.warn({ err: error }, 'realtime: publish failed');
    });
  }

  /** Resolves once Redis confirms, or after a short wait while Redis is away (it subscribes on reconnect). */
  async subscribe(topic: string): Promise<void> {
    const confirmed = this.subscriber.subscribe(this.prefix + topic).then(
      () => undefined,
      (error: unknown) => this.log.warn({ err: error, topic }, 'realtime: subscribe failed'),
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS);
    });
    await Promise.race([confirmed, waited]);
    clearTimeout(timer);
  }

  unsubscribe(topic: string): void {
    this.subscriber.unsubscribe(this.prefix + topic).catch((error: unknown) => {
      this.log.debug({ err: error, topic }, 'realtime: unsubscribe failed');
    });
  }

  async close(): Promise<void> {
    if (this.subscriber.status === 'ready') await this.subscriber.quit().catch(() => this.subscriber.disconnect());
    else this.subscriber.disconnect();
  }
}
