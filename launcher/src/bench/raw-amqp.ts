import amqp from 'amqplib';
import { randomUUID } from 'node:crypto';

import { sampleLatency } from './figures';

const REPLY_TO = 'amq.rabbitmq.reply-to';

/** Round trips through RabbitMQ with amqplib alone (direct reply-to, no delay): the floor. */
export async function rawAmqpRoundTrips(
  url: string,
  samples: number,
  warmup: number,
): Promise<number[]> {
  const connection = await amqp.connect(url, { noDelay: true });
  try {
    const server = await connection.createChannel();
    const queue = (await server.assertQueue('', { exclusive: true })).queue;
    await server.consume(
      queue,
      (message) => {
        if (message !== null) {
          server.sendToQueue(message.properties.replyTo as string, message.content, {
            correlationId: message.properties.correlationId as string,
          });
          server.ack(message);
        }
      },
      { noAck: false },
    );
    const client = await connection.createChannel();
    const waiting = new Map<string, () => void>();
    await client.consume(
      REPLY_TO,
      (message) => {
        if (message !== null) {
          waiting.get(message.properties.correlationId as string)?.();
        }
      },
      { noAck: true },
    );
    return await sampleLatency(
      () =>
        new Promise<void>((resolve) => {
          const id = randomUUID();
          waiting.set(id, () => {
            waiting.delete(id);
            resolve();
          });
          client.sendToQueue(queue, Buffer.from('{"n":1}'), {
            correlationId: id,
            replyTo: REPLY_TO,
          });
        }),
      samples,
      warmup,
    );
  } finally {
    await connection.close();
  }
}

/** Persistent events with publisher confirms and manual acks, with amqplib alone. */
export async function rawAmqpEventRate(
  url: string,
  count: number,
  inFlight: number,
  prefetch: number,
): Promise<number> {
  const connection = await amqp.connect(url, { noDelay: true });
  try {
    const consumer = await connection.createChannel();
    const queue = (await consumer.assertQueue(`bench.raw.${randomUUID()}`, { durable: true }))
      .queue;
    await consumer.prefetch(prefetch);
    let handled = 0;
    await consumer.consume(queue, (message) => {
      if (message !== null) {
        handled += 1;
        consumer.ack(message);
      }
    });
    const publisher = await connection.createConfirmChannel();
    const started = performance.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        next += 1;
        await new Promise<void>((resolve, reject) => {
          publisher.sendToQueue(
            queue,
            Buffer.from(`{"n":${next}}`),
            { persistent: true },
            (error) => {
              if (error === null || error === undefined) {
                resolve();
              } else {
                reject(error instanceof Error ? error : new Error('not confirmed'));
              }
            },
          );
        });
      }
    };
    await Promise.all(Array.from({ length: inFlight }, () => worker()));
    while (handled < count) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const rate = count / ((performance.now() - started) / 1000);
    await consumer.deleteQueue(queue);
    return rate;
  } finally {
    await connection.close();
  }
}
