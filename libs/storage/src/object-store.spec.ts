import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLogger } from '@deskpilot/observability';

import type { EmbeddedS3 } from './embedded-s3';
import { startEmbeddedS3 } from './embedded-s3';
import { ObjectNotFoundError, ObjectStore } from './object-store';

const logger = createLogger({ service: 'test', instanceId: 'test', level: 'silent' });

describe(ObjectStore.name, () => {
  let dir: string;
  let s3: EmbeddedS3;
  let sut: ObjectStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'object-store-'));
    s3 = await startEmbeddedS3(dir, logger);
    sut = new ObjectStore({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      bucket: 'documents',
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    });
    await sut.ensureBucket();
  });

  afterAll(async () => {
    sut.close();
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('should store and read back the exact bytes', async () => {
    const body = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);

    await sut.put('docs/a/v1.pdf', body, 'application/pdf');

    expect(await sut.get('docs/a/v1.pdf')).toEqual(body);
  });

  it('should report a missing object as ObjectNotFoundError', async () => {
    await expect(sut.get('docs/missing')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('should delete an object, and accept deleting it again', async () => {
    await sut.put('docs/b/v1.txt', Buffer.from('hello'), 'text/plain');

    await sut.delete('docs/b/v1.txt');
    await sut.delete('docs/b/v1.txt');

    await expect(sut.get('docs/b/v1.txt')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('should create the bucket once and find it afterwards', async () => {
    await expect(sut.ensureBucket()).resolves.toBeUndefined();
    await expect(sut.ping()).resolves.toBeUndefined();
  });

  it('should fail the readiness probe when the bucket does not exist', async () => {
    const other = new ObjectStore({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      bucket: 'not-created',
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    });

    await expect(other.ping()).rejects.toThrow();
    other.close();
  });
});
