import type { BusTopology } from './broker';

/** Services whose work queue receives the event. */
export function workConsumersOf(topology: BusTopology, name: string): string[] {
  return Object.entries(topology)
    .filter(([, routes]) => routes.events.includes(name))
    .map(([service]) => service);
}

/** Services whose every replica receives the event. */
export function broadcastConsumersOf(topology: BusTopology, name: string): string[] {
  return Object.entries(topology)
    .filter(([, routes]) => routes.broadcast.includes(name))
    .map(([service]) => service);
}

/** The one service that answers a request, if any. */
export function ownerOf(topology: BusTopology, rpc: string): string | undefined {
  return Object.entries(topology).find(([, routes]) => routes.rpcs.includes(rpc))?.[0];
}
