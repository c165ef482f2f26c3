import type { MirroredIndex } from './table-mirror';
import { TableMirror } from './table-mirror';

interface Entry {
  readonly chunkId: string;
  readonly changeSeq: bigint;
}

/** A table of live chunks and an index of them, both plain maps. */
function setUp(table: Entry[]) {
  const held = new Map<string, Entry>();
  const index: MirroredIndex<Entry> = {
    get size() {
      return held.size;
    },
    chunkIds: () => held.keys(),
    has: (id) => held.has(id),
    add: (entries) => {
      for (const entry of entries) {
        held.set(entry.chunkId, entry);
      }
    },
    remove: (ids) => {
      for (const id of ids) {
        held.delete(id);
      }
    },
  };
  let reads = 0;
  const mirror = new TableMirror(index, {
    stats: () =>
      Promise.resolve({
        count: table.length,
        maxChangeSeq: table.reduce((max, e) => (e.changeSeq > max ? e.changeSeq : max), 0n),
      }),
    ids: () => {
      reads += 1;
      return Promise.resolve(table.map((e) => e.chunkId));
    },
    byIds: (ids) => Promise.resolve(table.filter((e) => ids.includes(e.chunkId))),
  });
  return { held, mirror, reads: () => reads };
}

describe(TableMirror.name, () => {
  it('should add what the index misses and remove what the table no longer has', async () => {
    const table = [
      { chunkId: 'a', changeSeq: 1n },
      { chunkId: 'b', changeSeq: 2n },
    ];
    const { held, mirror } = setUp(table);
    mirror.add([table[0] as Entry, { chunkId: 'gone', changeSeq: 1n }]);

    expect(await mirror.reconcile()).toEqual({ added: 1, removed: 1 });
    expect([...held.keys()].sort()).toEqual(['a', 'b']);
  });

  it('should not read the ids when count and latest change agree', async () => {
    const table = [{ chunkId: 'a', changeSeq: 5n }];
    const { mirror, reads } = setUp(table);
    mirror.add(table);

    expect(await mirror.reconcile()).toEqual({ added: 0, removed: 0 });
    expect(reads()).toBe(0);
  });

  it('should look again when the table changed at the same count', async () => {
    const table = [{ chunkId: 'a', changeSeq: 5n }];
    const { held, mirror } = setUp(table);
    mirror.add(table);
    table.splice(0, 1, { chunkId: 'b', changeSeq: 6n });

    expect(await mirror.reconcile()).toEqual({ added: 1, removed: 1 });
    expect([...held.keys()]).toEqual(['b']);
  });
});
