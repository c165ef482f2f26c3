import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import S3rver from 's3rver';

import type { Logger } from '@deskpilot/observability';

export interface EmbeddedS3 {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  close(): Promise<void>;
}

/** s3rver's fixed development credentials. */
const LOCAL_KEY = 'S3RVER';

/**
 * An S3-compatible server (s3rver) on local disk, reached through the same AWS SDK calls as
 * Hetzner Object Storage. Used by the embedded mode and by local distributed runs.
 */
export async function startEmbeddedS3(
  dataDir: string,
  logger: Logger,
  port = 0,
  host = '127.0.0.1',
): Promise<EmbeddedS3> {
  const directory = join(dataDir, 's3');
  await mkdir(directory, { recursive: true });
  const server = new S3rver({ port, address: host, directory, silent: true, configureBuckets: [] });
  const address = await server.run();
  const endpoint = `http://${host}:${address.port}`;
  logger.info({ directory, endpoint }, 'Embedded S3 server ready');
  return {
    endpoint,
    accessKeyId: LOCAL_KEY,
    secretAccessKey: LOCAL_KEY,
    close: () => server.close(),
  };
}
