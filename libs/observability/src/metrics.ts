import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per process. In the embedded mode all five services share it, so metrics are
 * created once and labelled by service rather than registered by each service.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'deskpilot_' });

export function counter<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
): Counter<L> {
  const found = metricsRegistry.getSingleMetric(name);
  return found instanceof Counter
    ? found
    : new Counter<L>({ name, help, labelNames, registers: [metricsRegistry] });
}

export function gauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
): Gauge<L> {
  const found = metricsRegistry.getSingleMetric(name);
  return found instanceof Gauge
    ? found
    : new Gauge<L>({ name, help, labelNames, registers: [metricsRegistry] });
}

export function histogram<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets: number[],
): Histogram<L> {
  const found = metricsRegistry.getSingleMetric(name);
  return found instanceof Histogram
    ? found
    : new Histogram<L>({ name, help, labelNames, buckets, registers: [metricsRegistry] });
}
